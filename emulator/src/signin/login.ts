/**
 * One sign-in, whatever started it (the sign-in page, a password grant, a refresh token, `signIn`): the post-login
 * hook, the scopes the token gets, and then the tokens with Auth0's claims.
 */
import { applyPreparedPatch, preparePatch, type Auth0User } from 'auth0-user-patch';
import type { Application } from '../auth/clients.js';
import { signJwt } from '../auth/jwt.js';
import type { SigningKey } from '../auth/signing-key.js';
import type { EmulatorRequest } from '../http/exchange.js';
import { randomId } from '../random-id.js';
import { deepFreeze } from '../store/deep-freeze.js';
import type { Tenant } from '../tenant.js';
import { CURRENT_USER_SCOPES, userPermissions, type Api } from './apis.js';
import { customClaims, userClaims } from './claims.js';
import type { PasswordStore } from './passwords.js';
import { runPostLogin, type EmulatorActions, type PostLoginEvent } from './post-login.js';
import type { SignInState } from './sign-in-state.js';

/** What the sign-in half of the emulator shares. */
export type SignInContext = {
  readonly tenant: Tenant;
  readonly applications: ReadonlyMap<string, Application>;
  readonly key: () => Promise<SigningKey>;
  readonly passwords: PasswordStore;
  readonly state: SignInState;
  readonly actions: EmulatorActions;
  /** A stable `con_…` id for each connection, for `event.connection.id`. */
  readonly connectionId: (name: string) => string;
  /** The tenant's domain for a request (`options.domain`, else its Host). */
  readonly domain: (request: EmulatorRequest) => string;
  /** The issuer for a request: `https://{domain}/`, or the request's own scheme and host without `options.domain`. */
  readonly issuer: (request: EmulatorRequest) => string;
  /** The tenant's `default_directory`: the connection of the `password` grant without a `realm`. */
  readonly defaultDirectory: string | undefined;
};

/** A completed sign-in: what its tokens are to say, minted now or when its code is exchanged. */
export type Login = {
  readonly user: Auth0User;
  readonly client: Application;
  readonly connection: string;
  readonly api: Api | undefined;
  /** The scopes granted (the response's and the access token's `scope`). */
  readonly scopes: readonly string[];
  readonly nonce: string | undefined;
  readonly sessionId: string | undefined;
  readonly grantType: 'password' | 'refresh_token' | undefined;
  readonly idTokenClaims: ReadonlyMap<string, unknown>;
  readonly accessTokenClaims: ReadonlyMap<string, unknown>;
  readonly permissions: readonly string[] | undefined;
  /** Whether a refresh token comes with it. */
  readonly offline: boolean;
  /** `https://{domain}/` (or the scheme and host of the request, without a configured domain). */
  readonly issuer: string;
};

/** What starts a sign-in. */
export type SignInInput = {
  readonly user: Auth0User;
  readonly client: Application;
  readonly connection: string;
  readonly api: Api | undefined;
  readonly scope: string | undefined;
  readonly nonce?: string | undefined;
  readonly sessionId?: string | undefined;
  readonly issuer: string;
  /** `event.transaction.protocol`. */
  readonly protocol: string;
  readonly grantType?: 'password' | 'refresh_token';
  /** A first-party password sign-in that asks for `openid` alone gets `openid profile email address phone` (recorded). */
  readonly widenOpenid?: boolean;
  /** A refresh is no new sign-in: `logins_count` stays. */
  readonly countsAsLogin: boolean;
  readonly request: PostLoginEvent['request'];
  readonly transaction?: Partial<Pick<PostLoginEvent['transaction'], 'redirect_uri' | 'response_type' | 'state'>>;
};

const OIDC_SCOPES: ReadonlySet<string> = new Set(['openid', 'profile', 'email', 'address', 'phone', 'offline_access']);
const WIDE_OPENID = ['openid', 'profile', 'email', 'address', 'phone'];
const ID_TOKEN_LIFETIME = 36_000;
const OPAQUE_LIFETIME = 86_400;

/** Runs the hook and decides the scopes: the sign-in, or the reason it was denied. */
export async function signInUser(context: SignInContext, input: SignInInput): Promise<Login | { denied: string }> {
  const { tenant } = context;
  const { user, client, api } = input;
  const userId = user.user_id as string;
  const requested = [...new Set((input.scope ?? '').split(' ').filter((scope) => scope !== ''))];
  const now = tenant.now();
  const loginsCount = (typeof user.logins_count === 'number' ? user.logins_count : 0) + (input.countsAsLogin ? 1 : 0);
  const event: PostLoginEvent = deepFreeze({
    user,
    client: { client_id: client.clientId, name: client.name, metadata: client.metadata },
    connection: {
      id: context.connectionId(input.connection),
      name: input.connection,
      strategy: tenant.connections.get(input.connection)?.strategy ?? 'auth0',
    },
    request: input.request,
    authorization: { roles: tenant.relations.roles.rolesOf(userId).map((role) => role.name) },
    stats: { logins_count: loginsCount },
    tenant: { id: input.issuer.replace(/^https?:\/\//, '').split(/[.:/]/)[0] ?? '' },
    transaction: {
      id: randomId('', 32),
      protocol: input.protocol,
      requested_scopes: requested,
      locale: 'en',
      ...input.transaction,
    },
    ...(api === undefined ? {} : { resource_server: { identifier: api.identifier } }),
    ...(input.sessionId === undefined ? {} : { session: { id: input.sessionId } }),
    secrets: {},
  });
  let outcome;
  try {
    outcome = await runPostLogin(context.actions.onExecutePostLogin, event);
  } catch (error) {
    // Decision: a hook that throws fails the sign-in as a denial with its message (the test sees it).
    return { denied: error instanceof Error ? error.message : String(error) };
  }
  // The hook ran while other requests could: the user as stored now is the one to update.
  const stored = tenant.users.get(userId) ?? user;
  let signedIn = stored;
  if (outcome.appMetadata !== undefined || outcome.userMetadata !== undefined) {
    const patch = {
      ...(outcome.appMetadata === undefined ? {} : { app_metadata: outcome.appMetadata }),
      ...(outcome.userMetadata === undefined ? {} : { user_metadata: outcome.userMetadata }),
    };
    try {
      signedIn = applyPreparedPatch(signedIn, preparePatch(patch), { now });
    } catch (error) {
      return { denied: error instanceof Error ? error.message : String(error) };
    }
  }
  // Metadata changes stand even when the hook denies ("This will NOT cancel ... metadata changes").
  if (outcome.denied === undefined && input.countsAsLogin)
    signedIn = { ...signedIn, logins_count: loginsCount, last_login: now.toISOString() };
  if (signedIn !== stored && tenant.users.get(userId) !== undefined) signedIn = tenant.users.put(signedIn);
  if (outcome.denied !== undefined) return { denied: outcome.denied };

  const wide = input.widenOpenid === true && api === undefined && requested.length === 1 && requested[0] === 'openid';
  let scopes = wide ? WIDE_OPENID : requested.filter((scope) => OIDC_SCOPES.has(scope) || allowed(scope));
  for (const { add, scope } of outcome.scopeChanges) {
    scopes = add ? (scopes.includes(scope) ? scopes : [...scopes, scope]) : scopes.filter((kept) => kept !== scope);
  }
  const offline =
    scopes.includes('offline_access') &&
    client.grantTypes.includes('refresh_token') &&
    (api === undefined || api.allowOfflineAccess);
  if (!offline) scopes = scopes.filter((scope) => scope !== 'offline_access');
  return {
    user: signedIn,
    client,
    connection: input.connection,
    api,
    scopes,
    nonce: input.nonce,
    sessionId: input.sessionId,
    grantType: input.grantType,
    idTokenClaims: outcome.idTokenClaims,
    accessTokenClaims: outcome.accessTokenClaims,
    permissions: api?.permissionsClaim === true ? userPermissions(tenant, userId, api.identifier) : undefined,
    offline,
    issuer: input.issuer,
  };

  /** Whether an API scope is granted: RBAC keeps only the user's permissions ("an intersection"). */
  function allowed(scope: string): boolean {
    if (api === undefined) return false;
    if (api.isManagement) return CURRENT_USER_SCOPES.has(scope);
    return !api.enforcePolicies || userPermissions(tenant, userId, api.identifier).includes(scope);
  }
}

/**
 * The token response Auth0 answers, in its order (ruby-auth0's recordings): what {@link Emulator.signIn} returns.
 *
 * @example
 * const tokens: TokenResponse = await auth0.signIn({ userId: 'auth0|1', scope: 'openid' });
 * tokens.id_token; // 'eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCIsImtpZCI6…'
 */
export type TokenResponse = {
  readonly access_token: string;
  readonly refresh_token?: string;
  readonly id_token?: string;
  readonly scope?: string;
  readonly expires_in: number;
  readonly token_type: 'Bearer';
};

/** Mints a sign-in's tokens now; a refresh token is remembered for later exchanges. */
export async function mintTokens(context: SignInContext, login: Login): Promise<TokenResponse> {
  const { user, client, api, issuer } = login;
  const iat = Math.floor(context.tenant.now().getTime() / 1000);
  const userId = user.user_id as string;
  const granted = new Set(login.scopes);
  const key = await context.key();
  const scope = login.scopes.join(' ');
  const lifetime = api?.tokenLifetime ?? OPAQUE_LIFETIME;
  let accessToken: string;
  if (api === undefined) {
    accessToken = randomId('', 32);
    context.state.opaqueTokens.set(accessToken, { userId, scopes: login.scopes, expiresAt: iat + lifetime });
    context.state.sweep(iat);
  } else {
    const userinfo = `${issuer}userinfo`;
    const claims = {
      ...customClaims(login.accessTokenClaims, granted, api.isManagement),
      iss: issuer,
      sub: userId,
      aud: granted.has('openid') ? [api.identifier, userinfo] : api.identifier,
      iat,
      exp: iat + lifetime,
      ...(scope === '' ? {} : { scope }),
      ...(api.rfc9068
        ? { jti: randomId('', 22), client_id: client.clientId }
        : { ...(login.grantType === undefined ? {} : { gty: login.grantType }), azp: client.clientId }),
      ...(login.permissions === undefined ? {} : { permissions: login.permissions }),
    };
    accessToken = await signJwt(claims, key, api.rfc9068 ? 'at+jwt' : 'JWT');
  }
  let idToken: string | undefined;
  if (granted.has('openid')) {
    const claims = {
      ...customClaims(login.idTokenClaims, granted, false),
      ...userClaims(user, granted),
      iss: issuer,
      aud: client.clientId,
      sub: userId,
      iat,
      exp: iat + ID_TOKEN_LIFETIME,
      ...(login.sessionId === undefined ? {} : { sid: login.sessionId }),
      ...(login.nonce === undefined ? {} : { nonce: login.nonce }),
    };
    idToken = await signJwt(claims, key);
  }
  let refresh: string | undefined;
  if (login.offline) {
    refresh = randomId('v1.', 45);
    context.state.refreshTokens.set(refresh, {
      userId,
      clientId: client.clientId,
      audience: api?.identifier,
      scopes: login.scopes,
      connection: login.connection,
      sessionId: login.sessionId,
    });
  }
  return {
    access_token: accessToken,
    ...(refresh === undefined ? {} : { refresh_token: refresh }),
    ...(idToken === undefined ? {} : { id_token: idToken }),
    ...(scope === '' ? {} : { scope }),
    expires_in: lifetime,
    token_type: 'Bearer',
  };
}

/** The hook's `event.request` for a request (its address is not known to a fetch handler: `127.0.0.1`). */
export function eventRequest(
  context: SignInContext,
  request: EmulatorRequest,
  query: Readonly<Record<string, string>>,
  body: Readonly<Record<string, string>>,
): PostLoginEvent['request'] {
  const userAgent = request.header('user-agent');
  const language = request.header('accept-language');
  return {
    ip: '127.0.0.1',
    hostname: context.domain(request),
    method: request.method,
    query,
    body,
    ...(userAgent === undefined ? {} : { user_agent: userAgent }),
    ...(language === undefined ? {} : { language }),
    geoip: {},
  };
}

/** The user of a database connection a sign-in names, by email or username (without case), or `undefined`. */
export function findDatabaseUser(tenant: Tenant, connection: string, username: string): Auth0User | undefined {
  const wanted = username.toLowerCase();
  for (const user of tenant.users.view.values()) {
    if (user.identities?.[0]?.connection !== connection) continue;
    if (user.email?.toLowerCase() === wanted || user.username?.toLowerCase() === wanted) return user;
  }
  return undefined;
}
