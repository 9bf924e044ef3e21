/**
 * Auth0's validation wording. Property messages read
 * `Payload validation error: '<detail>' on property <path> (<description>).` and body-level ones
 * `Payload validation error: '<detail>'.`; the details follow the schema validator Auth0 runs (z-schema).
 */
import { ATTRIBUTES } from './schema.js';

/** What Auth0's JSON parser answers for a body it will not parse, `__proto__` keys included. */
export const INVALID_JSON_MESSAGE = 'Invalid request payload JSON format';

/** A detail about one property, in Auth0's words. */
export function propertyMessage(detail: string, path: string, description: string): string {
  return `Payload validation error: '${detail}' on property ${path} (${description}).`;
}

/** A detail about the body as a whole, in Auth0's words. */
export function bodyMessage(detail: string): string {
  return `Payload validation error: '${detail}'.`;
}

/**
 * Auth0's wording for a request body its schema validator refuses, on any route: about one property (its path and
 * the description Auth0 quotes from its schema), or about the body as a whole.
 *
 * @example
 * payloadValidationMessage('Missing required property: connection');
 * // "Payload validation error: 'Missing required property: connection'."
 * payloadValidationMessage('Expected type boolean but found type string', { path: 'blocked', description: 'Whether this user was blocked by an administrator (true) or not (false).' });
 * // "Payload validation error: 'Expected type boolean but found type string' on property blocked (Whether this user was blocked by an administrator (true) or not (false).)."
 */
export function payloadValidationMessage(
  detail: string,
  property?: { readonly path: string; readonly description: string },
): string {
  return property === undefined ? bodyMessage(detail) : propertyMessage(detail, property.path, property.description);
}

/** Auth0's answer to root properties a PATCH may not write, named in the order the patch has them. */
export function additionalPropertiesMessage(keys: readonly string[]): string {
  return bodyMessage(
    `Additional properties not allowed: ${keys.join(',')} (consider storing them in app_metadata or user_metadata. See "Users Metadata" in https://auth0.com/docs/api/v2/changes for more details)`,
  );
}

/** Auth0's answer to a body with no attribute it can update, such as `{}`. */
export function noValidSchemaMessage(): string {
  const inner = [...ATTRIBUTES.keys()].map((key) => bodyMessage(`Missing required property: ${key}`));
  return `${bodyMessage('None of the valid schemas were met')} Inner errors: [ ${inner.join(' (also) ')} ].`;
}

/**
 * The JSON Schema name of a value's type as Auth0's validator spells it in its messages (`integer` for whole
 * numbers, `number` otherwise), or what the value is when it is not JSON at all (`undefined`, `function`, `bigint`,
 * `not-a-number`, `Date`, ...).
 *
 * @example
 * jsonTypeName(3); // 'integer'
 * jsonTypeName(1.5); // 'number'
 * jsonTypeName(null); // 'null'
 * jsonTypeName(new Date()); // 'Date'
 * `Expected type string but found type ${jsonTypeName([])}`; // 'Expected type string but found type array'
 */
export function jsonTypeName(value: unknown): string {
  switch (typeof value) {
    case 'number':
      if (Number.isNaN(value)) return 'not-a-number';
      if (!Number.isFinite(value)) return 'unknown-number';
      return Number.isInteger(value) ? 'integer' : 'number';
    case 'object':
      if (value === null) return 'null';
      if (Array.isArray(value)) return 'array';
      return objectKind(value);
    default:
      return typeof value;
  }
}

function objectKind(value: object): string {
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype === Object.prototype || prototype === null) return 'object';
  const constructor: unknown = (prototype as { constructor?: unknown }).constructor;
  return typeof constructor === 'function' && constructor.name !== ''
    ? constructor.name
    : 'object with a custom prototype';
}
