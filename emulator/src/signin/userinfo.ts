/** `GET /userinfo`: the signed-in user's profile, as the access token's scopes allow it. */
import type { EmulatorRequest, EmulatorResponse } from '../http/exchange.js';
import { verifyJwt } from '../auth/jwt.js';
import { json } from '../http/responses.js';
import { userClaims } from './claims.js';
import type { SignInContext } from './login.js';

/** Auth0's 401: a plain-text body and a `WWW-Authenticate` challenge (recorded by ruby-auth0). */
function unauthorized(description?: string): EmulatorResponse {
  const challenge =
    description === undefined
      ? 'Bearer realm="Users"'
      : `Bearer realm="Users", error="invalid_token", error_description="${description}"`;
  return {
    status: 401,
    text: 'Unauthorized',
    headers: { 'content-type': 'text/plain; charset=utf-8', 'www-authenticate': challenge },
  };
}

/** Answers `/userinfo` for the bearer token of a request. */
export async function answerUserinfo(request: EmulatorRequest, context: SignInContext): Promise<EmulatorResponse> {
  const token = /^Bearer +(\S+) *$/i.exec(request.header('authorization') ?? '')?.[1];
  if (token === undefined) return unauthorized();
  const now = Math.floor(context.tenant.now().getTime() / 1000);
  let userId: string;
  let scopes: readonly string[];
  const opaque = context.state.opaqueTokens.get(token);
  if (opaque !== undefined) {
    if (opaque.expiresAt <= now) return unauthorized('The token has expired');
    ({ userId, scopes } = opaque);
  } else {
    const claims = await verifyJwt(token, await context.key());
    if (typeof claims === 'string') return unauthorized('The access token signature could not be validated.');
    const audience = claims['aud'];
    const userinfo = `${context.issuer(request)}userinfo`;
    if (
      !(Array.isArray(audience) ? audience.includes(userinfo) : audience === userinfo) ||
      typeof claims['sub'] !== 'string'
    )
      return unauthorized('Invalid audience.');
    if (typeof claims['exp'] !== 'number' || claims['exp'] <= now) return unauthorized('The token has expired');
    userId = claims['sub'];
    scopes = typeof claims['scope'] === 'string' ? claims['scope'].split(' ') : [];
  }
  const user = context.tenant.users.get(userId);
  if (user === undefined) return unauthorized('The user does not exist.');
  return json(
    200,
    { sub: userId, ...userClaims(user, new Set(scopes)) },
    { 'cache-control': 'no-store', pragma: 'no-cache' },
  );
}
