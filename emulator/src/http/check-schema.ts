/**
 * Values checked as the Management API checks them: its validator (z-schema) against the schemas of Auth0's
 * OpenAPI description, in z-schema's words, the first fault answered with Auth0's 400. The checks, in order:
 * the type; then for a string its length, `enum`, `pattern` and `format`, for a number its bounds, for an array
 * its length then each item, for an object its unknown keys, its required keys, its count of keys then each
 * property in the schema's order; `enum` for other values; `oneOf` after the type.
 */
import { jsonTypeName } from 'auth0-user-patch';
import { isPlainObject } from '../internal/is-plain-object.js';
import type { Infer, JsonSchema, JsonType } from './json-schema.js';
import { Refusal } from './refusal.js';
import { validationError, validationMessage, type Place } from './responses.js';

/**
 * Auth0's own formats, whose definitions it does not publish: the emulator refuses what no id can be (an empty
 * string; for a client id anything but letters, digits, `-` and `_`, which meets the refusal ruby-auth0 recorded
 * for `#<Random:0x00007fd199de72c8>`). Every other format (`email`, `url`, ...) is accepted unchecked.
 */
const FORMATS: Readonly<Record<string, (value: string) => boolean>> = {
  'user-id': (value) => value !== '',
  'user-id-with-max-length': (value) => value !== '',
  'organization-id': (value) => value !== '',
  'client-id': (value) => /^[\w-]+$/.test(value),
};

/** Where the value being checked sits: its path (none at the root) and the description Auth0 quotes for it. */
type Where = { readonly place: Place; readonly path: string | undefined; readonly description: string };

/** Checks `value` against `schema`, or throws a {@link Refusal} with Auth0's 400 for its first fault. */
export function checkValue<const S extends JsonSchema>(
  value: unknown,
  schema: S,
  place: Place,
): asserts value is Infer<S> {
  const fault = faultOf(value, schema, { place, path: undefined, description: schema.description ?? '' });
  if (fault !== undefined) throw new Refusal(validationError(place, fault));
}

/** The message of the first fault of `value`, or `undefined` when it conforms. */
function faultOf(value: unknown, schema: JsonSchema, where: Where): string | undefined {
  const say = (detail: string) =>
    validationMessage(
      where.place,
      detail,
      where.path === undefined ? undefined : { path: where.path, description: where.description },
    );
  if (schema.type !== undefined) {
    const types: readonly JsonType[] = typeof schema.type === 'string' ? [schema.type] : schema.type;
    if (!types.some((type) => hasType(value, type)))
      return say(`Expected type ${types.join(',')} but found type ${jsonTypeName(value)}`);
  }
  if (schema.oneOf !== undefined) {
    const faults = schema.oneOf.map((option) => faultOf(value, option, within(where, where.path, option)));
    const passed = faults.filter((fault) => fault === undefined).length;
    if (passed === 0)
      return `${say('None of the valid schemas were met')} Inner errors: [ ${faults.join(' (also) ')} ].`;
    if (passed > 1) return say("Data is valid against more than one schema from 'oneOf'");
  }
  if (typeof value === 'string') return stringFault(value, schema, say);
  if (schema.enum !== undefined && !schema.enum.includes(value))
    return say(`No enum match for: ${JSON.stringify(value)}`);
  if (typeof value === 'number') return numberFault(value, schema, say);
  if (Array.isArray(value)) return arrayFault(value, schema, where, say);
  if (isPlainObject(value)) return objectFault(value, schema, where, say);
  return undefined;
}

/** The place of a part of the value: its path, and its own description or else the nearest one above it. */
function within(where: Where, path: string | undefined, schema: JsonSchema): Where {
  return { place: where.place, path, description: schema.description ?? where.description };
}

function hasType(value: unknown, type: JsonType): boolean {
  switch (type) {
    case 'integer':
      return jsonTypeName(value) === 'integer';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'array':
      return Array.isArray(value);
    case 'object':
      return isPlainObject(value);
    case 'null':
      return value === null;
    default:
      return typeof value === type;
  }
}

function stringFault(value: string, schema: JsonSchema, say: (detail: string) => string): string | undefined {
  // z-schema counts code points and reports UTF-16 units.
  const length = [...value].length;
  if (schema.minLength !== undefined && length < schema.minLength)
    return say(`String is too short (${value.length} chars), minimum ${schema.minLength}`);
  if (schema.maxLength !== undefined && length > schema.maxLength)
    return say(`String is too long (${value.length} chars), maximum ${schema.maxLength}`);
  if (schema.enum !== undefined && !schema.enum.includes(value))
    return say(`No enum match for: ${JSON.stringify(value)}`);
  if (schema.pattern !== undefined && !new RegExp(schema.pattern).test(value))
    return say(`String does not match pattern ${schema.pattern}: ${value}`);
  const format = schema.format === undefined ? undefined : FORMATS[schema.format];
  if (format !== undefined && !format(value))
    return say(`Object didn't pass validation for format ${schema.format}: ${value}`);
  return undefined;
}

function numberFault(value: number, schema: JsonSchema, say: (detail: string) => string): string | undefined {
  if (schema.minimum !== undefined && value < schema.minimum)
    return say(`Value ${value} is less than minimum ${schema.minimum}`);
  if (schema.maximum !== undefined && value > schema.maximum)
    return say(`Value ${value} is greater than maximum ${schema.maximum}`);
  return undefined;
}

function arrayFault(
  value: readonly unknown[],
  schema: JsonSchema,
  where: Where,
  say: (detail: string) => string,
): string | undefined {
  if (schema.minItems !== undefined && value.length < schema.minItems)
    return say(`Array is too short (${value.length}), minimum ${schema.minItems}`);
  const { items } = schema;
  if (items === undefined) return undefined;
  for (const [index, item] of value.entries()) {
    const fault = faultOf(item, items, within(where, `${where.path ?? ''}[${index}]`, items));
    if (fault !== undefined) return fault;
  }
  return undefined;
}

function objectFault(
  value: Readonly<Record<string, unknown>>,
  schema: JsonSchema,
  where: Where,
  say: (detail: string) => string,
): string | undefined {
  const properties = schema.properties ?? {};
  if (schema.additionalProperties === false) {
    const extra = Object.keys(value).filter((key) => !Object.hasOwn(properties, key));
    if (extra.length > 0) return say(`Additional properties not allowed: ${extra.join(',')}`);
  }
  for (const key of schema.required ?? [])
    if (!Object.hasOwn(value, key)) return say(`Missing required property: ${key}`);
  const count = Object.keys(value).length;
  if (schema.minProperties !== undefined && count < schema.minProperties)
    return say(`Too few properties defined (${count}), minimum ${schema.minProperties}`);
  if (schema.maxProperties !== undefined && count > schema.maxProperties)
    return say(`Too many properties defined (${count}), maximum ${schema.maxProperties}`);
  for (const [key, property] of Object.entries(properties)) {
    if (!Object.hasOwn(value, key)) continue;
    const path = where.path === undefined ? key : `${where.path}.${key}`;
    const fault = faultOf(value[key], property, within(where, path, property));
    if (fault !== undefined) return fault;
  }
  return undefined;
}
