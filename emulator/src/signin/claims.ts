/**
 * The claims of Auth0's tokens: the profile claims the OIDC scopes grant ("OpenID Connect Scopes"), and which
 * custom claims a post-login hook may set ("Create Custom Claims": restricted names, namespaces, scope filtering).
 */
import type { Auth0User } from 'auth0-user-patch';

/** The claims each OIDC scope grants, from the stored user, in the order Auth0's ID tokens have them. */
const USER_CLAIMS: readonly { readonly scope: string; readonly claim: string; readonly attribute: string }[] = [
  { scope: 'profile', claim: 'given_name', attribute: 'given_name' },
  { scope: 'profile', claim: 'family_name', attribute: 'family_name' },
  { scope: 'profile', claim: 'middle_name', attribute: 'middle_name' },
  { scope: 'profile', claim: 'nickname', attribute: 'nickname' },
  { scope: 'profile', claim: 'name', attribute: 'name' },
  { scope: 'profile', claim: 'picture', attribute: 'picture' },
  { scope: 'profile', claim: 'updated_at', attribute: 'updated_at' },
  { scope: 'email', claim: 'email', attribute: 'email' },
  { scope: 'email', claim: 'email_verified', attribute: 'email_verified' },
  { scope: 'phone', claim: 'phone_number', attribute: 'phone_number' },
  { scope: 'phone', claim: 'phone_number_verified', attribute: 'phone_verified' },
];

/** The standard claims each scope stands for (OIDC Core 5.4), which a hook may set only when the scope is granted. */
const SCOPE_OF_STANDARD_CLAIM: ReadonlyMap<string, string> = new Map([
  ...[
    'name',
    'family_name',
    'given_name',
    'middle_name',
    'nickname',
    'preferred_username',
    'profile',
    'picture',
    'website',
    'gender',
    'birthdate',
    'zoneinfo',
    'locale',
    'updated_at',
  ].map((claim) => [claim, 'profile'] as const),
  ['email', 'email'],
  ['email_verified', 'email'],
  ['phone_number', 'phone'],
  ['phone_number_verified', 'phone'],
  ['address', 'address'],
]);

/** "The following claims are subject to Auth0's restrictions": a hook's claim of one of these names is dropped. */
const RESTRICTED: ReadonlySet<string> = new Set(
  (
    'acr act active amr at_hash ath attest aud auth_time authorization_details azp c_hash client_id cnf cty dest ' +
    'entitlements events exp groups gty htm htu iat internalService iss jcard jku jti jwe jwk kid may_act mky nbf ' +
    'nonce object_id org_id org_name orig origid permissions roles rph s_hash sid sip_callid sip_cseq_num sip_date ' +
    'sip_from_tag sip_via_branch sub sub_jwk toe txn typ uuid vot vtm x5t#S256'
  ).split(' '),
);

/** The profile claims of a user that the granted scopes allow, in Auth0's order. */
export function userClaims(user: Auth0User, scopes: ReadonlySet<string>): Record<string, unknown> {
  const claims: Record<string, unknown> = {};
  for (const { scope, claim, attribute } of USER_CLAIMS) {
    const value = user[attribute];
    if (scopes.has(scope) && value !== undefined) claims[claim] = value;
  }
  return claims;
}

/**
 * The custom claims a token keeps: not a restricted name, not in an Auth0 namespace, a standard claim only with
 * its scope, and, for the Management API, namespaced only ("cannot have private, non-namespaced custom claims").
 */
export function customClaims(
  set: ReadonlyMap<string, unknown>,
  scopes: ReadonlySet<string>,
  namespacedOnly: boolean,
): Record<string, unknown> {
  const claims: Record<string, unknown> = {};
  for (const [name, value] of set) {
    if (RESTRICTED.has(name) || inAuth0Namespace(name)) continue;
    const scope = SCOPE_OF_STANDARD_CLAIM.get(name);
    if (scope !== undefined && !scopes.has(scope)) continue;
    if (namespacedOnly && !/^(https?:\/\/|urn:)/i.test(name)) continue;
    Object.defineProperty(claims, name, { value, enumerable: true, writable: true, configurable: true });
  }
  return claims;
}

/** "Auth0 domains cannot be used as namespace identifiers" (auth0.com, webtask.io, webtask.run), nor `urn:auth0`. */
function inAuth0Namespace(name: string): boolean {
  if (/^urn:auth0(:|$)/i.test(name)) return true;
  const host = /^https?:\/\/([^/:?#]+)/i.exec(name)?.[1]?.toLowerCase();
  return host !== undefined && /(^|\.)(auth0\.com|webtask\.io|webtask\.run)$/.test(host);
}
