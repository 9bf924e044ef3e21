/** `POST /oauth/token` with the client-credentials grant, answered as Auth0's Authentication API does. */
import { BodyFault, type EmulatorRequest, type EmulatorResponse } from '../http/exchange.js';
import { json, payloadTooLarge } from '../http/responses.js';
import { managementApiAudiences } from './audience.js';
import { constantTimeEqual } from './constant-time.js';
import { randomHex } from '../random-hex.js';
import { signJwt } from './jwt.js';

/** How long an issued token lives, in seconds: Auth0's default for the Management API. */
const TOKEN_LIFETIME_SECONDS = 86_400;

/** What the token endpoint needs of the emulator. */
export type TokenIssuer = {
  readonly clients: ReadonlyMap<string, { secret: string; scopes: readonly string[] }>;
  readonly key: () => Promise<CryptoKey>;
  readonly keyId: string;
  readonly domain: (request: EmulatorRequest) => string;
  readonly now: () => Date;
  readonly bodyLimit: number;
};

/** The OAuth error body Auth0's Authentication API answers. */
function oauthError(status: number, error: string, description: string): EmulatorResponse {
  return json(status, { error, error_description: description });
}

/** Answers a token request: a JWT for a known client's credentials and the tenant's Management API audience. */
export async function issueToken(request: EmulatorRequest, issuer: TokenIssuer): Promise<EmulatorResponse> {
  let text: string;
  try {
    text = await request.readBody();
  } catch (fault) {
    if (fault instanceof BodyFault && fault.kind === 'too-large') return payloadTooLarge(issuer.bodyLimit);
    return oauthError(400, 'invalid_request', 'Invalid request body');
  }
  const parameters = readParameters(text, request.header('content-type') ?? '');
  if (parameters === undefined) return oauthError(400, 'invalid_request', 'Invalid request body');
  const grantType = parameters.get('grant_type');
  if (grantType === undefined) return oauthError(400, 'invalid_request', 'Missing required parameter: grant_type');
  if (!KNOWN_GRANTS.has(grantType)) return oauthError(400, 'unsupported_grant_type', 'Grant type not supported');
  const clientId = parameters.get('client_id');
  const client = clientId === undefined ? undefined : issuer.clients.get(clientId);
  const secret = parameters.get('client_secret') ?? '';
  // The secret is compared even for an unknown client, so a wrong id and a wrong secret take the same time.
  const secretMatches = constantTimeEqual(secret, client?.secret ?? '\u0000');
  if (clientId === undefined || client === undefined || !secretMatches)
    return oauthError(401, 'access_denied', 'Unauthorized');
  if (grantType !== 'client_credentials')
    return oauthError(403, 'unauthorized_client', `Grant type '${grantType}' not allowed for the client.`);
  const domain = issuer.domain(request);
  const requestedAudience = parameters.get('audience');
  // Without an audience Auth0 issues an opaque token, good for no API: the Management API answers it with a 401.
  if (requestedAudience === undefined) {
    return json(200, { access_token: randomHex(16), expires_in: TOKEN_LIFETIME_SECONDS, token_type: 'Bearer' });
  }
  if (!managementApiAudiences(request, domain).includes(requestedAudience))
    return oauthError(403, 'access_denied', `Service not enabled within domain: ${requestedAudience}`);
  const scopes = grantedScopes(parameters.get('scope'), client.scopes);
  if (typeof scopes === 'string')
    return oauthError(403, 'access_denied', `Client has not been granted scopes: ${scopes}`);
  const issuedAt = Math.floor(issuer.now().getTime() / 1000);
  const scope = scopes.join(' ');
  const token = await signJwt(
    {
      iss: `https://${domain}/`,
      sub: `${clientId}@clients`,
      aud: requestedAudience,
      iat: issuedAt,
      exp: issuedAt + TOKEN_LIFETIME_SECONDS,
      scope,
      gty: 'client-credentials',
      azp: clientId,
    },
    await issuer.key(),
    issuer.keyId,
  );
  return json(200, { access_token: token, expires_in: TOKEN_LIFETIME_SECONDS, scope, token_type: 'Bearer' });
}

const KNOWN_GRANTS: ReadonlySet<string> = new Set([
  'client_credentials',
  'authorization_code',
  'implicit',
  'password',
  'refresh_token',
  'http://auth0.com/oauth/grant-type/password-realm',
  'http://auth0.com/oauth/grant-type/passwordless/otp',
  'http://auth0.com/oauth/grant-type/mfa-oob',
  'http://auth0.com/oauth/grant-type/mfa-otp',
  'http://auth0.com/oauth/grant-type/mfa-recovery-code',
  'urn:ietf:params:oauth:grant-type:device_code',
  'urn:ietf:params:oauth:grant-type:token-exchange',
]);

/** The scopes a token gets: all the client's, or the requested ones, or the requested scopes it was not granted. */
function grantedScopes(requested: string | undefined, granted: readonly string[]): readonly string[] | string {
  if (requested === undefined || requested.trim() === '') return granted;
  const wanted = [...new Set(requested.split(/\s+/).filter((scope) => scope !== ''))];
  const missing = wanted.filter((scope) => !granted.includes(scope));
  return missing.length > 0 ? missing.join(' ') : wanted;
}

/** The token request's parameters, from a form-encoded or JSON body (each parameter a string). */
function readParameters(text: string, contentType: string): Map<string, string> | undefined {
  const parameters = new Map<string, string>();
  if (/^\s*application\/json/i.test(contentType)) {
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return undefined;
    }
    if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined;
    for (const [name, value] of Object.entries(body)) if (typeof value === 'string') parameters.set(name, value);
    return parameters;
  }
  for (const [name, value] of new URLSearchParams(text)) if (!parameters.has(name)) parameters.set(name, value);
  return parameters;
}
