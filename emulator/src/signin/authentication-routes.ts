/**
 * The routes of Auth0's Authentication API: the ones the emulator answers, and the rest of Auth0's (from its
 * OpenAPI description, auth0/docs-v2 main/docs/oas/authentication/authentication-api-oas.json @ 092b879), which
 * answer 501. A path of neither is the Management API's business (its 404).
 */
import type { EmulatorRequest, EmulatorResponse } from '../http/exchange.js';
import { answerAuthorize, answerSignInForm, answerSignInPage } from './authorize.js';
import { discoveryDocument, jwks } from './discovery.js';
import type { SignInContext } from './login.js';
import { answerLogout } from './logout.js';
import { documentAnswer, oauthError } from './oauth-answers.js';
import { answerTokenRequest } from './token-endpoint.js';
import { answerUserinfo } from './userinfo.js';

/** One route: its method and path, and its handler. */
type AuthenticationRoute = {
  readonly method: 'GET' | 'POST';
  readonly path: string;
  handle(request: EmulatorRequest): Promise<EmulatorResponse>;
};

/** Auth0's Authentication API routes the emulator does not answer (templates as the OAS has them). */
const NOT_EMULATED = [
  'POST /mfa/challenge',
  'POST /mfa/associate',
  'GET /mfa/authenticators',
  'DELETE /mfa/authenticators/{id}',
  'POST /passwordless/start',
  'POST /oauth/device/code',
  'POST /oauth/revoke',
  'POST /oauth/par',
  'GET /oidc/logout',
  'POST /dbconnections/signup',
  'POST /dbconnections/change_password',
  'POST /oauth/access_token',
  'POST /oauth/ro',
  'POST /tokeninfo',
  'POST /delegation',
  'POST /users/{user_id}/impersonate',
  'POST /bc-authorize',
  'POST /passwordless/verify',
  'POST /oidc/register',
  'GET /samlp/{clientId}',
  'GET /samlp/metadata/{clientId}',
  'POST /samlp/{client_id}/logout',
  'GET /wsfed/{clientId}',
  'GET /wsfed/FederationMetadata/2007-06/FederationMetadata.xml',
  'POST /login/callback',
  'POST /login/unlink',
  'POST /oauth/global-token-revocation/connection/{connection_name}',
].map((route) => {
  const [method, template] = route.split(' ') as [string, string];
  const pattern = new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+').replaceAll('.', '\\.')}$`);
  return { method, template, pattern };
});

/** A resolver: the answer to a request of the Authentication API, or `undefined` for any other request. */
export function authenticationRoutes(
  context: SignInContext,
  bodyLimit: number,
): (request: EmulatorRequest) => Promise<EmulatorResponse> | undefined {
  const routes: AuthenticationRoute[] = [
    {
      method: 'GET',
      path: '/.well-known/openid-configuration',
      handle: async (request) => documentAnswer(discoveryDocument(context.issuer(request))),
    },
    {
      method: 'GET',
      path: '/.well-known/jwks.json',
      handle: async () => documentAnswer(jwks((await context.key()).jwk)),
    },
    { method: 'POST', path: '/oauth/token', handle: (request) => answerTokenRequest(request, context, bodyLimit) },
    { method: 'GET', path: '/authorize', handle: (request) => answerAuthorize(request, context) },
    { method: 'GET', path: '/u/login', handle: (request) => answerSignInPage(request, context) },
    { method: 'POST', path: '/u/login', handle: (request) => answerSignInForm(request, context) },
    { method: 'GET', path: '/userinfo', handle: (request) => answerUserinfo(request, context) },
    { method: 'GET', path: '/v2/logout', handle: (request) => answerLogout(request, context) },
  ];
  const byPath = new Map<string, AuthenticationRoute[]>();
  for (const route of routes) byPath.set(route.path, [...(byPath.get(route.path) ?? []), route]);
  return (request) => {
    const method = request.method === 'HEAD' ? 'GET' : request.method;
    const served = byPath.get(request.path);
    if (served !== undefined) return served.find((route) => route.method === method)?.handle(request);
    const other = NOT_EMULATED.find((route) => route.method === method && route.pattern.test(request.path));
    if (other === undefined) return undefined;
    return Promise.resolve(
      oauthError(501, 'not_emulated', `The emulator does not emulate ${other.method} ${other.template}`),
    );
  };
}
