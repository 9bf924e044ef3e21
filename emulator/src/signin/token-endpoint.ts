/**
 * `POST /oauth/token`, as Auth0's Authentication API answers it: the request's parameters (form-encoded or JSON),
 * the client's authentication (`client_secret_post`, `client_secret_basic`, or none for public clients), the
 * grant allowed for the client, the grant's required parameters, and then the grant.
 */
import type { Application } from '../auth/clients.js';
import { KNOWN_GRANTS } from '../auth/clients.js';
import { constantTimeEqual } from '../auth/constant-time.js';
import { BodyFault, type EmulatorRequest, type EmulatorResponse } from '../http/exchange.js';
import { payloadTooLarge } from '../http/responses.js';
import { authorizationCodeGrant } from './grants/authorization-code.js';
import { clientCredentialsGrant } from './grants/client-credentials.js';
import { passwordGrant, passwordRealmGrant } from './grants/password.js';
import { refreshTokenGrant } from './grants/refresh-token.js';
import type { SignInContext } from './login.js';
import { oauthError } from './oauth-answers.js';

/** What a grant gets: its checked parameters and authenticated client. */
export type GrantRequest = {
  readonly request: EmulatorRequest;
  readonly parameters: ReadonlyMap<string, string>;
  readonly client: Application;
  /** The body's parameters, for the hook's `event.request.body` (secrets left out). */
  readonly body: Readonly<Record<string, string>>;
};

/** A grant: the parameters it requires (Auth0's "Missing required parameter: <name>"), and what it answers. */
export type TokenGrant = {
  readonly required: readonly string[];
  handle(context: SignInContext, grant: GrantRequest): Promise<EmulatorResponse>;
};

/** The grants the emulator answers; Auth0's others are refused as not emulated. */
const GRANTS: ReadonlyMap<string, TokenGrant> = new Map([
  ['client_credentials', clientCredentialsGrant],
  ['password', passwordGrant],
  ['http://auth0.com/oauth/grant-type/password-realm', passwordRealmGrant],
  ['authorization_code', authorizationCodeGrant],
  ['refresh_token', refreshTokenGrant],
]);

/** "Grant type '<grant>' not allowed for the client." comes with this `error_uri` in Auth0's answers. */
const GRANT_TYPES_DOC = 'https://auth0.com/docs/clients/client-grant-types';
const SECRETS = new Set(['client_secret', 'password', 'code_verifier', 'client_assertion']);

/** Answers a token request. */
export async function answerTokenRequest(
  request: EmulatorRequest,
  context: SignInContext,
  bodyLimit: number,
): Promise<EmulatorResponse> {
  let text: string;
  try {
    text = await request.readBody();
  } catch (fault) {
    if (fault instanceof BodyFault && fault.kind === 'too-large') return payloadTooLarge(bodyLimit);
    return oauthError(400, 'invalid_request', 'Invalid request body');
  }
  const parameters = readParameters(text, request.header('content-type') ?? '');
  if (parameters === undefined) return oauthError(400, 'invalid_request', 'Invalid request body');
  const grantType = parameters.get('grant_type');
  if (grantType === undefined) return oauthError(400, 'invalid_request', 'Missing required parameter: grant_type');
  if (!KNOWN_GRANTS.has(grantType)) return oauthError(400, 'unsupported_grant_type', 'Grant type not supported');
  if (parameters.has('client_assertion'))
    return oauthError(501, 'not_emulated', 'The emulator does not emulate private_key_jwt (client_assertion)');
  const client = authenticateClient(request, parameters, context.applications);
  if (client === undefined) return oauthError(401, 'access_denied', 'Unauthorized');
  if (!client.grantTypes.includes(grantType)) {
    return oauthError(403, 'unauthorized_client', `Grant type '${grantType}' not allowed for the client.`, {
      error_uri: GRANT_TYPES_DOC,
    });
  }
  const grant = GRANTS.get(grantType);
  if (grant === undefined)
    return oauthError(501, 'not_emulated', `The emulator does not emulate the grant type ${grantType}`);
  for (const name of grant.required) {
    if (!parameters.has(name)) return oauthError(400, 'invalid_request', `Missing required parameter: ${name}`);
  }
  const body = Object.fromEntries([...parameters].filter(([name]) => !SECRETS.has(name)));
  return grant.handle(context, { request, parameters, client, body });
}

/**
 * The client a request authenticates as, or `undefined` (Auth0's 401 "Unauthorized"): a confidential client with
 * its secret (in the body or as HTTP Basic); a public one by its id alone. Secrets are compared in constant time,
 * and compared for an unknown client too, so a wrong id and a wrong secret take the same time.
 */
function authenticateClient(
  request: EmulatorRequest,
  parameters: ReadonlyMap<string, string>,
  applications: ReadonlyMap<string, Application>,
): Application | undefined {
  const basic = readBasic(request.header('authorization'));
  const clientId = basic?.id ?? parameters.get('client_id');
  const secret = basic?.secret ?? parameters.get('client_secret');
  const client = clientId === undefined ? undefined : applications.get(clientId);
  if (client?.isPublic === true) return client;
  const matches = constantTimeEqual(secret ?? '', client?.secret ?? '\u0000');
  return client !== undefined && secret !== undefined && matches ? client : undefined;
}

/** `Authorization: Basic base64(urlencoded id ":" urlencoded secret)` (RFC 6749 2.3.1). */
function readBasic(header: string | undefined): { id: string; secret: string } | undefined {
  const match = /^Basic +([A-Za-z0-9+/=]+) *$/i.exec(header ?? '');
  if (match === null) return undefined;
  try {
    const decoded = atob(match[1] as string);
    const colon = decoded.indexOf(':');
    if (colon === -1) return undefined;
    return {
      id: decodeURIComponent(decoded.slice(0, colon).replaceAll('+', ' ')),
      secret: decodeURIComponent(decoded.slice(colon + 1).replaceAll('+', ' ')),
    };
  } catch {
    return undefined;
  }
}

/** The request's parameters, from a form-encoded or JSON body (each parameter a string; the first of repeats). */
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
