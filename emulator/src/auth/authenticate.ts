/** Checks a Management API request's bearer token: the emulator's fixed token, or a JWT it issued and that is live. */
import type { EmulatorRequest, EmulatorResponse } from '../http/exchange.js';
import { apiError } from '../http/responses.js';
import { constantTimeEqual } from './constant-time.js';
import { verifyJwt } from './jwt.js';
import type { SigningKey } from './signing-key.js';

/**
 * What a token lets its bearer do: every scope (the fixed token), or the scopes of its `scope` claim; `subject` is
 * its `sub` (a user's id, or `<client_id>@clients`), the only user its `current_user` scopes act on.
 */
export type Grant = { readonly scopes: ReadonlySet<string> | 'all'; readonly subject?: string };

/** What authentication needs of the emulator. */
export type TokenChecker = {
  readonly token: string | undefined;
  readonly key: () => Promise<SigningKey>;
  /** The Management API's identifiers for a request (see audience.ts): `https://{domain}/api/v2/`, and `http://...` over HTTP. */
  readonly audiences: (request: EmulatorRequest) => readonly string[];
  readonly issuer: (request: EmulatorRequest) => string;
  readonly now: () => Date;
};

/** Auth0's 401, with the reason in `message` and `attributes.error` as its JWT validation words it. */
function unauthorized(message: string): EmulatorResponse {
  return apiError(401, message, undefined, { attributes: { error: message } });
}

/** The request's grant, or Auth0's 401. */
export async function authenticate(request: EmulatorRequest, checker: TokenChecker): Promise<Grant | EmulatorResponse> {
  const match = /^Bearer +(\S+) *$/i.exec(request.header('authorization') ?? '');
  // Without a bearer token (no header, or another scheme such as Basic) Auth0 answers as its recordings show.
  if (match === null) return { ...apiError(401, 'Missing authentication'), headers: { 'www-authenticate': 'Bearer' } };
  const token = match[1] as string;
  if (checker.token !== undefined && constantTimeEqual(token, checker.token)) return { scopes: 'all' };
  const claims = await verifyJwt(token, await checker.key());
  if (claims === 'malformed') return unauthorized('Invalid token');
  if (claims === 'bad-signature') return unauthorized('Invalid signature received for JSON Web Token validation');
  const audience = claims['aud'];
  const accepted = checker.audiences(request);
  // A user's token for the Management API with `openid` has two audiences: the API and /userinfo.
  if (!(Array.isArray(audience) ? audience : [audience]).some((each) => accepted.includes(each)))
    return unauthorized(`Bad audience: ${String(audience)}`);
  if (claims['iss'] !== checker.issuer(request)) return unauthorized('Invalid token');
  const expiresAt = claims['exp'];
  if (typeof expiresAt !== 'number' || expiresAt * 1000 <= checker.now().getTime()) {
    return unauthorized('Expired token received for JSON Web Token validation');
  }
  const scope = claims['scope'];
  const scopes = new Set(typeof scope === 'string' ? scope.split(' ') : []);
  const subject = claims['sub'];
  return typeof subject === 'string' ? { scopes, subject } : { scopes };
}

/** Auth0's 403 when the grant holds none of the scopes a route accepts. */
export function checkScopes(grant: Grant, accepted: readonly string[]): EmulatorResponse | undefined {
  if (grant.scopes === 'all' || accepted.length === 0) return undefined;
  for (const scope of accepted) if (grant.scopes.has(scope)) return undefined;
  return apiError(403, `Insufficient scope, expected any of: ${accepted.join(',')}`, 'insufficient_scope');
}

/**
 * Whether the grant reaches a route only through its `current_user` scopes ("issued in the context of the user who
 * is currently signed in ... which limits updates to only the logged-in user's data").
 */
export function onlyCurrentUser(grant: Grant, accepted: readonly string[]): boolean {
  const { scopes } = grant;
  if (scopes === 'all') return false;
  const held = accepted.filter((scope) => scopes.has(scope));
  return held.length > 0 && held.every((scope) => scope.includes('current_user'));
}

/**
 * Auth0's 403 when a grant holding only `current_user` scopes names another user than its own (`{id}` is not its
 * `sub`): a client-credentials token's `sub` is `<client_id>@clients`, so it never acts on a user with them.
 */
export function checkSubject(
  grant: Grant,
  accepted: readonly string[],
  params: Readonly<Record<string, string>>,
): EmulatorResponse | undefined {
  if (!onlyCurrentUser(grant, accepted) || (grant.subject !== undefined && params['id'] === grant.subject))
    return undefined;
  // The SDK fixture's body (react-native-auth0), with the OAS's message for these routes.
  return apiError(403, 'User to be acted on does not match subject in bearer token.', 'unowned_resource');
}
