/**
 * The resource owner password grants: `password` (the tenant's default directory, or a `realm`) and
 * `http://auth0.com/oauth/grant-type/password-realm` (a `realm`, the database connection).
 */
import type { EmulatorResponse } from '../../http/exchange.js';
import { findApi } from '../apis.js';
import { eventRequest, findDatabaseUser, mintTokens, signInUser, type SignInContext } from '../login.js';
import { oauthError, tokenAnswer } from '../oauth-answers.js';
import type { GrantRequest, TokenGrant } from '../token-endpoint.js';

export const passwordGrant: TokenGrant = {
  required: ['username', 'password'],
  handle: (context, grant) => signInWithPassword(context, grant, 'oauth2-password'),
};

export const passwordRealmGrant: TokenGrant = {
  required: ['username', 'password', 'realm'],
  handle: (context, grant) => signInWithPassword(context, grant, 'oauth2-resource-owner'),
};

async function signInWithPassword(
  context: SignInContext,
  { request, parameters, client, body }: GrantRequest,
  protocol: string,
): Promise<EmulatorResponse> {
  const { tenant } = context;
  const connection = parameters.get('realm') ?? context.defaultDirectory;
  if (connection === undefined) {
    return oauthError(500, 'server_error', 'Authorization server not configured with default connection.');
  }
  // Auth0's legacy /oauth/ro words for these two (decision: not recorded on /oauth/token).
  if (tenant.connections.get(connection)?.strategy !== 'auth0')
    return oauthError(400, 'invalid_request', 'the connection was not found');
  if (client.connections !== undefined && !client.connections.includes(connection))
    return oauthError(400, 'invalid_request', 'the connection was disabled');
  const audience = parameters.get('audience');
  const api = audience === undefined ? undefined : findApi(audience, context.domain(request), request.scheme, tenant);
  if (audience !== undefined && api === undefined)
    return oauthError(400, 'invalid_request', 'invalid audience specified for password grant exchange');
  const found = findDatabaseUser(tenant, connection, parameters.get('username') as string);
  const matches =
    found !== undefined &&
    (await context.passwords.matches(found.user_id as string, parameters.get('password') as string));
  const user = found === undefined ? undefined : tenant.users.get(found.user_id as string);
  // The same answer for an unknown user and a wrong password (recorded).
  if (!matches || user === undefined) return oauthError(403, 'invalid_grant', 'Wrong email or password.');
  if (user.blocked === true) return oauthError(401, 'unauthorized', 'user is blocked');
  const login = await signInUser(context, {
    user,
    client,
    connection,
    api,
    scope: parameters.get('scope'),
    issuer: context.issuer(request),
    protocol,
    grantType: 'password',
    widenOpenid: true,
    countsAsLogin: true,
    request: eventRequest(context, request, {}, body),
  });
  // Decision: a denial answers 403 access_denied with the reason (Auth0 has been seen answering 500 for it).
  if ('denied' in login) return oauthError(403, 'access_denied', login.denied);
  return tokenAnswer(await mintTokens(context, login));
}
