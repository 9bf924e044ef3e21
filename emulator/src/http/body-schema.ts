/**
 * Request bodies checked as the Management API checks them (its schema validator, z-schema), with Auth0's
 * `Payload validation error` wording and errorCode `invalid_body`: never ignored, never half-applied.
 */
import { isPlainObject } from '../internal/is-plain-object.js';
import { jsonTypeName, payloadValidationMessage } from 'auth0-user-patch';
import { Refusal } from './refusal.js';
import { apiError } from './responses.js';

/** One property of a body: its type, its limits and the description Auth0 quotes when it refuses a value. */
export type BodyProperty =
  | {
      readonly type: 'string';
      readonly description: string;
      readonly minLength?: number;
      readonly values?: readonly string[];
      readonly pattern?: RegExp;
    }
  | { readonly type: 'boolean'; readonly description: string }
  | { readonly type: 'integer'; readonly description: string; readonly minimum?: number; readonly maximum?: number }
  | { readonly type: 'string-or-integer'; readonly description: string }
  | {
      readonly type: 'array';
      readonly description: string;
      readonly items: BodyProperty | BodyObject;
      readonly minItems?: number;
    }
  | BodyObject;

/** An object with known properties only (`additionalProperties: false`). */
export type BodyObject = {
  readonly type: 'object';
  readonly description: string;
  readonly properties: Readonly<Record<string, BodyProperty>>;
  readonly required?: readonly string[];
};

/** Checks a parsed body against its schema: the body, or a {@link Refusal} with Auth0's 400 `invalid_body`. */
export function checkBody(body: unknown, schema: BodyObject): Record<string, unknown> {
  if (!isPlainObject(body))
    refuse(payloadValidationMessage(`Expected type object but found type ${jsonTypeName(body)}`));
  checkObject(body, schema, undefined);
  return body;
}

function refuse(message: string): never {
  throw new Refusal(apiError(400, message, 'invalid_body'));
}

/** A detail at the root of the body, or on the property at `path`. */
function fault(detail: string, path: string | undefined, description: string): never {
  refuse(payloadValidationMessage(detail, path === undefined ? undefined : { path, description }));
}

function checkObject(value: Record<string, unknown>, schema: BodyObject, path: string | undefined): void {
  const extra = Object.keys(value).filter((key) => !Object.hasOwn(schema.properties, key));
  if (extra.length > 0) fault(`Additional properties not allowed: ${extra.join(',')}`, path, schema.description);
  for (const key of schema.required ?? []) {
    if (!Object.hasOwn(value, key)) fault(`Missing required property: ${key}`, path, schema.description);
  }
  for (const [key, property] of Object.entries(schema.properties)) {
    if (Object.hasOwn(value, key)) checkValue(value[key], property, path === undefined ? key : `${path}.${key}`);
  }
}

function checkValue(value: unknown, property: BodyProperty, path: string): void {
  const { description } = property;
  const found = jsonTypeName(value);
  const expect = (type: string) => fault(`Expected type ${type} but found type ${found}`, path, description);
  switch (property.type) {
    case 'string':
      if (typeof value !== 'string') return expect('string');
      if (property.minLength !== undefined && value.length < property.minLength) {
        fault(`String is too short (${value.length} chars), minimum ${property.minLength}`, path, description);
      }
      if (property.values !== undefined && !property.values.includes(value))
        fault(`No enum match for: ${JSON.stringify(value)}`, path, description);
      if (property.pattern !== undefined && !property.pattern.test(value)) {
        fault(`String does not match pattern ${property.pattern.source}: ${value}`, path, description);
      }
      return;
    case 'boolean':
      if (typeof value !== 'boolean') expect('boolean');
      return;
    case 'integer':
      if (found !== 'integer') return expect('integer');
      if (property.minimum !== undefined && (value as number) < property.minimum)
        fault(`Value ${String(value)} is less than minimum ${property.minimum}`, path, description);
      if (property.maximum !== undefined && (value as number) > property.maximum)
        fault(`Value ${String(value)} is greater than maximum ${property.maximum}`, path, description);
      return;
    case 'string-or-integer':
      if (typeof value !== 'string' && found !== 'integer')
        fault(`Expected type string,integer but found type ${found}`, path, description);
      return;
    case 'array':
      if (!Array.isArray(value)) return expect('array');
      if (property.minItems !== undefined && value.length < property.minItems)
        fault(`Array is too short (${value.length}), minimum ${property.minItems}`, path, description);
      value.forEach((item: unknown, index) => checkValue(item, property.items, `${path}[${index}]`));
      return;
    case 'object':
      if (!isPlainObject(value)) return expect('object');
      checkObject(value, property, path);
      return;
  }
}
