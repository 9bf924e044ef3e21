/** `emulator.signIn(…)`: a user signed in to an application without a browser, through the sign-in page's path. */
import { findApi } from './apis.js';
import { mintTokens, signInUser, type SignInContext, type TokenResponse } from './login.js';
import { SignInError } from './sign-in-error.js';
import { randomId } from '../random-id.js';

/**
 * Who signs in where, for {@link Emulator.signIn}.
 *
 * @example
 * const options: SignInOptions = { userId: 'auth0|1', clientId: 'web-app', audience: 'https://api.example.com/', scope: 'openid profile read:posts offline_access' };
 */
export type SignInOptions = {
  /** The stored user's `user_id`. */
  readonly userId: string;
  /** The application; defaults to the first of `options.clients`. */
  readonly clientId?: string;
  /** The API the access token is for; without it the access token is opaque, for `/userinfo` only. */
  readonly audience?: string;
  /** Space-separated, as `/authorize` takes it: `openid` brings an ID token, `offline_access` a refresh token. */
  readonly scope?: string;
  /** Echoed in the ID token. */
  readonly nonce?: string;
};

/** Signs in as the sign-in page would, with `issuer` and `domain` for the tokens. */
export async function signInDirectly(
  context: SignInContext,
  options: SignInOptions,
  issuer: string,
  domain: string,
): Promise<TokenResponse> {
  if (typeof options !== 'object' || options === null) throw new TypeError('signIn: options must be an object');
  const { userId, audience, scope, nonce } = options;
  const clientId = options.clientId ?? context.applications.keys().next().value;
  const client = clientId === undefined ? undefined : context.applications.get(clientId);
  if (client === undefined) throw new TypeError(`signIn: no application ${String(clientId)} in options.clients`);
  const user = typeof userId === 'string' ? context.tenant.users.get(userId) : undefined;
  if (user === undefined) throw new TypeError(`signIn: no user ${String(userId)} in the store`);
  if (!client.grantTypes.includes('authorization_code'))
    throw new SignInError('unauthorized_client', "Grant type 'authorization_code' not allowed for the client.");
  const api = audience === undefined ? undefined : findApi(audience, domain, 'https', context.tenant);
  if (audience !== undefined && api === undefined)
    throw new SignInError('access_denied', `Service not found: ${audience}`);
  if (user.blocked === true) throw new SignInError('unauthorized', 'user is blocked');
  const login = await signInUser(context, {
    user,
    client,
    connection: user.identities?.[0]?.connection ?? '',
    api,
    scope,
    nonce,
    sessionId: randomId('', 32),
    issuer,
    protocol: 'oidc-basic-profile',
    countsAsLogin: true,
    request: { ip: '127.0.0.1', hostname: domain, method: 'GET', query: {}, body: {}, geoip: {} },
  });
  if ('denied' in login) throw new SignInError('access_denied', login.denied);
  return mintTokens(context, login);
}
