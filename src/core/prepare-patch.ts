/**
 * Validates a PATCH body the way the Management API does and turns it into what the merge needs, copied so that
 * nothing of the caller's patch can reach a result. The checks run in this order, and the first refusal wins:
 * the body is a plain object; no root key is `__proto__`; no root key is one a PATCH may not write (all such keys
 * are named together); at least one attribute; then each attribute in the patch's order (type, length, pattern,
 * format; metadata values walked depth first); last, the pairs that may not change together.
 */
import { ATTRIBUTES, EXCLUSIVE_PAIRS, type AttributeSchema } from './schema.js';
import { checkKeyName, checkParsedValue, copyJsonValue, JsonFault, rejectSymbolKeys, stepOut } from './copy-json.js';
import { matchesFormat } from './formats.js';
import {
  additionalPropertiesMessage,
  bodyMessage,
  INVALID_JSON_MESSAGE,
  noValidSchemaMessage,
  propertyMessage,
  jsonTypeName,
} from './messages.js';
import { PatchError } from './patch-error.js';
import { isPlainObject } from '../internal/is-plain-object.js';
import { inheritedKeysAppear } from '../internal/own-keys.js';
import { formatPath, type PathSegment } from './path.js';
import type { Metadata } from './types.js';

/**
 * A checked metadata patch: its first-level entries, copied (a `null` entry deletes its key; no entry clears).
 *
 * @example
 * const change = preparePatch({ user_metadata: { color: null, plan: 'pro' } }).changes[0];
 * if (change?.kind === 'metadata') change.changes; // { entries: { color: null, plan: 'pro' }, names: ['color', 'plan'], deletes: true }
 */
export type MetadataChanges = {
  readonly entries: Metadata;
  /** The first-level keys of the patch, in its order. */
  readonly names: readonly string[];
  /** Some entry is `null` (kept so that a merge without deletions skips the per-key lookup). */
  readonly deletes: boolean;
};

/**
 * One root attribute a checked patch changes on the stored user: set to a value, unset with `null`, or metadata
 * merged one level deep.
 *
 * @example
 * preparePatch({ blocked: true, nickname: null }).changes;
 * // [{ key: 'blocked', kind: 'set', value: true }, { key: 'nickname', kind: 'unset' }]
 */
export type AttributeChange =
  | { readonly key: string; readonly kind: 'set'; readonly value: string | boolean }
  | { readonly key: string; readonly kind: 'unset' }
  | {
      readonly key: string;
      readonly kind: 'metadata';
      readonly changes: MetadataChanges;
      /** What the object becomes on the user when the merge leaves it empty (from the schema). */
      readonly emptied: 'empty-object' | 'removed';
    };

/**
 * The attributes of a body that steer the request and are never stored on the user, as the body gives them.
 *
 * @example
 * const steering: PatchSteering = preparePatchJson('{"email":"jane@example.com","verify_email":false}').steering;
 * steering.verify_email; // false
 */
export type PatchSteering = {
  readonly password?: string | null;
  readonly connection?: string;
  readonly client_id?: string;
  readonly verify_email?: boolean;
  readonly verify_phone_number?: boolean;
};

/**
 * A body Auth0 accepts, checked once by {@link preparePatch} or {@link preparePatchJson}: what it changes on the
 * stored user, and what steers the request. Apply it to any user with {@link applyPreparedPatch}.
 *
 * @example
 * const prepared: PreparedPatch = preparePatch({ password: 'Sturdy-Pass-2026', user_metadata: { plan: 'pro' } });
 * prepared.setsPassword; // true
 * prepared.steering; // { password: 'Sturdy-Pass-2026' }
 * prepared.changes.map((change) => change.key); // ['user_metadata']
 */
export type PreparedPatch = {
  /** What the patch changes on the stored user, in the patch's order (steering attributes left out). */
  readonly changes: readonly AttributeChange[];
  /** Whether the patch sets a new password (which moves `last_password_reset`). */
  readonly setsPassword: boolean;
  /** `password`, `connection`, `client_id`, `verify_email` and `verify_phone_number`, when the body has them. */
  readonly steering: PatchSteering;
  /**
   * The rules it was checked with ({@link PrepareOptions}): applied to a user, an `'update'` meets every rule that
   * depends on the user's connection, a `'create'` only those a new user meets (lower case, usernames).
   */
  readonly rules: 'update' | 'create';
};

/**
 * Which body-level rules {@link preparePatch} applies: `'update'` (the default) for `PATCH /api/v2/users/{id}`;
 * `'create'` for the attributes of `POST /api/v2/users`, which need neither something to update nor the pair rules.
 *
 * @example
 * const options: PrepareOptions = { rules: 'create' };
 */
export type PrepareOptions = { readonly rules?: 'update' | 'create' };

type StringSchema = Extract<AttributeSchema, { type: 'string' }>;

/** The attributes that take part in a forbidden pair: a body with fewer than two of them skips the pair checks. */
const PAIRED: ReadonlySet<string> = new Set(EXCLUSIVE_PAIRS.flat());

/** Which body-level rules apply: all of them for a PATCH; creating a user needs neither. */
type BodyRules = {
  readonly name: 'update' | 'create';
  /** A body must name at least one attribute ("None of the valid schemas were met"). */
  readonly requireAttribute: boolean;
  /** The pairs of attributes one request may not change together. */
  readonly exclusivePairs: boolean;
};

const UPDATE_RULES: BodyRules = { name: 'update', requireAttribute: true, exclusivePairs: true };
const CREATE_RULES: BodyRules = { name: 'create', requireAttribute: false, exclusivePairs: false };

/**
 * Checks a body once, with every rule {@link applyPatch} applies, and copies what it changes: the
 * {@link PreparedPatch}, or the {@link PatchError} Auth0 would answer with, thrown. For a server that checks a
 * request before it looks the user up, or reads what steers it (`password`, `verify_email`, ...); with
 * `{ rules: 'create' }`, for the attributes of a new user.
 *
 * @example
 * const prepared = preparePatch({ user_metadata: { plan: 'pro' } });
 * applyPreparedPatch({ user_id: 'auth0|1', user_metadata: { hobby: 'surfing' } }, prepared).user_metadata;
 * // { hobby: 'surfing', plan: 'pro' }
 * preparePatch({}); // throws PatchError: Payload validation error: 'None of the valid schemas were met'. ...
 * preparePatch({ email: 'jane@example.com' }, { rules: 'create' }).changes.length; // 1
 */
export function preparePatch(body: unknown, options?: PrepareOptions): PreparedPatch {
  return prepareBody(body, options?.rules === 'create' ? CREATE_RULES : UPDATE_RULES, false);
}

/** {@link preparePatch} for a body `JSON.parse` just made: fresh, so its metadata is checked in place, not copied. */
export function prepareParsedBody(body: unknown, options?: PrepareOptions): PreparedPatch {
  return prepareBody(body, options?.rules === 'create' ? CREATE_RULES : UPDATE_RULES, true);
}

function prepareBody(body: unknown, rules: BodyRules, parsed: boolean): PreparedPatch {
  if (!isPlainObject(body))
    throw new PatchError(bodyMessage(`Expected type object but found type ${jsonTypeName(body)}`));
  if (!parsed && Object.getOwnPropertySymbols(body).length !== 0) {
    throw new PatchError(bodyMessage('Expected a JSON object but found a symbol key'));
  }
  const keys = Object.keys(body);
  const schemas: AttributeSchema[] = [];
  let disallowed: string[] | undefined;
  let paired = 0;
  for (const key of keys) {
    if (key === '__proto__') throw new PatchError(INVALID_JSON_MESSAGE, { path: [key] });
    const schema = ATTRIBUTES.get(key);
    if (schema === undefined) (disallowed ??= []).push(key);
    else schemas.push(schema);
    if (PAIRED.has(key)) paired++;
  }
  if (disallowed !== undefined) throw new PatchError(additionalPropertiesMessage(disallowed));
  if (rules.requireAttribute && keys.length === 0) throw new PatchError(noValidSchemaMessage());

  const changes: AttributeChange[] = [];
  const steering: Record<string, string | boolean | null> = {};
  let setsPassword = false;
  for (let index = 0; index < keys.length; index++) {
    const key = keys[index] as string;
    const schema = schemas[index] as AttributeSchema;
    const value = body[key];
    if (schema.type === 'metadata') {
      changes.push({
        key,
        kind: 'metadata',
        changes: prepareMetadata(key, value, schema, parsed),
        emptied: schema.emptied,
      });
    } else if (schema.type === 'boolean') {
      if (typeof value !== 'boolean') throw wrongType(key, schema.description, 'boolean', value);
      if (schema.stored) changes.push({ key, kind: 'set', value });
      else steering[key] = value;
    } else if (value === null && schema.nullable) {
      if (schema.stored) changes.push({ key, kind: 'unset' });
      else steering[key] = null;
    } else {
      checkString(key, value, schema);
      if (schema.stored) changes.push({ key, kind: 'set', value });
      else {
        steering[key] = value;
        if (key === 'password') setsPassword = true;
      }
    }
  }
  if (rules.exclusivePairs && paired >= 2) {
    for (const [first, second] of EXCLUSIVE_PAIRS) {
      if (Object.hasOwn(body, first) && Object.hasOwn(body, second)) {
        throw new PatchError(`Cannot update ${first} and ${second} simultaneously.`);
      }
    }
  }
  return { changes, setsPassword, steering: steering as PatchSteering, rules: rules.name };
}

/**
 * Checks a metadata object and gives its entries: copied from a caller's object, or, for a value `JSON.parse` made
 * (`parsed`: fresh, without symbols or cycles), checked in place and used as they are (-0 written as 0).
 */
function prepareMetadata(
  key: string,
  value: unknown,
  schema: Extract<AttributeSchema, { type: 'metadata' }>,
  parsed: boolean,
): MetadataChanges {
  const { description, reservedNames } = schema;
  if (!isPlainObject(value)) throw wrongType(key, description, 'object', value);
  const names = Object.keys(value);
  const entries: Metadata = parsed ? (value as Metadata) : {};
  let deletes = false;
  try {
    if (!parsed) rejectSymbolKeys(value);
  } catch (fault) {
    throw toPatchError(fault, key, description);
  }
  const skipInherited = inheritedKeysAppear();
  let index = 0;
  try {
    for (; index < names.length; index++) {
      const name = names[index] as string;
      checkKeyName(name);
      if (reservedNames.includes(name)) throw new JsonFault(`Key name is reserved by Auth0: ${name}`, 'value');
      const entry = value[name];
      if (entry === null) deletes = true;
      if (!parsed) entries[name] = copyJsonValue(entry, 2, skipInherited);
      else if (entry !== null && typeof entry !== 'string' && typeof entry !== 'boolean')
        entries[name] = checkParsedValue(entry, 2, skipInherited);
    }
  } catch (fault) {
    throw toPatchError(stepOut(fault, names[index] as string, value), key, description);
  }
  return { entries, names, deletes };
}

function toPatchError(fault: unknown, key: string, description: string): unknown {
  if (!(fault instanceof JsonFault)) return fault;
  const steps: PathSegment[] = [key, ...fault.steps.reverse()];
  if (fault.kind === 'parser') return new PatchError(INVALID_JSON_MESSAGE, { path: steps });
  const cycle = fault.kind === 'depth' ? findCycle(fault.containers.reverse()) : -1;
  const detail = cycle === -1 ? fault.detail : 'Circular reference: the value contains itself';
  const path = cycle === -1 ? steps : steps.slice(0, cycle + 1);
  return new PatchError(propertyMessage(detail, formatPath(path), description), { path });
}

/** The index of the first container, outermost first, that is also one of its own ancestors; -1 if none is. */
function findCycle(containers: readonly object[]): number {
  return containers.findIndex((container, index) => containers.indexOf(container) < index);
}

function checkString(key: string, value: unknown, spec: StringSchema): asserts value is string {
  if (typeof value !== 'string') throw wrongType(key, spec.description, 'string', value);
  let detail: string | undefined;
  if (value.length < spec.minLength) {
    detail = `String is too short (${value.length} chars), minimum ${spec.minLength}`;
  } else if (spec.maxLength !== undefined && value.length > spec.maxLength) {
    // Auth0 counts characters (code points), not UTF-16 units: only a long string needs counting.
    const characters = countCharacters(value);
    if (characters > spec.maxLength) detail = `String is too long (${characters} chars), maximum ${spec.maxLength}`;
  }
  if (detail === undefined && spec.pattern !== undefined && !spec.pattern.test(value)) {
    detail = `String does not match pattern ${spec.pattern.source}: ${value}`;
  }
  if (detail === undefined && spec.format !== undefined && !matchesFormat(spec.format, value)) {
    detail = `Object didn't pass validation for format ${spec.format}: ${value}`;
  }
  if (detail !== undefined) throw new PatchError(propertyMessage(detail, key, spec.description), { path: [key] });
}

function countCharacters(value: string): number {
  let count = 0;
  for (const _character of value) count++;
  return count;
}

function wrongType(key: string, description: string, expected: string, value: unknown): PatchError {
  const detail = `Expected type ${expected} but found type ${jsonTypeName(value)}`;
  return new PatchError(propertyMessage(detail, key, description), { path: [key] });
}
