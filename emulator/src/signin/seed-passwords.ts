/** A seeded user's `password`: taken out of the user (which the store keeps) and kept apart, to be hashed. */
import type { Auth0User } from 'auth0-user-patch';
import { isPlainObject } from '../internal/is-plain-object.js';
import type { EmulatorConnection } from '../store/connections.js';

/** The user without its password, checked by `check`, and the password of a database user. */
export function splitSeedPassword(
  given: unknown,
  where: string,
  connections: ReadonlyMap<string, EmulatorConnection>,
  check: (user: unknown) => Auth0User,
): { user: Auth0User; password: string | undefined } {
  if (!isPlainObject(given) || !Object.hasOwn(given, 'password')) return { user: check(given), password: undefined };
  const { password, ...rest } = given;
  const user = check(rest);
  const name = `${where} (${String(user.user_id)})`;
  if (typeof password !== 'string' || password === '')
    throw new TypeError(`${name}: password must be a non-empty string`);
  const connection = user.identities?.[0]?.connection;
  if (typeof connection !== 'string' || connections.get(connection)?.strategy !== 'auth0') {
    throw new TypeError(
      `${name}: a password needs a first identity in a database connection, such as identities: [{ connection: 'Username-Password-Authentication', provider: 'auth0', user_id: '…', isSocial: false }]`,
    );
  }
  return { user, password };
}
