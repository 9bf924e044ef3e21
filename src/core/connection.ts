/**
 * The connection a PATCH reaches, as the connection rules (20 to 25 of docs/rules.md) see it: its kind, read from
 * the provider of the user's primary identity, and the settings of `options.connection`, each with Auth0's default.
 */
import type { ApplyOptions, Auth0User, ConnectionSettings } from './types.js';

/** What a user's primary identity is: a database user (`auth0`), a passwordless one (`email`, `sms`), or neither. */
export type ConnectionKind = 'database' | 'email' | 'sms' | 'social' | 'enterprise';

/** The connection of a user's primary identity, as the rules read it. */
export type UserConnection = {
  readonly kind: ConnectionKind;
  /** The connection's name (`identities[0].connection`), or the provider when the identity names none. */
  readonly name: string;
  /** A database connection that has usernames (no other kind holds them). */
  readonly holdsUsernames: boolean;
  /** A social or enterprise connection that writes the profile attributes at each login. */
  readonly syncsProfile: boolean;
  /** Not the Auth0 store (social, enterprise, a custom database without import mode): emails keep their case. */
  readonly keepsCase: boolean;
};

/** Auth0's enterprise strategies, as `ConnectionStrategyEnum` spells them (an identity's provider is its strategy). */
const ENTERPRISE_PROVIDERS: ReadonlySet<string> = new Set([
  'ad',
  'adfs',
  'auth0-adldap',
  'auth0-oidc',
  'google-apps',
  'ip',
  'office365',
  'oidc',
  'okta',
  'pingfederate',
  'samlp',
  'sharepoint',
  'waad',
]);

const KINDS: Readonly<Record<string, ConnectionKind>> = { auth0: 'database', email: 'email', sms: 'sms' };

const SYNC_VALUES: readonly unknown[] = ['on_each_login', 'on_first_login', 'never_on_login'];

/** The checked settings of `options.connection` (absent ones left out), or a `TypeError` naming the wrong one. */
export function readConnectionSettings(options: ApplyOptions | undefined): ConnectionSettings['options'] {
  // Own properties only: an `Object.prototype.connection` planted by someone else is no option.
  const connection = ownValue(options, 'connection');
  if (connection === undefined) return undefined;
  if (!isObject(connection)) throw new TypeError('applyPatch: options.connection must be an object');
  const settings = ownValue(connection, 'options');
  if (settings === undefined) return undefined;
  if (!isObject(settings)) throw new TypeError('applyPatch: options.connection.options must be an object');
  const where = (name: string) => `applyPatch: options.connection.options.${name}`;
  for (const name of ['requires_username', 'enabledDatabaseCustomization', 'import_mode']) {
    const value = ownValue(settings, name);
    if (value !== undefined && typeof value !== 'boolean') throw new TypeError(`${where(name)} must be a boolean`);
  }
  const sync = ownValue(settings, 'set_user_root_attributes');
  if (sync !== undefined && !SYNC_VALUES.includes(sync)) {
    throw new TypeError(`${where('set_user_root_attributes')} must be one of ${SYNC_VALUES.join(', ')}`);
  }
  const attributes = ownValue(settings, 'attributes');
  if (attributes !== undefined && !isObject(attributes))
    throw new TypeError(`${where('attributes')} must be an object`);
  return settings as NonNullable<ConnectionSettings['options']>;
}

/** The connection of the user's primary identity, or `undefined` when it names no provider (no rule applies then). */
export function userConnection(user: Auth0User, settings: ConnectionSettings['options']): UserConnection | undefined {
  const identities = ownValue(user, 'identities');
  const primary: unknown = Array.isArray(identities) ? identities[0] : undefined;
  const provider = isObject(primary) ? ownValue(primary, 'provider') : undefined;
  if (typeof provider !== 'string') return undefined;
  const kind = KINDS[provider] ?? (ENTERPRISE_PROVIDERS.has(provider) ? 'enterprise' : 'social');
  const connection = ownValue(primary as object, 'connection');
  const name = typeof connection === 'string' ? connection : provider;
  if (kind === 'social' || kind === 'enterprise') {
    const sync = ownValue(settings, 'set_user_root_attributes') ?? 'on_each_login';
    return { kind, name, holdsUsernames: false, syncsProfile: sync === 'on_each_login', keepsCase: true };
  }
  if (kind !== 'database') return { kind, name, holdsUsernames: false, syncsProfile: false, keepsCase: false };
  const requiresUsername = ownValue(settings, 'requires_username');
  return {
    kind,
    name,
    holdsUsernames:
      requiresUsername === true ||
      ownValue(ownValue(settings, 'attributes'), 'username') !== undefined ||
      (requiresUsername === undefined && typeof ownValue(user, 'username') === 'string'),
    syncsProfile: false,
    keepsCase:
      ownValue(settings, 'enabledDatabaseCustomization') === true && ownValue(settings, 'import_mode') !== true,
  };
}

function isObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function ownValue(holder: unknown, key: string): unknown {
  return isObject(holder) && Object.hasOwn(holder, key) ? (holder as Record<string, unknown>)[key] : undefined;
}
