/**
 * The sign-in half with the real clients and verifiers an app uses: jose with a remote JWKS,
 * express-oauth2-jwt-bearer protecting an Express route, openid-client through the sign-in form with PKCE, and
 * Auth0's own authentication clients (`auth0/legacy`'s AuthenticationClient and `@auth0/auth0-auth-js`).
 */
import { generateKeyPairSync } from 'node:crypto';
import { Agent as HttpsAgent } from 'node:https';
import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { AuthClient } from '@auth0/auth0-auth-js';
import { ManagementClient } from 'auth0';
import { AuthenticationClient, UserInfoClient } from 'auth0/legacy';
import express from 'express';
import { auth, requiredScopes } from 'express-oauth2-jwt-bearer';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { http } from 'msw';
import { setupServer } from 'msw/node';
import * as oidc from 'openid-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  API,
  CALLBACK,
  CLIENT,
  DATABASE,
  decodeJwt,
  DOMAIN,
  JANE,
  JANE_PASSWORD,
  LOGOUT_URL,
  PASSWORD_REALM,
  raw,
  rejection,
  SPA,
  TOKEN,
  tokenRequest,
  WEB,
  type Emulator,
  type EmulatorModule,
} from './harness.js';

const PLAN_CLAIM = 'https://example.com/plan';

/** An Express app with one route protected by Auth0's middleware, on a free port. */
async function protectedApp(issuerBaseURL: string) {
  const app = express();
  app.get('/api/plan', auth({ issuerBaseURL, audience: API }), (request, response) => {
    response.json({ sub: request.auth?.payload.sub, plan: request.auth?.payload[PLAN_CLAIM] ?? null });
  });
  app.get('/api/posts', auth({ issuerBaseURL, audience: API }), requiredScopes('read:posts'), (_request, response) => {
    response.json([]);
  });
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** openid-client's fetch, sent to the emulator in process. */
function inProcessFetch(send: (request: Request) => Promise<Response>): oidc.CustomFetch {
  return (url, options) =>
    send(
      new Request(url, {
        method: options.method,
        headers: options.headers,
        // openid-client sends its bodies as text (form-encoded).
        body: typeof options.body === 'string' || options.body instanceof URLSearchParams ? options.body : null,
        redirect: options.redirect,
        ...(options.signal === undefined ? {} : { signal: options.signal }),
      }),
    );
}

/** Follows `/authorize` to the sign-in page and posts the form there as a browser would: the answer to the post. */
async function signInThroughForm(
  authorizeUrl: URL,
  username: string,
  password: string,
  send: (request: Request) => Promise<Response>,
): Promise<Response> {
  const toPage = await send(new Request(authorizeUrl, { redirect: 'manual' }));
  expect(toPage.status).toBe(302);
  const pageUrl = new URL(toPage.headers.get('location') as string, authorizeUrl);
  const page = await send(new Request(pageUrl));
  const html = await page.text();
  const form = /<form method="post" action="([^"]+)">/.exec(html);
  expect([...html.matchAll(/<input [^>]*name="([^"]+)"/g)].map((field) => field[1])).toEqual([
    'state',
    'username',
    'password',
  ]);
  const state = /name="state" value="([^"]+)"/.exec(html)?.[1] ?? '';
  return send(
    new Request(new URL((form?.[1] ?? '').replaceAll('&amp;', '&'), pageUrl), {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ state, username, password, action: 'default' }).toString(),
    }),
  );
}

export function signInSuite({ createEmulator }: EmulatorModule): void {
  type Options = Parameters<EmulatorModule['createEmulator']>[0];
  const served = (options: Options = {}): Emulator =>
    createEmulator({
      clients: [CLIENT, WEB, SPA],
      users: [JANE],
      resourceServers: [{ identifier: API, scopes: [{ value: 'read:posts' }], allow_offline_access: true }],
      ...options,
    });
  /** A tenant at https://tenant.example: the SDKs reach it in process. */
  const tenant = (options: Options = {}): Emulator => served({ domain: DOMAIN, ...options });
  const passwordGrant = (auth0: Emulator, extra: Record<string, string> = {}) =>
    tokenRequest(auth0, {
      grant_type: PASSWORD_REALM,
      client_id: WEB.clientId,
      client_secret: WEB.clientSecret,
      username: JANE.email,
      password: JANE_PASSWORD,
      realm: DATABASE,
      ...extra,
    });

  describe('discovery and keys, read by jose over HTTP', () => {
    const auth0 = createEmulator({ clients: [CLIENT, WEB], users: [JANE] });
    let server: Awaited<ReturnType<Emulator['listen']>>;
    let url: string;
    beforeAll(async () => {
      server = await auth0.listen();
      url = server.url;
    });
    afterAll(() => server.close());

    it('serves the discovery document of a tenant, with the issuer https://{domain}/ (here the served address)', async () => {
      const response = await fetch(`${url}/.well-known/openid-configuration`);
      expect(response.status).toBe(200);
      const document = (await response.json()) as Record<string, unknown>;
      const issuer = `${url}/`;
      expect(Object.keys(document).slice(0, 9)).toEqual([
        'issuer',
        'authorization_endpoint',
        'token_endpoint',
        'device_authorization_endpoint',
        'userinfo_endpoint',
        'mfa_challenge_endpoint',
        'jwks_uri',
        'registration_endpoint',
        'revocation_endpoint',
      ]);
      expect(document).toMatchObject({
        issuer,
        authorization_endpoint: `${issuer}authorize`,
        token_endpoint: `${issuer}oauth/token`,
        userinfo_endpoint: `${issuer}userinfo`,
        jwks_uri: `${issuer}.well-known/jwks.json`,
        code_challenge_methods_supported: ['S256', 'plain'],
        id_token_signing_alg_values_supported: ['HS256', 'RS256', 'PS256'],
        token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post', 'private_key_jwt'],
      });
      expect(document).not.toHaveProperty('end_session_endpoint');
    });

    it('publishes one RS256 key in the fields and order of Auth0’s JWKS, and Management API tokens verify with it', async () => {
      const { keys } = (await (await fetch(`${url}/.well-known/jwks.json`)).json()) as {
        keys: Record<string, unknown>[];
      };
      expect(keys).toHaveLength(1);
      expect(Object.keys(keys[0] as object)).toEqual(['alg', 'kty', 'use', 'n', 'e', 'kid']);
      expect(keys[0]).toMatchObject({ alg: 'RS256', kty: 'RSA', use: 'sig', e: 'AQAB' });
      const token = (await (
        await fetch(`${url}/oauth/token`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            grant_type: 'client_credentials',
            ...{ client_id: CLIENT.clientId, client_secret: CLIENT.clientSecret },
            audience: `https://${url.slice(7)}/api/v2/`,
          }),
        })
      ).json()) as { access_token: string };
      const jwks = createRemoteJWKSet(new URL(`${url}/.well-known/jwks.json`));
      const { payload, protectedHeader } = await jwtVerify(token.access_token, jwks, {
        issuer: `${url}/`,
        audience: `https://${url.slice(7)}/api/v2/`,
        algorithms: ['RS256'],
      });
      expect(protectedHeader).toEqual({ alg: 'RS256', typ: 'JWT', kid: keys[0]?.['kid'] });
      expect(payload.gty).toBe('client-credentials');
    });

    it('signs with a key it is given, as a private JWK (its kid) or a PKCS #8 PEM (its thumbprint)', async () => {
      const pair = generateKeyPairSync('rsa', { modulusLength: 2048 });
      const jwk = { ...pair.privateKey.export({ format: 'jwk' }), kid: 'given-key' };
      const withJwk = createEmulator({ domain: DOMAIN, clients: [CLIENT], signingKey: jwk as never });
      const published = (await (
        await withJwk.fetch(new Request(`https://${DOMAIN}/.well-known/jwks.json`))
      ).json()) as {
        keys: { kid: string; n: string }[];
      };
      expect(published.keys[0]).toMatchObject({ kid: 'given-key', n: jwk.n });
      const pem = pair.privateKey.export({ format: 'pem', type: 'pkcs8' }) as string;
      const withPem = createEmulator({ domain: DOMAIN, clients: [CLIENT], signingKey: pem });
      const fromPem = (await (await withPem.fetch(new Request(`https://${DOMAIN}/.well-known/jwks.json`))).json()) as {
        keys: { kid: string; n: string }[];
      };
      expect(fromPem.keys[0]?.n).toBe(jwk.n);
      expect(fromPem.keys[0]?.kid).toMatch(/^[A-Za-z0-9_-]{43}$/);
      for (const bad of ['not a key', { kty: 'RSA', n: 'x', e: 'AQAB' }, { kty: 'EC' }]) {
        expect(() => createEmulator({ clients: [CLIENT], signingKey: bad as never })).toThrow(/options\.signingKey/);
      }
    });
  });

  describe('express-oauth2-jwt-bearer protecting a route of an Express app', () => {
    const auth0 = served();
    const other = served();
    let emulatorUrl: string;
    let otherUrl: string;
    let app: Awaited<ReturnType<typeof protectedApp>>;
    const servers: { close(): Promise<void> }[] = [];
    beforeAll(async () => {
      const server = await auth0.listen();
      const otherServer = await other.listen();
      servers.push(server, otherServer);
      emulatorUrl = server.url;
      otherUrl = otherServer.url;
      app = await protectedApp(emulatorUrl);
      servers.push(app);
    });
    afterAll(() => Promise.all(servers.map((server) => server.close())));
    const call = (path: string, token: string) =>
      fetch(`${app.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
    const passwordToken = async (base: string, scope = 'openid') => {
      const response = await fetch(`${base}/oauth/token`, {
        method: 'POST',
        body: new URLSearchParams({
          grant_type: PASSWORD_REALM,
          ...{ client_id: WEB.clientId, client_secret: WEB.clientSecret },
          ...{ username: JANE.email, password: JANE_PASSWORD, realm: DATABASE, audience: API, scope },
        }),
      });
      expect(response.status).toBe(200);
      return ((await response.json()) as { access_token: string }).access_token;
    };

    it('accepts a token of the password-realm grant and of signIn, and refuses the others as Auth0’s middleware does', async () => {
      const ok = await call('/api/plan', await passwordToken(emulatorUrl));
      expect(ok.status).toBe(200);
      expect(await ok.json()).toEqual({ sub: JANE.user_id, plan: null });
      const direct = await auth0.signIn({ userId: JANE.user_id, clientId: WEB.clientId, audience: API });
      expect((await call('/api/plan', direct.access_token)).status).toBe(200);

      const foreign = await call('/api/plan', await passwordToken(otherUrl));
      expect(foreign.status).toBe(401);
      expect(foreign.headers.get('www-authenticate')).toMatch(/^Bearer realm="api", error="invalid_token"/);
      const management = await auth0.signIn({
        userId: JANE.user_id,
        audience: `https://${emulatorUrl.slice(7)}/api/v2/`,
      });
      expect((await call('/api/plan', management.access_token)).status).toBe(401);
      expect((await call('/api/plan', 'not-a-token')).status).toBe(401);
    });

    it('answers 403 insufficient_scope without the scope, and 200 with it', async () => {
      const without = await call('/api/posts', await passwordToken(emulatorUrl));
      expect(without.status).toBe(403);
      expect(without.headers.get('www-authenticate')).toMatch(/error="insufficient_scope"/);
      expect((await call('/api/posts', await passwordToken(emulatorUrl, 'read:posts'))).status).toBe(200);
    });
  });

  describe('openid-client: the authorization code flow with PKCE through the sign-in form', () => {
    // openid-client checks the tokens' times against the real clock.
    const auth0 = tenant();
    const send = (request: Request) => auth0.fetch(request);
    let config: oidc.Configuration;
    beforeAll(async () => {
      config = await oidc.discovery(new URL(`https://${DOMAIN}`), WEB.clientId, WEB.clientSecret, undefined, {
        [oidc.customFetch]: inProcessFetch(send),
      });
    });
    const authorizeUrl = async (extra: Record<string, string> = {}) => {
      const verifier = oidc.randomPKCECodeVerifier();
      const url = oidc.buildAuthorizationUrl(config, {
        redirect_uri: CALLBACK,
        scope: 'openid profile email offline_access',
        code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
        code_challenge_method: 'S256',
        state: 'the-state',
        nonce: 'the-nonce',
        audience: API,
        ...extra,
      });
      return { url, verifier };
    };

    it('signs in, exchanges the code, refreshes, and reads /userinfo', async () => {
      const { url, verifier } = await authorizeUrl();
      const posted = await signInThroughForm(url, JANE.email, JANE_PASSWORD, send);
      expect(posted.status).toBe(302);
      expect(posted.headers.get('set-cookie')).toMatch(
        /^auth0=[A-Za-z0-9]{32}; Path=\/; HttpOnly; Secure; SameSite=None$/,
      );
      const callback = new URL(posted.headers.get('location') as string);
      expect(`${callback.origin}${callback.pathname}`).toBe(CALLBACK);
      expect(callback.searchParams.get('state')).toBe('the-state');
      const tokens = await oidc.authorizationCodeGrant(config, callback, {
        pkceCodeVerifier: verifier,
        expectedState: 'the-state',
        expectedNonce: 'the-nonce',
      });
      expect(tokens.scope).toBe('openid profile email offline_access');
      expect(tokens.expires_in).toBe(86_400);
      const claims = tokens.claims();
      const iat = claims?.iat as number;
      expect(Object.keys(claims ?? {})).toEqual([
        'given_name',
        'family_name',
        'nickname',
        'name',
        'picture',
        'updated_at',
        'email',
        'email_verified',
        'iss',
        'aud',
        'sub',
        'iat',
        'exp',
        'sid',
        'nonce',
      ]);
      expect(claims).toMatchObject({
        iss: `https://${DOMAIN}/`,
        aud: WEB.clientId,
        sub: JANE.user_id,
        email: JANE.email,
        name: JANE.name,
        iat,
        exp: iat + 36_000,
        nonce: 'the-nonce',
      });
      expect(decodeJwt(tokens.access_token).claims).toEqual({
        iss: `https://${DOMAIN}/`,
        sub: JANE.user_id,
        aud: [API, `https://${DOMAIN}/userinfo`],
        iat,
        exp: iat + 86_400,
        scope: 'openid profile email offline_access',
        azp: WEB.clientId,
      });

      const refreshed = await oidc.refreshTokenGrant(config, tokens.refresh_token as string);
      expect(refreshed.refresh_token).toBeUndefined();
      expect(decodeJwt(refreshed.access_token).claims['gty']).toBe('refresh_token');
      const info = await oidc.fetchUserInfo(config, tokens.access_token, JANE.user_id);
      expect(info).toEqual({
        sub: JANE.user_id,
        given_name: 'Jane',
        family_name: 'Doe',
        nickname: 'jane',
        name: 'Jane Doe',
        picture: JANE.picture,
        updated_at: JANE.updated_at,
        email: JANE.email,
        email_verified: true,
      });
      // A code is good once.
      await expect(
        oidc.authorizationCodeGrant(config, callback, {
          pkceCodeVerifier: verifier,
          expectedState: 'the-state',
          expectedNonce: 'the-nonce',
        }),
      ).rejects.toMatchObject({ cause: { error: 'invalid_grant', error_description: 'Invalid authorization code' } });
    });

    it('keeps a session: SSO and prompt=none with the cookie, login_required without it, ended by /v2/logout', async () => {
      const { url } = await authorizeUrl();
      const posted = await signInThroughForm(url, JANE.email.toUpperCase(), JANE_PASSWORD, send);
      const cookie = (posted.headers.get('set-cookie') as string).split(';')[0] as string;
      const again = async (prompt: string | undefined, withCookie: boolean) => {
        const next = (await authorizeUrl(prompt === undefined ? {} : { prompt })).url;
        return send(new Request(next, { redirect: 'manual', headers: withCookie ? { cookie } : {} }));
      };
      for (const prompt of [undefined, 'none']) {
        const silent = new URL((await again(prompt, true)).headers.get('location') as string);
        expect(silent.searchParams.get('code')).toMatch(/^[A-Za-z0-9]{45}$/);
      }
      const required = new URL((await again('none', false)).headers.get('location') as string);
      expect(required.search).toBe('?error=login_required&error_description=Login%20required&state=the-state');
      expect((await again('login', true)).headers.get('location')).toMatch(/^\/u\/login\?state=/);

      const logout = await send(
        new Request(
          `https://${DOMAIN}/v2/logout?returnTo=${encodeURIComponent(`${LOGOUT_URL}?bye=1`)}&client_id=${WEB.clientId}`,
          {
            redirect: 'manual',
            headers: { cookie },
          },
        ),
      );
      expect(logout.status).toBe(302);
      expect(logout.headers.get('location')).toBe(`${LOGOUT_URL}?bye=1`);
      expect(logout.headers.get('set-cookie')).toBe('auth0=; Path=/; Max-Age=0; HttpOnly');
      expect(new URL((await again('none', true)).headers.get('location') as string).searchParams.get('error')).toBe(
        'login_required',
      );
    });

    it('shows the form again after a wrong password, and redirects a blocked user with Auth0’s error', async () => {
      const { url } = await authorizeUrl();
      const wrong = await signInThroughForm(url, JANE.email, 'wrong', send);
      expect(wrong.status).toBe(400);
      const html = await wrong.text();
      expect(html).toContain('<p class="error" role="alert" id="error">Wrong email or password</p>');
      expect(html).toContain(`value="${JANE.email}"`);
      const blocked = tenant({ users: [{ ...JANE, blocked: true }] });
      const refused = await signInThroughForm((await authorizeUrl()).url, JANE.email, JANE_PASSWORD, (request) =>
        blocked.fetch(request),
      );
      expect(refused.headers.get('location')).toBe(
        `${CALLBACK}?error=unauthorized&error_description=user%20is%20blocked&state=the-state`,
      );
    });

    it('lets a public (single-page) client exchange its code with PKCE alone', async () => {
      const spa = await oidc.discovery(new URL(`https://${DOMAIN}`), SPA.clientId, undefined, oidc.None(), {
        [oidc.customFetch]: inProcessFetch(send),
      });
      const verifier = oidc.randomPKCECodeVerifier();
      const url = oidc.buildAuthorizationUrl(spa, {
        redirect_uri: CALLBACK,
        scope: 'openid',
        code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
        code_challenge_method: 'S256',
      });
      const posted = await signInThroughForm(url, JANE.email, JANE_PASSWORD, send);
      const tokens = await oidc.authorizationCodeGrant(spa, new URL(posted.headers.get('location') as string), {
        pkceCodeVerifier: verifier,
      });
      expect(tokens.claims()?.aud).toBe(SPA.clientId);
    });
  });

  describe("Auth0's SDK authentication clients", () => {
    const auth0 = tenant({
      clients: [
        CLIENT,
        WEB,
        { ...CLIENT, clientId: 'worker', clientGrants: [{ audience: API, scope: ['read:posts'] }] },
      ],
    });
    const mockServer = setupServer(http.all(`https://${DOMAIN}/*`, ({ request }) => auth0.fetch(request)));
    let served: Awaited<ReturnType<Emulator['listen']>>;
    beforeAll(async () => {
      mockServer.listen({ onUnhandledRequest: 'error' });
      served = await auth0.listen();
    });
    afterAll(async () => {
      mockServer.close();
      await served.close();
    });
    /**
     * The legacy client fetches the JWKS of https://{domain} with node:https and its `agent` option (not `fetch`):
     * this agent connects it to the emulator's HTTP server instead.
     */
    const toEmulator = () => {
      const agent = new HttpsAgent();
      Object.assign(agent, { createConnection: () => connect(Number(new URL(served.url).port), '127.0.0.1') });
      return agent;
    };

    it('auth0/legacy AuthenticationClient: password-realm (its ID token checked on the JWKS), refresh, client credentials, userinfo', async () => {
      const client = new AuthenticationClient({
        domain: DOMAIN,
        clientId: WEB.clientId,
        clientSecret: WEB.clientSecret,
        // Typed as undici's dispatcher (for its fetch, which MSW answers); jose's node:https reads it as an Agent.
        agent: toEmulator() as never,
      });
      const { data } = await client.oauth.passwordGrant({
        username: JANE.email,
        password: JANE_PASSWORD,
        realm: DATABASE,
        scope: 'openid email offline_access',
        audience: API,
      });
      expect(Object.keys(data)).toEqual([
        'access_token',
        'refresh_token',
        'id_token',
        'scope',
        'expires_in',
        'token_type',
      ]);
      expect(decodeJwt(data.access_token).claims).toMatchObject({ gty: 'password', azp: WEB.clientId });
      const refreshed = await client.oauth.refreshTokenGrant({ refresh_token: data.refresh_token as string });
      expect(refreshed.data).toMatchObject({ scope: 'openid email offline_access' });
      const { data: info } = await new UserInfoClient({ domain: DOMAIN }).getUserInfo(data.access_token);
      expect(info).toEqual({ sub: JANE.user_id, email: JANE.email, email_verified: true });

      const worker = new AuthenticationClient({
        domain: DOMAIN,
        clientId: 'worker',
        clientSecret: CLIENT.clientSecret,
      });
      const machine = await worker.oauth.clientCredentialsGrant({ audience: API });
      expect(machine.data).toMatchObject({ scope: 'read:posts' });
      expect(decodeJwt(machine.data.access_token).claims).toMatchObject({ sub: 'worker@clients', aud: API });

      const error = await rejection(
        client.oauth.passwordGrant({ username: JANE.email, password: 'nope', realm: DATABASE }),
      );
      expect(error).toMatchObject({
        name: 'AuthApiError',
        statusCode: 403,
        error: 'invalid_grant',
        error_description: 'Wrong email or password.',
      });
    });

    it('@auth0/auth0-auth-js AuthClient: password with a realm, client credentials, refresh, and its refusals', async () => {
      const client = new AuthClient({ domain: DOMAIN, clientId: WEB.clientId, clientSecret: WEB.clientSecret });
      const tokens = await client.getTokenByPassword({
        username: JANE.email,
        password: JANE_PASSWORD,
        realm: DATABASE,
        audience: API,
        scope: 'openid offline_access',
      });
      expect(decodeJwt(tokens.accessToken).claims['aud']).toEqual([API, `https://${DOMAIN}/userinfo`]);
      const refreshed = await client.getTokenByRefreshToken({ refreshToken: tokens.refreshToken as string });
      expect(refreshed.accessToken).not.toBe(tokens.accessToken);
      const worker = new AuthClient({ domain: DOMAIN, clientId: 'worker', clientSecret: CLIENT.clientSecret });
      expect((await worker.getTokenByClientCredentials({ audience: API })).scope).toBe('read:posts');
      const refused = await rejection(worker.getTokenByClientCredentials({ audience: 'https://elsewhere.example/' }));
      expect(refused).toMatchObject({
        cause: {
          error: 'access_denied',
          error_description: 'Service not enabled within domain: https://elsewhere.example/',
        },
      });
      const logout = client.buildLogoutUrl({ returnTo: LOGOUT_URL });
      const answer = await auth0.fetch(new Request(await logout, { redirect: 'manual' }));
      expect(answer.headers.get('location')).toBe(LOGOUT_URL);
    });
  });

  describe('the post-login hook, shaped like Auth0 Actions', () => {
    it('sees the stored user, the client, the request and the roles; sets claims and scopes; updates metadata through the library', async () => {
      const events: unknown[] = [];
      const auth0 = tenant({
        actions: {
          onExecutePostLogin: async (event, api) => {
            events.push(event);
            api.idToken.setCustomClaim('https://example.com/roles', event.authorization.roles);
            api.accessToken.setCustomClaim(PLAN_CLAIM, event.user.app_metadata?.['plan']);
            api.accessToken.setCustomClaim('sub', 'impostor'); // restricted: dropped
            api.accessToken.setCustomClaim('https://auth0.com/mine', true); // an Auth0 namespace: dropped
            api.accessToken.setCustomClaim('email', 'shown only with the email scope');
            // Each method returns `api`, as Auth0's do.
            api.accessToken.addScope('read:posts').accessToken.addScope('write:posts');
            api.accessToken.removeScope('write:posts');
            api.user
              .setAppMetadata('logins', 1)
              .user.setAppMetadata('plan', null)
              .user.setUserMetadata('theme', 'dark');
          },
        },
      });
      const response = await passwordGrant(auth0, { audience: API, scope: 'openid' });
      const body = (await response.json()) as { access_token: string; id_token: string; scope: string };
      expect(body.scope).toBe('openid read:posts');
      expect(decodeJwt(body.access_token).claims).toEqual({
        [PLAN_CLAIM]: 'pro',
        iss: `https://${DOMAIN}/`,
        sub: JANE.user_id,
        aud: [API, `https://${DOMAIN}/userinfo`],
        iat: expect.any(Number),
        exp: expect.any(Number),
        scope: 'openid read:posts',
        gty: 'password',
        azp: WEB.clientId,
      });
      expect(decodeJwt(body.id_token).claims['https://example.com/roles']).toEqual([]);
      expect(events[0]).toMatchObject({
        user: { user_id: JANE.user_id, app_metadata: { plan: 'pro' } },
        client: { client_id: WEB.clientId, name: 'Web App', metadata: {} },
        connection: { name: DATABASE, strategy: 'auth0' },
        request: { method: 'POST', hostname: DOMAIN, body: { grant_type: PASSWORD_REALM, username: JANE.email } },
        authorization: { roles: [] },
        stats: { logins_count: 1 },
        transaction: { protocol: 'oauth2-resource-owner', requested_scopes: ['openid'] },
        resource_server: { identifier: API },
      });
      expect(JSON.stringify(events[0])).not.toContain(JANE_PASSWORD);
      expect(Object.isFrozen((events[0] as { user: object }).user)).toBe(true);
      expect(auth0.users.get(JANE.user_id)).toMatchObject({
        app_metadata: { logins: 1 },
        user_metadata: { theme: 'dark' },
        logins_count: 1,
        last_login: expect.any(String),
      });
    });

    it('denies: 403 access_denied on /oauth/token, a redirect on /authorize, a SignInError from signIn; metadata changes stand', async () => {
      const auth0 = tenant({
        actions: {
          onExecutePostLogin: async (_event, api) => {
            api.user.setAppMetadata('denied', true);
            api.access.deny('Please verify your email before logging in.');
          },
        },
      });
      const response = await passwordGrant(auth0);
      expect(response.status).toBe(403);
      expect(await response.json()).toEqual({
        error: 'access_denied',
        error_description: 'Please verify your email before logging in.',
      });
      expect(auth0.users.get(JANE.user_id)?.app_metadata).toEqual({ plan: 'pro', denied: true });
      const url = new URL(`https://${DOMAIN}/authorize`);
      url.search = new URLSearchParams({
        client_id: WEB.clientId,
        redirect_uri: CALLBACK,
        response_type: 'code',
        state: 's',
      }).toString();
      const posted = await signInThroughForm(url, JANE.email, JANE_PASSWORD, (request) => auth0.fetch(request));
      expect(posted.headers.get('location')).toBe(
        `${CALLBACK}?error=access_denied&error_description=Please%20verify%20your%20email%20before%20logging%20in.&state=s`,
      );
      const error = await rejection(auth0.signIn({ userId: JANE.user_id, clientId: WEB.clientId }));
      expect(error).toMatchObject({
        name: 'SignInError',
        body: { error: 'access_denied', error_description: 'Please verify your email before logging in.' },
      });
    });

    it('shows a PATCH of app_metadata through the Management API in the next token (the loop apps test)', async () => {
      const auth0 = tenant({
        actions: {
          onExecutePostLogin: async (event, api) => {
            api.accessToken.setCustomClaim(PLAN_CLAIM, event.user.app_metadata?.['plan'] ?? 'free');
          },
        },
      });
      const management = new ManagementClient({
        domain: DOMAIN,
        ...CLIENT,
        fetch: (url, init) => auth0.fetch(new Request(url, init)),
      });
      const first = await auth0.signIn({
        userId: JANE.user_id,
        clientId: WEB.clientId,
        audience: API,
        scope: 'offline_access',
      });
      expect(decodeJwt(first.access_token).claims[PLAN_CLAIM]).toBe('pro');
      await management.users.update(JANE.user_id, { app_metadata: { plan: 'enterprise' } });
      const refreshed = await tokenRequest(auth0, {
        grant_type: 'refresh_token',
        client_id: WEB.clientId,
        client_secret: WEB.clientSecret,
        refresh_token: first.refresh_token as string,
      });
      const { access_token } = (await refreshed.json()) as { access_token: string };
      expect(decodeJwt(access_token).claims[PLAN_CLAIM]).toBe('enterprise');
    });
  });

  describe('permissions (RBAC) and the token profiles', () => {
    it('gives a user’s token the requested scopes it holds and its permissions, from roles and direct grants', async () => {
      const auth0 = tenant({
        resourceServers: [
          {
            identifier: API,
            scopes: [{ value: 'read:posts' }, { value: 'write:posts' }, { value: 'delete:posts' }],
            enforce_policies: true,
            token_dialect: 'access_token_authz',
          },
        ],
      });
      const management = new ManagementClient({
        domain: DOMAIN,
        ...CLIENT,
        fetch: (url, init) => auth0.fetch(new Request(url, init)),
      });
      const role = await management.roles.create({ name: 'writer' });
      await management.roles.permissions.add(role.id as string, {
        permissions: [{ resource_server_identifier: API, permission_name: 'write:posts' }],
      });
      await management.users.roles.assign(JANE.user_id, { roles: [role.id as string] });
      await management.users.permissions.create(JANE.user_id, {
        permissions: [{ resource_server_identifier: API, permission_name: 'read:posts' }],
      });
      const tokens = await auth0.signIn({
        userId: JANE.user_id,
        clientId: WEB.clientId,
        audience: API,
        scope: 'read:posts delete:posts',
      });
      expect(tokens.scope).toBe('read:posts');
      expect(decodeJwt(tokens.access_token).claims).toMatchObject({
        scope: 'read:posts',
        azp: WEB.clientId,
        permissions: ['read:posts', 'write:posts'],
      });
    });

    it('issues RFC 9068 tokens (typ at+jwt, jti, client_id) for an API with that dialect', async () => {
      const auth0 = tenant({ resourceServers: [{ identifier: API, token_dialect: 'rfc9068_profile' }] });
      const { access_token } = await auth0.signIn({ userId: JANE.user_id, clientId: WEB.clientId, audience: API });
      const { header, claims } = decodeJwt(access_token);
      expect(header['typ']).toBe('at+jwt');
      expect(Object.keys(claims)).toEqual(['iss', 'sub', 'aud', 'iat', 'exp', 'jti', 'client_id']);
    });
  });

  describe('GET /api/v2/clients', () => {
    it('lists the applications in Auth0’s shape, through the SDK, the secret only with read:client_keys', async () => {
      const auth0 = tenant();
      const management = new ManagementClient({
        domain: DOMAIN,
        ...CLIENT,
        fetch: (url, init) => auth0.fetch(new Request(url, init)),
      });
      const { data } = await management.clients.list({ app_type: 'regular_web,spa' });
      expect(data.map((client) => client.client_id)).toEqual([WEB.clientId, SPA.clientId]);
      expect(data[0]).toEqual({
        name: 'Web App',
        is_first_party: true,
        callbacks: [CALLBACK],
        allowed_logout_urls: [LOGOUT_URL],
        client_id: WEB.clientId,
        client_secret: WEB.clientSecret,
        app_type: 'regular_web',
        grant_types: [...WEB.grantTypes],
        token_endpoint_auth_method: 'client_secret_post',
        jwt_configuration: { alg: 'RS256', lifetime_in_seconds: 36000, secret_encoded: false },
        client_metadata: {},
      });
      expect(data[1]).toMatchObject({ token_endpoint_auth_method: 'none' });
      const reader = tenant({ clients: [{ ...CLIENT, scopes: ['read:clients'] }, WEB] });
      const listed = await new ManagementClient({
        domain: DOMAIN,
        ...CLIENT,
        fetch: (url, init) => reader.fetch(new Request(url, init)),
      }).clients.list({ fields: 'client_id,client_secret', include_totals: true });
      expect(listed.data).toEqual([{ client_id: CLIENT.clientId }, { client_id: WEB.clientId }]);
    });

    it.each(['from', 'take', 'q', 'external_client_id'])(
      'answers 501 for %s, which it does not emulate',
      async (name) => {
        const auth0 = tenant({ token: TOKEN });
        const response = await raw(auth0, 'GET', `/api/v2/clients?${name}=${name === 'take' ? 10 : 'x'}`);
        expect(response.status).toBe(501);
        expect(await response.json()).toEqual({
          statusCode: 501,
          error: 'Not Implemented',
          message: `The emulator does not emulate ${name} on GET /api/v2/clients`,
          errorCode: 'not_emulated',
        });
      },
    );
  });

  describe('passwords', () => {
    it('signs in with the password the Management API created or changed, never storing it in the user', async () => {
      const auth0 = tenant({ users: [] });
      const management = new ManagementClient({
        domain: DOMAIN,
        ...CLIENT,
        fetch: (url, init) => auth0.fetch(new Request(url, init)),
      });
      const created = await management.users.create({
        connection: DATABASE,
        email: 'sam@example.com',
        password: 'First-Pass-2026',
      });
      const login = (password: string) => passwordGrant(auth0, { username: 'sam@example.com', password });
      expect((await login('First-Pass-2026')).status).toBe(200);
      await management.users.update(created.user_id as string, { password: 'Second-Pass-2026' });
      expect((await login('First-Pass-2026')).status).toBe(403);
      expect((await login('Second-Pass-2026')).status).toBe(200);
      expect(JSON.stringify([...auth0.users.values()])).not.toContain('Pass-2026');
      expect(auth0.users.get(JANE.user_id)).toBeUndefined();
    });

    it('takes a seeded password out of the user, and wants a database identity for it', () => {
      const auth0 = tenant();
      expect(auth0.users.get(JANE.user_id)).not.toHaveProperty('password');
      const { identities: _identities, ...withoutIdentity } = JANE;
      expect(() => tenant({ users: [withoutIdentity] })).toThrow(
        /a password needs a first identity in a database connection/,
      );
      expect(() => tenant({ users: [{ ...JANE, password: 7 }] })).toThrow(/password must be a non-empty string/);
    });
  });

  describe('signIn', () => {
    it('returns the tokens of the authorization code flow, and refuses what Auth0 refuses', async () => {
      const auth0 = tenant();
      const tokens = await auth0.signIn({
        userId: JANE.user_id,
        clientId: WEB.clientId,
        scope: 'openid email',
        nonce: 'n',
      });
      expect(Object.keys(tokens)).toEqual(['access_token', 'id_token', 'scope', 'expires_in', 'token_type']);
      expect(tokens.access_token).toMatch(/^[A-Za-z0-9]{32}$/);
      expect(decodeJwt(tokens.id_token as string).claims).toMatchObject({
        nonce: 'n',
        email: JANE.email,
        aud: WEB.clientId,
      });
      const info = await auth0.fetch(
        new Request(`https://${DOMAIN}/userinfo`, { headers: { authorization: `Bearer ${tokens.access_token}` } }),
      );
      expect(await info.json()).toEqual({ sub: JANE.user_id, email: JANE.email, email_verified: true });

      const blocked = tenant({ users: [{ ...JANE, blocked: true }] });
      expect(await rejection(blocked.signIn({ userId: JANE.user_id }))).toMatchObject({
        body: { error: 'unauthorized', error_description: 'user is blocked' },
      });
      expect(await rejection(auth0.signIn({ userId: JANE.user_id, audience: 'https://nope.example/' }))).toMatchObject({
        body: { error: 'access_denied', error_description: 'Service not found: https://nope.example/' },
      });
      await expect(auth0.signIn({ userId: 'auth0|nobody' })).rejects.toThrow(TypeError);
      await expect(served().signIn({ userId: JANE.user_id })).rejects.toThrow(
        /give createEmulator a domain, or listen\(\) first/,
      );
    });
  });
}
