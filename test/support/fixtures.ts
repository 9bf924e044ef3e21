/** What several test files share: one user, Auth0's reserved app_metadata names and deep freezing. */

type Json = Record<string, unknown>;

/** Freezes a value and every object inside it; returns it. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Json)[key]);
  }
  return value;
}

/**
 * The stored user most example tests start from: every kind of root attribute, nested user_metadata and an array in
 * app_metadata. Deep-frozen, so no test can change it for the next.
 */
export const jane = deepFreeze({
  user_id: 'auth0|507f1f77bcf86cd799439020',
  created_at: '2024-01-01T00:00:00.000Z',
  email: 'jane.doe@example.com',
  username: 'jane',
  name: 'Jane Doe',
  nickname: 'jd',
  user_metadata: { hobby: 'surfing', addresses: { home: '1 Home Road', work: '2 Work Way', geo: { lat: 1, lng: 2 } } },
  app_metadata: { plan: 'full', roles: ['viewer'] },
});

/**
 * The first-level app_metadata names Auth0 reserves (rule 14), written from Auth0's page "Metadata Field Names and Data
 * Types" [MFD] as docs/rules.md and auth0-semantics.md quote it: "__tenant, _id, blocked, clientID, created_at,
 * email_verified, email, globalClientID, global_client_id, identities, lastIP, lastLogin, loginsCount, metadata,
 * multifactor_last_modified, multifactor, updated_at, user_id". Never read from src/: a name dropped there fails rule 14.
 */
export const RESERVED_APP_METADATA_NAMES: readonly string[] = [
  '__tenant',
  '_id',
  'blocked',
  'clientID',
  'created_at',
  'email_verified',
  'email',
  'globalClientID',
  'global_client_id',
  'identities',
  'lastIP',
  'lastLogin',
  'loginsCount',
  'metadata',
  'multifactor_last_modified',
  'multifactor',
  'updated_at',
  'user_id',
];

/**
 * Auth0's enterprise strategies (rule 20), as the Management API's OpenAPI description's `ConnectionStrategyEnum`
 * spells them and docs/rules.md lists them. Never read from src/.
 */
export const ENTERPRISE_STRATEGIES: readonly string[] = [
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
];
