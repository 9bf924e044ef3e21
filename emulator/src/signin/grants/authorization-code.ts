/** The `authorization_code` grant, with PKCE: a code from the sign-in page, exchanged once. */
import { base64url } from '../../auth/signing-key.js';
import { constantTimeEqual } from '../../auth/constant-time.js';
import { mintTokens } from '../login.js';
import { oauthError, tokenAnswer } from '../oauth-answers.js';
import type { TokenGrant } from '../token-endpoint.js';

export const authorizationCodeGrant: TokenGrant = {
  required: ['code'],
  async handle(context, { parameters, client }) {
    const code = parameters.get('code') as string;
    const issued = context.state.codes.get(code);
    // A code is good once: any exchange uses it up.
    context.state.codes.delete(code);
    const now = Math.floor(context.tenant.now().getTime() / 1000);
    const redirectUri = parameters.get('redirect_uri');
    // Unknown, used, expired, another client's, or another redirect_uri: one answer (recorded for a bad code).
    if (
      issued === undefined ||
      issued.expiresAt <= now ||
      issued.login.client.clientId !== client.clientId ||
      (redirectUri !== undefined && redirectUri !== issued.redirectUri)
    ) {
      return oauthError(403, 'invalid_grant', 'Invalid authorization code');
    }
    const verifier = parameters.get('code_verifier');
    if (issued.challenge === undefined) {
      // A public client proves itself with PKCE only: without it, Auth0's 401 "Unauthorized".
      if (client.isPublic) return oauthError(401, 'access_denied', 'Unauthorized');
    } else {
      if (verifier === undefined)
        return oauthError(400, 'invalid_request', 'Missing required parameter: code_verifier');
      const expected =
        issued.challenge.method === 'S256'
          ? base64url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))))
          : verifier;
      if (!constantTimeEqual(expected, issued.challenge.value))
        return oauthError(403, 'invalid_grant', 'Failed to verify code verifier');
    }
    const user = context.tenant.users.get(issued.login.user.user_id as string);
    if (user === undefined) return oauthError(403, 'invalid_grant', 'Invalid authorization code');
    return tokenAnswer(await mintTokens(context, { ...issued.login, user }));
  },
};
