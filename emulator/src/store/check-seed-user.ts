/** Checks a user given to the emulator up front, so a malformed one is a `TypeError` naming it, never a 500 later. */
import { isPlainObject } from '../internal/is-plain-object.js';
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

/** A deep copy of a seeded user, or a `TypeError` that names the user and the attribute at fault. */
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
  return copyJson(user, name, 'user', 0) as Auth0User;
}

/** A JSON copy of a value, refusing what JSON cannot hold (`name: path must be JSON`). */
export function copyJson(value: unknown, name: string, path: string, depth: number): unknown {
  if (depth > MAX_DEPTH) throw new TypeError(`${name}: ${path} nests deeper than ${MAX_DEPTH} levels`);
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (Array.isArray(value)) {
    const copy: unknown[] = [];
    for (let index = 0; index < value.length; index++)
      copy.push(copyJson(value[index], name, `${path}[${index}]`, depth + 1));
    return copy;
  }
  if (isPlainObject(value)) {
    const copy: Record<string, unknown> = {};
    for (const key of Object.keys(value)) {
      Object.defineProperty(copy, key, {
        value: copyJson(value[key], name, `${path}.${key}`, depth + 1),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return copy;
  }
  throw new TypeError(`${name}: ${path} must be JSON, not ${jsonTypeName(value)}`);
}
