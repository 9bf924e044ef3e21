/** The query parameters a route takes, checked as the Management API checks them: never ignored. */
import { Refusal } from './refusal.js';
import { invalidQuery } from './responses.js';

/** One query parameter: its type, its limits and the description Auth0 quotes when it refuses a value. */
export type QueryParam =
  | { readonly type: 'integer'; readonly description: string; readonly minimum?: number; readonly maximum?: number }
  | { readonly type: 'boolean'; readonly description: string }
  | {
      readonly type: 'string';
      readonly description: string;
      readonly values?: readonly string[];
      readonly minLength?: number;
    };

/** The parameters a route takes, by name. */
export type QuerySchema = Readonly<Record<string, QueryParam>>;

/** A checked query: each parameter given, as its type. */
export type QueryValues = Readonly<Record<string, string | number | boolean>>;

/** Checks a raw query string against a schema: the values, or a {@link Refusal} with Auth0's 400 `invalid_query_string`. */
export function readQuery(query: string, schema: QuerySchema): QueryValues {
  const given = new Map<string, string[]>();
  for (const [name, value] of new URLSearchParams(query)) {
    const values = given.get(name);
    if (values === undefined) given.set(name, [value]);
    else values.push(value);
  }
  const unknown = [...given.keys()].filter((name) => !Object.hasOwn(schema, name));
  if (unknown.length > 0) throw new Refusal(invalidQuery(`Additional properties not allowed: ${unknown.join(',')}`));
  const values: Record<string, string | number | boolean> = {};
  for (const [name, texts] of given) {
    const param = schema[name] as QueryParam;
    if (texts.length > 1)
      throw new Refusal(invalidQuery(`Expected type ${param.type} but found type array`, name, param.description));
    const value = readValue(texts[0] as string, param);
    if (typeof value === 'object') throw new Refusal(invalidQuery(value.detail, name, param.description));
    values[name] = value;
  }
  return values;
}

function readValue(text: string, param: QueryParam): string | number | boolean | { detail: string } {
  switch (param.type) {
    case 'integer': {
      if (!/^-?\d+$/.test(text))
        return { detail: `Expected type integer but found type ${/^-?\d*\.\d+$/.test(text) ? 'number' : 'string'}` };
      const value = Number(text);
      if (param.minimum !== undefined && value < param.minimum)
        return { detail: `Value ${value} is less than minimum ${param.minimum}` };
      if (param.maximum !== undefined && value > param.maximum)
        return { detail: `Value ${value} is greater than maximum ${param.maximum}` };
      return value;
    }
    case 'boolean':
      if (text === 'true') return true;
      if (text === 'false') return false;
      return { detail: 'Expected type boolean but found type string' };
    case 'string':
      if (param.minLength !== undefined && text.length < param.minLength) {
        return { detail: `String is too short (${text.length} chars), minimum ${param.minLength}` };
      }
      if (param.values !== undefined && !param.values.includes(text)) {
        return { detail: `No enum match for: ${JSON.stringify(text)}` };
      }
      return text;
  }
}
