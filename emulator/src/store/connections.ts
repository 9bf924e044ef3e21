import type { ConnectionSettings } from 'auth0-user-patch';

/**
 * A connection of the emulated tenant, where users live. `strategy` is Auth0's: `auth0` for a database connection,
 * `email` or `sms` for passwordless ones, and the name of a social or enterprise provider (`google-oauth2`,
 * `samlp`, ...) for the rest, whose users cannot be created through the Management API.
 *
 * @example
 * const connection: EmulatorConnection = { name: 'Username-Password-Authentication', strategy: 'auth0' };
 */
export type EmulatorConnection = {
  readonly name: string;
  readonly strategy: string;
  /** A database connection whose users also need a `username`. Defaults to `false`. */
  readonly requiresUsername?: boolean;
};

/** What the library's connection rules need of a connection and its users do not carry, with Auth0's names. */
export function connectionSettings(connection: EmulatorConnection): ConnectionSettings {
  return { options: { requires_username: connection.requiresUsername === true } };
}

/** The connection every new Auth0 tenant has. */
const DEFAULT_CONNECTIONS: readonly EmulatorConnection[] = [
  { name: 'Username-Password-Authentication', strategy: 'auth0' },
];

/** The connections an emulator was given (or a state holds, named by `path`), checked, by name. */
export function checkConnections(
  connections: unknown,
  path = 'createEmulator: options.connections',
): ReadonlyMap<string, EmulatorConnection> {
  const list = connections ?? DEFAULT_CONNECTIONS;
  if (!Array.isArray(list)) throw new TypeError(`${path} must be an array`);
  const byName = new Map<string, EmulatorConnection>();
  list.forEach((connection: unknown, index) => {
    const where = `${path}[${index}]`;
    if (typeof connection !== 'object' || connection === null) throw new TypeError(`${where} must be an object`);
    const { name, strategy, requiresUsername } = connection as Record<string, unknown>;
    if (typeof name !== 'string' || name === '') throw new TypeError(`${where}.name must be a non-empty string`);
    if (typeof strategy !== 'string' || strategy === '')
      throw new TypeError(`${where}.strategy must be a non-empty string`);
    if (requiresUsername !== undefined && typeof requiresUsername !== 'boolean')
      throw new TypeError(`${where}.requiresUsername must be a boolean`);
    if (byName.has(name)) throw new TypeError(`${where}.name repeats ${name}`);
    byName.set(name, Object.freeze({ name, strategy, requiresUsername: requiresUsername === true }));
  });
  return byName;
}
