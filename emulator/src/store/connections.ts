import type { ConnectionSettings } from 'auth0-user-patch';
import { isPlainObject } from '../internal/is-plain-object.js';
import { PASSWORD_POLICY_LEVELS, type PasswordPolicyLevel } from './password-policy.js';

/**
 * A connection of the emulated tenant, where users live. `strategy` is Auth0's: `auth0` for a database connection,
 * `email` or `sms` for passwordless ones, and the name of a social or enterprise provider (`google-oauth2`,
 * `samlp`, ...) for the rest, whose users cannot be created through the Management API.
 *
 * @example
 * const connection: EmulatorConnection = { name: 'Username-Password-Authentication', strategy: 'auth0' };
 * const legacy: EmulatorConnection = { name: 'Legacy-Users', strategy: 'auth0', passwordPolicy: 'good', password_complexity_options: { min_length: 8 } };
 */
export type EmulatorConnection = {
  readonly name: string;
  readonly strategy: string;
  /** A database connection whose users also need a `username`. Defaults to `false`. */
  readonly requiresUsername?: boolean;
  /**
   * A database connection's legacy password policy (Auth0's `options.passwordPolicy`). Without it, the connection
   * has the Flexible Password Policy Auth0 gives a new database connection: at least 15 characters, at most 72 bytes.
   */
  readonly passwordPolicy?: PasswordPolicyLevel;
  /** A database connection's minimum password length (Auth0's `options.password_complexity_options`), 1 to 128. */
  readonly password_complexity_options?: { readonly min_length?: number };
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
    const {
      name,
      strategy,
      requiresUsername,
      passwordPolicy,
      password_complexity_options: complexity,
    } = connection as Record<string, unknown>;
    if (typeof name !== 'string' || name === '') throw new TypeError(`${where}.name must be a non-empty string`);
    if (typeof strategy !== 'string' || strategy === '')
      throw new TypeError(`${where}.strategy must be a non-empty string`);
    if (requiresUsername !== undefined && typeof requiresUsername !== 'boolean')
      throw new TypeError(`${where}.requiresUsername must be a boolean`);
    if (byName.has(name)) throw new TypeError(`${where}.name repeats ${name}`);
    const policy = checkPasswordOptions(where, strategy, passwordPolicy, complexity);
    byName.set(name, Object.freeze({ name, strategy, requiresUsername: requiresUsername === true, ...policy }));
  });
  return byName;
}

/** A database connection's password options, checked (the bounds of `min_length` are the OAS's). */
function checkPasswordOptions(
  where: string,
  strategy: string,
  level: unknown,
  complexity: unknown,
): Pick<EmulatorConnection, 'passwordPolicy' | 'password_complexity_options'> {
  if ((level !== undefined || complexity !== undefined) && strategy !== 'auth0')
    throw new TypeError(`${where}: a password policy is for database connections (strategy auth0) only`);
  if (level !== undefined && !isLevel(level))
    throw new TypeError(`${where}.passwordPolicy must be one of ${PASSWORD_POLICY_LEVELS.join(', ')}`);
  const { min_length: minLength, ...others } = isPlainObject(complexity) ? complexity : {};
  const validLength =
    minLength === undefined ||
    (typeof minLength === 'number' && Number.isInteger(minLength) && minLength >= 1 && minLength <= 128);
  if (complexity !== undefined && (!isPlainObject(complexity) || Object.keys(others).length > 0 || !validLength))
    throw new TypeError(`${where}.password_complexity_options must be { min_length?: an integer from 1 to 128 }`);
  return {
    ...(isLevel(level) ? { passwordPolicy: level } : {}),
    ...(typeof minLength === 'number' ? { password_complexity_options: Object.freeze({ min_length: minLength }) } : {}),
  };
}

const isLevel = (value: unknown): value is PasswordPolicyLevel =>
  PASSWORD_POLICY_LEVELS.some((known) => known === value);
