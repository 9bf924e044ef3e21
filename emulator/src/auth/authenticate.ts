/** Checks a Management API request's bearer token: the emulator's fixed token, or a JWT it issued and that is live. */
import type { EmulatorRequest, EmulatorResponse } from '../http/exchange.js';
import { apiError } from '../http/responses.js';
import { constantTimeEqual } from './constant-time.js';
import { verifyJwt } from './jwt.js';
import type { SigningKey } from './signing-key.js';

/** What a token lets its bearer do: every scope (the fixed token), or the scopes of its `scope` claim. */
export type Grant = { readonly scopes: ReadonlySet<string> | 'all' };

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
  return { scopes: new Set(typeof scope === 'string' ? scope.split(' ') : []) };
}

/** Auth0's 403 when the grant holds none of the scopes a route accepts. */
export function checkScopes(grant: Grant, accepted: readonly string[]): EmulatorResponse | undefined {
  if (grant.scopes === 'all' || accepted.length === 0) return undefined;
  for (const scope of accepted) if (grant.scopes.has(scope)) return undefined;
  return apiError(403, `Insufficient scope, expected any of: ${accepted.join(',')}`, 'insufficient_scope');
}
