/** Checks a user given to the emulator up front, so a malformed one is a `TypeError` naming it, never a 500 later. */
import { isPlainObject } from '../internal/is-plain-object.js';
import { deepFreeze } from './deep-freeze.js';
import { jsonTypeName } from 'auth0-user-patch';
import type { Auth0User } from 'auth0-user-patch';

const STRINGS = [
  'user_id',
  'email',
  'username',
  'phone_number',
  'name',
  'nickname',
  'given_name',
  'family_name',
  'picture',
  'created_at',
  'updated_at',
  'last_login',
  'last_ip',
  'last_password_reset',
];
const BOOLEANS = ['email_verified', 'phone_verified', 'blocked'];
const OBJECTS = ['user_metadata', 'app_metadata'];
const MAX_DEPTH = 200;

/** A deep copy of a seeded user, frozen, or a `TypeError` that names the user and the attribute at fault. */
export function checkSeedUser(user: unknown, where: string): Auth0User {
  if (!isPlainObject(user)) throw new TypeError(`${where} must be a user object, not ${jsonTypeName(user)}`);
  const id = user['user_id'];
  const name = typeof id === 'string' ? `${where} (${id})` : where;
  if (typeof id !== 'string' || id === '') throw new TypeError(`${name}: user_id must be a non-empty string`);
  const fault = (attribute: string, expected: string) =>
    new TypeError(`${name}: ${attribute} must be ${expected}, not ${jsonTypeName(user[attribute])}`);
  for (const attribute of STRINGS)
    if (Object.hasOwn(user, attribute) && typeof user[attribute] !== 'string') throw fault(attribute, 'a string');
  for (const attribute of BOOLEANS)
    if (Object.hasOwn(user, attribute) && typeof user[attribute] !== 'boolean') throw fault(attribute, 'a boolean');
  for (const attribute of OBJECTS)
    if (Object.hasOwn(user, attribute) && !isPlainObject(user[attribute])) throw fault(attribute, 'an object');
  if (Object.hasOwn(user, 'logins_count') && !Number.isInteger(user['logins_count']))
    throw fault('logins_count', 'an integer');
  const identities = user['identities'];
  if (identities !== undefined && !(Array.isArray(identities) && identities.every(isPlainObject)))
    throw fault('identities', 'an array of objects');
  // Auth0's user_id is its primary identity's provider|user_id (every recorded user): the store keys both by it. An
  // export may leave the identity's user_id out; then there is nothing to compare.
  const primary: unknown = Array.isArray(identities) ? identities[0] : undefined;
  if (isPlainObject(primary) && primary['user_id'] !== undefined) {
    const own = `${String(primary['provider'])}|${String(primary['user_id'])}`;
    if (own !== id) throw new TypeError(`${name}: user_id must be its first identity's provider|user_id, ${own}`);
  }
  return copyJson(user, name, 'user', 0, true) as Auth0User;
}

/**
 * A JSON copy of a value, refusing what JSON cannot hold (`name: path must be JSON`); `frozen`, each part frozen.
 * The value is checked in one walk, then copied by `JSON.parse(JSON.stringify(value))`: the copy is made as a
 * parsed body is (each object sized to its keys, `__proto__` an own key), shares nothing with the value, and costs
 * the heap of the parsed JSON, where a copy made key by key costs more. A value that holds a `toJSON` (which
 * `JSON.stringify` would call in place of the keys the walk checked) is copied key by key instead.
 */
export function copyJson(value: unknown, name: string, path: string, depth: number, frozen = false): unknown {
  const walk = { toJson: false };
  checkJson(value, name, path, depth, walk);
  const copy: unknown = walk.toJson ? copyKeys(value) : JSON.parse(JSON.stringify(value));
  return frozen ? deepFreeze(copy) : copy;
}

/** A copy of checked JSON made as the walk reads it: own enumerable keys and array indexes, `__proto__` as data. */
function copyKeys(value: unknown): unknown {
  if (Array.isArray(value)) return Array.from({ length: value.length }, (_, index) => copyKeys(value[index]));
  if (!isPlainObject(value)) return value;
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    if (key === '__proto__')
      Object.defineProperty(copy, key, {
        value: copyKeys(value[key]),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    else copy[key] = copyKeys(value[key]);
  }
  return copy;
}

/** Refuses what JSON cannot hold, naming where it is. */
function checkJson(value: unknown, name: string, path: string, depth: number, walk: { toJson: boolean }): void {
  const fault = faultOf(value, depth, walk);
  if (fault === undefined) return;
  const at = `${path}${fault.at}`;
  throw new TypeError(
    fault.tooDeep
      ? `${name}: ${at} nests deeper than ${MAX_DEPTH} levels`
      : `${name}: ${at} must be JSON, not ${fault.type}`,
  );
}

/**
 * The first part of `value` JSON cannot hold, its path relative to `value` built only on the way back from it; notes
 * in `walk` an object or array that holds a `toJSON` (own, hidden or inherited).
 */
function faultOf(
  value: unknown,
  depth: number,
  walk: { toJson: boolean },
): { at: string; tooDeep: boolean; type: string } | undefined {
  if (depth > MAX_DEPTH) return { at: '', tooDeep: true, type: '' };
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return undefined;
  if (typeof value === 'number' && Number.isFinite(value)) return undefined;
  if (Array.isArray(value)) {
    if ('toJSON' in value) walk.toJson = true;
    for (let index = 0; index < value.length; index++) {
      const fault = faultOf(value[index], depth + 1, walk);
      if (fault !== undefined) return { ...fault, at: `[${index}]${fault.at}` };
    }
    return undefined;
  }
  if (isPlainObject(value)) {
    if ('toJSON' in value) walk.toJson = true;
    for (const key of Object.keys(value)) {
      const fault = faultOf(value[key], depth + 1, walk);
      if (fault !== undefined) return { ...fault, at: `.${key}${fault.at}` };
    }
    return undefined;
  }
  return { at: '', tooDeep: false, type: jsonTypeName(value) };
}
