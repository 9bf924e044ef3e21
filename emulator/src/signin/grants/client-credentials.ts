/** The `client_credentials` grant: an application's own token for an API it has a client grant for. */
import { signJwt } from '../../auth/jwt.js';
import { randomId } from '../../random-id.js';
import { findApi } from '../apis.js';
import { oauthError, tokenAnswer } from '../oauth-answers.js';
import type { TokenGrant } from '../token-endpoint.js';

export const clientCredentialsGrant: TokenGrant = {
  required: [],
  async handle(context, { request, parameters, client }) {
    const audience = parameters.get('audience');
    if (audience === undefined) {
      // The emulated tenant has no default audience.
      return oauthError(
        403,
        'access_denied',
        'No audience parameter was provided, and no default audience has been configured',
      );
    }
    const api = findApi(audience, context.domain(request), request.scheme, context.tenant);
    if (api === undefined) return oauthError(403, 'access_denied', `Service not enabled within domain: ${audience}`);
    const granted = api.isManagement ? client.managementScopes : client.clientGrants.get(api.identifier);
    if (granted === undefined) {
      return oauthError(
        403,
        'access_denied',
        `Client is not authorized to access "${audience}". You need to create a "client-grant" associated to this API. See: https://auth0.com/docs/api/v2#!/Client_Grants/post_client_grants`,
      );
    }
    const requested = (parameters.get('scope') ?? '').split(/\s+/).filter((scope) => scope !== '');
    const missing = [...new Set(requested)].filter((scope) => !granted.includes(scope));
    if (missing.length > 0)
      return oauthError(403, 'access_denied', `Client has not been granted scopes: ${missing.join(' ')}`);
    const scopes = requested.length === 0 ? granted : [...new Set(requested)];
    const scope = scopes.join(' ');
    const iat = Math.floor(context.tenant.now().getTime() / 1000);
    const claims = {
      iss: context.issuer(request),
      sub: `${client.clientId}@clients`,
      aud: api.identifier,
      iat,
      exp: iat + api.tokenLifetime,
      ...(scope === '' ? {} : { scope }),
      // RFC 9068 profile: `jti` and `client_id` in place of `gty` and `azp` (Access Token Profiles).
      ...(api.rfc9068
        ? { jti: randomId('', 22), client_id: client.clientId }
        : { gty: 'client-credentials', azp: client.clientId }),
      // Decision: with "Add Permissions in the Access Token", an application's permissions are its granted scopes.
      ...(api.permissionsClaim ? { permissions: scopes } : {}),
    };
    const token = await signJwt(claims, await context.key(), api.rfc9068 ? 'at+jwt' : 'JWT');
    return tokenAnswer({
      access_token: token,
      ...(scope === '' ? {} : { scope }),
      expires_in: api.tokenLifetime,
      token_type: 'Bearer',
    });
  },
};
