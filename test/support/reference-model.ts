/**
 * A short, obviously correct model of Auth0's PATCH, for differential tests. It assumes a patch that passes the body
 * rules (1-16) and favours plainness over speed: Maps keep Auth0's key order (existing keys stay in place, new keys
 * go last). The connection rules (20-25) are written here from docs/rules.md's sources, not read from src/.
 */
import { ENTERPRISE_STRATEGIES } from './fixtures.js';

const NOT_STORED = new Set(['password', 'connection', 'client_id', 'verify_email', 'verify_phone_number']);

/** The connection settings the model reads, as `options.connection` carries them. */
export type ModelConnection = {
  options?: {
    requires_username?: boolean;
    attributes?: { username?: object };
    set_user_root_attributes?: 'on_each_login' | 'on_first_login' | 'never_on_login';
    enabledDatabaseCustomization?: boolean;
    import_mode?: boolean;
  };
};

/** Auth0's answer to a body the user's connection refuses. */
export type ModelRefusal = { message: string; errorCode: string; rule: number };

type Kind = 'database' | 'email' | 'sms' | 'social' | 'enterprise';
type Json = Record<string, unknown>;

/** What the primary identity makes of the user (rule 20), or undefined when it names no provider. */
export function kindOf(user: object): Kind | undefined {
  const identities = (user as Json)['identities'];
  const provider = Array.isArray(identities) ? (identities[0] as Json | undefined)?.['provider'] : undefined;
  if (typeof provider !== 'string') return undefined;
  if (provider === 'auth0') return 'database';
  if (provider === 'email' || provider === 'sms') return provider;
  return ENTERPRISE_STRATEGIES.includes(provider) ? 'enterprise' : 'social';
}

/** The refusal of rules 22 to 25 for this user and patch, or undefined (lowest rule first). */
export function modelRefusal(user: object, patch: Json, connection?: ModelConnection): ModelRefusal | undefined {
  const kind = kindOf(user);
  if (kind === undefined) return undefined;
  const options = connection?.options ?? {};
  const sends = (key: string) => Object.hasOwn(patch, key);
  const unsupported = (message: string, rule: number) => ({ message, errorCode: 'operation_not_supported', rule });
  if (sends('email_verified') && kind === 'enterprise')
    return unsupported('Email verification is not supported for enterprise users', 22);
  if (sends('email_verified') && kind === 'sms')
    return unsupported('Email verification is not supported for sms users', 22);
  if (sends('email') && kind !== 'database') return unsupported('Cannot update email for non-database user.', 23);
  if ((sends('username') || sends('password')) && kind !== 'database')
    return unsupported('Connection is not supported for this operation.', 24);
  const holdsUsernames =
    (options.requires_username ?? typeof (user as Json)['username'] === 'string') ||
    options.attributes?.username !== undefined;
  if (kind === 'database' && typeof patch['username'] === 'string' && !holdsUsernames)
    return {
      message: 'Cannot set username for connection without requires_username.',
      errorCode: 'invalid_body',
      rule: 24,
    };
  const synced = ['family_name', 'given_name', 'name', 'nickname', 'picture'].filter(sends);
  const syncs = (options.set_user_root_attributes ?? 'on_each_login') === 'on_each_login';
  if ((kind === 'social' || kind === 'enterprise') && syncs && synced.length > 0) {
    const identities = (user as Json)['identities'] as Json[];
    const name = identities[0]?.['connection'] ?? identities[0]?.['provider'];
    return unsupported(
      `The following user attributes cannot be updated: ${synced.join(', ')}. The connection (${String(name)}) must either be a database connection (using the Auth0 store), a passwordless connection (email or sms) or has disabled 'Sync user profile attributes at each login'. For more information, see https://auth0.com/docs/dashboard/guides/connections/configure-connection-sync`,
      25,
    );
  }
  return undefined;
}

/** The value Auth0 stores for a root attribute the patch sets (rule 21: the Auth0 store keeps some in lower case). */
export function storedValue(user: object, key: string, value: unknown, connection?: ModelConnection): unknown {
  const kind = kindOf(user);
  const options = connection?.options ?? {};
  const customStore = options.enabledDatabaseCustomization === true && options.import_mode !== true;
  const lowerCased =
    typeof value === 'string' &&
    ((key === 'email' && (kind === 'email' || kind === 'sms')) ||
      ((key === 'email' || key === 'username') && kind === 'database' && !customStore));
  return lowerCased ? (value as string).toLowerCase() : value;
}

export function modelApply(
  user: object,
  patch: Json,
  now?: Date,
  connection?: ModelConnection,
): Record<string, unknown> {
  const result = new Map<string, unknown>(Object.entries(user));
  for (const [key, value] of Object.entries(patch)) {
    if (NOT_STORED.has(key)) continue;
    if (key === 'user_metadata' || key === 'app_metadata') {
      const changes = Object.entries(value as object);
      const existing = result.get(key);
      const metadata = new Map<string, unknown>(
        changes.length === 0 || existing == null ? [] : Object.entries(existing),
      );
      for (const [name, entry] of changes) {
        if (entry === null) metadata.delete(name);
        else metadata.set(name, structuredClone(entry));
      }
      if (metadata.size === 0 && key === 'app_metadata') result.delete(key);
      else result.set(key, Object.fromEntries(metadata));
    } else if (value === null) {
      result.delete(key);
    } else {
      result.set(key, storedValue(user, key, value, connection));
    }
  }
  if (now !== undefined) {
    result.set('updated_at', now.toISOString());
    if (typeof patch['password'] === 'string') result.set('last_password_reset', now.toISOString());
  }
  return Object.fromEntries(result);
}
