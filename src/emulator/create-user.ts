import { mergeIntoUser } from '../apply-patch.js';
import { propertyMessage, typeName } from '../messages.js';
import { PatchError } from '../patch-error.js';
import { isPlainObject } from '../is-plain-object.js';
import { preparePatch } from '../prepare-patch.js';
import type { Auth0User } from '../types.js';

/** Creating a user takes the attributes a PATCH takes, with neither the "something to update" nor the pair rules. */
const CREATE_RULES = { requireAttribute: false, exclusivePairs: false } as const;

const USER_ID_DESCRIPTION = 'The user_id of the user (without the provider prefix).';

/**
 * The user `POST /api/v2/users` stores for a body, or the {@link PatchError} Auth0 answers. `connection` is
 * required; `user_id` (without the `auth0|` prefix) is optional and otherwise 24 random hex digits; the password
 * is checked but never stored. A database user gets `email_verified: false`, and `name` and `nickname` from the
 * email unless the body sets them.
 *
 * @example
 * createUser({ connection: 'Username-Password-Authentication', email: 'jane@example.com', password: 'x' }, new Date());
 * // { created_at, email: 'jane@example.com', email_verified: false, identities: [...], name: 'jane@example.com',
 * //   nickname: 'jane', updated_at, user_id: 'auth0|5f1c...' }
 */
export function createUser(body: unknown, now: Date): Auth0User {
  const { user_id: requestedId, ...attributes } = isPlainObject(body) ? body : {};
  // Checks the body's type, its keys and every attribute as a PATCH would.
  const prepared = preparePatch(isPlainObject(body) ? attributes : body, CREATE_RULES);
  if (!Object.hasOwn(attributes, 'connection')) {
    throw new PatchError("Payload validation error: 'Missing required property: connection'.");
  }
  if (requestedId !== undefined && (typeof requestedId !== 'string' || requestedId === '')) {
    const detail =
      typeof requestedId === 'string'
        ? 'String is too short (0 chars), minimum 1'
        : `Expected type string but found type ${typeName(requestedId)}`;
    throw new PatchError(propertyMessage(detail, 'user_id', USER_ID_DESCRIPTION), { path: 'user_id' });
  }
  const id = requestedId ?? randomHex(12);
  const email = attributes['email'];
  const base: Auth0User = { created_at: now.toISOString() };
  if (typeof email === 'string') {
    Object.assign(base, { email, email_verified: false, name: email, nickname: email.split('@')[0] });
  }
  base.identities = [{ connection: attributes['connection'] as string, user_id: id, provider: 'auth0', isSocial: false }];
  base.user_id = `auth0|${id}`;
  // A new user's password is no reset: no last_password_reset.
  return mergeIntoUser(base, { ...prepared, setsPassword: false }, now);
}

/**
 * Random bytes as hex, from the Web Crypto API.
 *
 * @example
 * randomHex(12); // '5f1c2a...' (24 digits)
 */
export function randomHex(bytes: number): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(bytes)), (byte) => byte.toString(16).padStart(2, '0')).join('');
}
