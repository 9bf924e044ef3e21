/**
 * A query string read as the Management API reads it: each value converted to its parameter's type (a number, a
 * boolean, an array for a repeated or array parameter), then checked against the route's query schema, so an
 * unknown parameter, a wrong type or a value out of range is Auth0's 400 `invalid_query_string`, never ignored.
 */
import { checkValue } from './check-schema.js';
import type { Infer, JsonSchema, ObjectSchema } from './json-schema.js';

/** The parameters of `query` (without its `?`) as the schema types them, or a Refusal with Auth0's 400. */
export function readQuery<const S extends ObjectSchema>(query: string, schema: S): Infer<S> {
  if (query === '') {
    const none: unknown = {};
    checkValue(none, schema, 'query');
    return none;
  }
  const given = new Map<string, string[]>();
  for (const [name, value] of new URLSearchParams(query)) given.set(name, [...(given.get(name) ?? []), value]);
  const values: unknown = Object.fromEntries(
    [...given].map(([name, texts]) => {
      const parameter = Object.hasOwn(schema.properties, name) ? schema.properties[name] : undefined;
      const converted = texts.map((text) => convert(text, isArray(parameter) ? parameter?.items : parameter));
      return [name, isArray(parameter) || converted.length > 1 ? converted : converted[0]];
    }),
  );
  checkValue(values, schema, 'query');
  return values;
}

const isArray = (parameter: JsonSchema | undefined) => parameter?.type === 'array';

/** A text as its parameter's type would have it; what does not convert stays text, for the check to refuse. */
function convert(text: string, parameter: JsonSchema | undefined): unknown {
  const types =
    parameter?.type === undefined ? [] : typeof parameter.type === 'string' ? [parameter.type] : parameter.type;
  if ((types.includes('integer') || types.includes('number')) && /^-?(\d+|\d*\.\d+)$/.test(text)) return Number(text);
  if (types.includes('boolean') && (text === 'true' || text === 'false')) return text === 'true';
  return text;
}
