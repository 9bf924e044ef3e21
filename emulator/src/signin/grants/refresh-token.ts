/** The `refresh_token` grant: new tokens for a sign-in that asked for `offline_access`, the post-login hook run again. */
import { findApi } from '../apis.js';
import { eventRequest, mintTokens, signInUser } from '../login.js';
import { oauthError, tokenAnswer } from '../oauth-answers.js';
import type { TokenGrant } from '../token-endpoint.js';

export const refreshTokenGrant: TokenGrant = {
  required: ['refresh_token'],
  async handle(context, { request, parameters, client, body }) {
    const token = parameters.get('refresh_token') as string;
    const grant = context.state.refreshTokens.get(token);
    if (grant === undefined || grant.clientId !== client.clientId)
      return oauthError(403, 'invalid_grant', 'Unknown or invalid refresh token.');
    const user = context.tenant.users.get(grant.userId);
    if (user === undefined) {
      return oauthError(403, 'invalid_grant', "The refresh_token was generated for a user who doesn't exist anymore.");
    }
    if (user.blocked === true) return oauthError(403, 'invalid_grant', 'user is blocked');
    const api =
      grant.audience === undefined
        ? undefined
        : findApi(grant.audience, context.domain(request), request.scheme, context.tenant);
    if (grant.audience !== undefined && api === undefined)
      return oauthError(403, 'invalid_grant', 'Unknown or invalid refresh token.');
    // A refresh may ask for fewer scopes than the sign-in had; decision: scopes beyond those are left out.
    const asked = parameters
      .get('scope')
      ?.split(/\s+/)
      .filter((scope) => grant.scopes.includes(scope));
    const login = await signInUser(context, {
      user,
      client,
      connection: grant.connection,
      api,
      scope: (asked ?? grant.scopes).join(' '),
      sessionId: grant.sessionId,
      issuer: context.issuer(request),
      protocol: 'oauth2-refresh-token',
      grantType: 'refresh_token',
      countsAsLogin: false,
      request: eventRequest(context, request, {}, body),
    });
    if ('denied' in login) return oauthError(403, 'access_denied', login.denied);
    // The refresh token itself stays good (no rotation): the answer carries no new one.
    return tokenAnswer(await mintTokens(context, { ...login, offline: false }));
  },
};
