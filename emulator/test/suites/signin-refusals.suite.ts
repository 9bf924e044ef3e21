/**
 * Every refusal of the sign-in half, with Auth0's status and body: the token endpoint grant by grant, /authorize,
 * the sign-in page, /userinfo, /v2/logout, the routes not emulated, and the options.
 */
import { describe, expect, it } from 'vitest';
import {
  API,
  CALLBACK,
  CLIENT,
  DATABASE,
  DOMAIN,
  JANE,
  JANE_PASSWORD,
  LOGOUT_URL,
  PASSWORD_REALM,
  SPA,
  tokenRequest,
  WEB,
  type Emulator,
  type EmulatorModule,
} from './harness.js';

const UNAUTHORIZED = { error: 'access_denied', error_description: 'Unauthorized' };
const NOT_ALLOWED = (grant: string) => ({
  error: 'unauthorized_client',
  error_description: `Grant type '${grant}' not allowed for the client.`,
  error_uri: 'https://auth0.com/docs/clients/client-grant-types',
});
const missing = (name: string) => ({
  error: 'invalid_request',
  error_description: `Missing required parameter: ${name}`,
});

export function signInRefusalsSuite({ createEmulator }: EmulatorModule): void {
  type Options = Parameters<EmulatorModule['createEmulator']>[0];
  const tenant = (options: Options = {}): Emulator =>
    createEmulator({
      domain: DOMAIN,
      clients: [
        CLIENT,
        WEB,
        SPA,
        { ...CLIENT, clientId: 'worker', clientGrants: [{ audience: API, scope: ['read:posts'] }] },
        { ...WEB, clientId: 'elsewhere', connections: [] },
        { ...WEB, clientId: 'device', grantTypes: ['urn:ietf:params:oauth:grant-type:device_code'] },
      ],
      users: [
        JANE,
        {
          ...JANE,
          user_id: 'auth0|blocked',
          email: 'blocked@example.com',
          blocked: true,
          identities: [{ ...JANE.identities[0], user_id: 'blocked' }],
        },
      ],
      resourceServers: [{ identifier: API, scopes: [{ value: 'read:posts' }], allow_offline_access: true }],
      ...options,
    });
  const auth0 = tenant();
  const web = { client_id: WEB.clientId, client_secret: WEB.clientSecret };
  const realm = { ...web, grant_type: PASSWORD_REALM, username: JANE.email, password: JANE_PASSWORD, realm: DATABASE };

  describe('POST /oauth/token refusals', () => {
    it.each([
      ['no grant_type', { ...web }, 400, missing('grant_type')],
      [
        'an unknown grant_type',
        { ...web, grant_type: 'magic' },
        400,
        { error: 'unsupported_grant_type', error_description: 'Grant type not supported' },
      ],
      ['a wrong secret', { ...realm, client_secret: 'wrong' }, 401, UNAUTHORIZED],
      ['a confidential client without its secret', { ...realm, client_secret: undefined }, 401, UNAUTHORIZED],
      ['an unknown client', { ...realm, client_id: 'nobody' }, 401, UNAUTHORIZED],
      [
        'a grant the client may not use',
        { ...realm, client_id: CLIENT.clientId, client_secret: CLIENT.clientSecret },
        403,
        NOT_ALLOWED(PASSWORD_REALM),
      ],
      [
        'client_credentials for a public client',
        { client_id: SPA.clientId, grant_type: 'client_credentials', audience: API },
        403,
        NOT_ALLOWED('client_credentials'),
      ],
      [
        'a grant of Auth0 the emulator does not emulate',
        {
          client_id: 'device',
          client_secret: WEB.clientSecret,
          grant_type: 'urn:ietf:params:oauth:grant-type:device_code',
        },
        501,
        {
          error: 'not_emulated',
          error_description:
            'The emulator does not emulate the grant type urn:ietf:params:oauth:grant-type:device_code',
        },
      ],
      ['password-realm without a username', { ...realm, username: undefined }, 400, missing('username')],
      ['password-realm without a password', { ...realm, password: undefined }, 400, missing('password')],
      ['password-realm without a realm', { ...realm, realm: undefined }, 400, missing('realm')],
      [
        'a wrong password',
        { ...realm, password: 'wrong' },
        403,
        { error: 'invalid_grant', error_description: 'Wrong email or password.' },
      ],
      [
        'an unknown user',
        { ...realm, username: 'nobody@example.com' },
        403,
        { error: 'invalid_grant', error_description: 'Wrong email or password.' },
      ],
      [
        'a blocked user',
        { ...realm, username: 'blocked@example.com' },
        401,
        { error: 'unauthorized', error_description: 'user is blocked' },
      ],
      [
        'an unknown realm',
        { ...realm, realm: 'Nope' },
        400,
        { error: 'invalid_request', error_description: 'the connection was not found' },
      ],
      [
        'a realm not enabled for the client',
        { ...realm, client_id: 'elsewhere' },
        400,
        { error: 'invalid_request', error_description: 'the connection was disabled' },
      ],
      [
        'an unknown audience for a password grant',
        { ...realm, audience: 'https://nope.example/' },
        400,
        { error: 'invalid_request', error_description: 'invalid audience specified for password grant exchange' },
      ],
      [
        'password without a realm and no default directory',
        { ...realm, grant_type: 'password', realm: undefined },
        500,
        { error: 'server_error', error_description: 'Authorization server not configured with default connection.' },
      ],
      ['authorization_code without a code', { ...web, grant_type: 'authorization_code' }, 400, missing('code')],
      [
        'an unknown code',
        { ...web, grant_type: 'authorization_code', code: 'nope' },
        403,
        { error: 'invalid_grant', error_description: 'Invalid authorization code' },
      ],
      ['refresh_token without a token', { ...web, grant_type: 'refresh_token' }, 400, missing('refresh_token')],
      [
        'an unknown refresh token',
        { ...web, grant_type: 'refresh_token', refresh_token: 'nope' },
        403,
        { error: 'invalid_grant', error_description: 'Unknown or invalid refresh token.' },
      ],
      [
        'client_credentials without an audience',
        { ...clientCredentials(), audience: undefined },
        403,
        {
          error: 'access_denied',
          error_description: 'No audience parameter was provided, and no default audience has been configured',
        },
      ],
      [
        'client_credentials for an unknown API',
        { ...clientCredentials(), audience: 'https://nope.example/' },
        403,
        { error: 'access_denied', error_description: 'Service not enabled within domain: https://nope.example/' },
      ],
      [
        'client_credentials without a client grant',
        { ...clientCredentials(), client_id: CLIENT.clientId },
        403,
        {
          error: 'access_denied',
          error_description: `Client is not authorized to access "${API}". You need to create a "client-grant" associated to this API. See: https://auth0.com/docs/api/v2#!/Client_Grants/post_client_grants`,
        },
      ],
      [
        'scopes the client grant lacks',
        { ...clientCredentials(), scope: 'read:posts write:posts' },
        403,
        { error: 'access_denied', error_description: 'Client has not been granted scopes: write:posts' },
      ],
    ])('refuses %s', async (_case, parameters, status, body) => {
      const given = Object.fromEntries(Object.entries(parameters).filter(([, value]) => value !== undefined)) as Record<
        string,
        string
      >;
      const response = await tokenRequest(auth0, given);
      expect(response.status).toBe(status);
      expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
      expect(await response.json()).toEqual(body);
    });

    it('accepts HTTP Basic client authentication, and the password grant with a default directory', async () => {
      const basic = `Basic ${btoa(`${WEB.clientId}:${WEB.clientSecret}`)}`;
      const { client_id: _id, client_secret: _secret, ...withoutCredentials } = realm;
      expect((await tokenRequest(auth0, withoutCredentials, { authorization: basic })).status).toBe(200);
      const wrong = await tokenRequest(auth0, withoutCredentials, {
        authorization: `Basic ${btoa(`${WEB.clientId}:x`)}`,
      });
      expect(await wrong.json()).toEqual(UNAUTHORIZED);
      const withDirectory = tenant({ defaultDirectory: DATABASE });
      const { realm: _realm, ...withoutRealm } = realm;
      const answer = await tokenRequest(withDirectory, { ...withoutRealm, grant_type: 'password', scope: 'openid' });
      expect(answer.status).toBe(200);
      // Recorded: `scope=openid` alone answers with the OIDC scopes widened.
      expect(await answer.json()).toMatchObject({ scope: 'openid profile email address phone', expires_in: 86_400 });
    });

    it('refuses a used code, another client’s code, another redirect_uri, a wrong or missing PKCE verifier, and a public client without PKCE', async () => {
      const code = async (challenge?: string, clientId: string = WEB.clientId) => {
        const url = new URL(`https://${DOMAIN}/authorize`);
        url.search = new URLSearchParams({
          client_id: clientId,
          redirect_uri: CALLBACK,
          response_type: 'code',
          ...(challenge === undefined ? {} : { code_challenge: challenge, code_challenge_method: 'plain' }),
        }).toString();
        const signedIn = await signInTenant(auth0, url);
        return new URL(signedIn).searchParams.get('code') as string;
      };
      const exchange = (parameters: Record<string, string>) =>
        tokenRequest(auth0, { grant_type: 'authorization_code', redirect_uri: CALLBACK, ...parameters });
      const invalid = { error: 'invalid_grant', error_description: 'Invalid authorization code' };
      const first = await code();
      expect((await exchange({ ...web, code: first })).status).toBe(200);
      expect(await (await exchange({ ...web, code: first })).json()).toEqual(invalid);
      const other = await code();
      expect(
        await (await exchange({ client_id: 'elsewhere', client_secret: WEB.clientSecret, code: other })).json(),
      ).toEqual(invalid);
      const redirected = await code();
      expect(
        await (await exchange({ ...web, code: redirected, redirect_uri: 'http://localhost:3000/other' })).json(),
      ).toEqual(invalid);
      const pkce = await code('a-verifier-of-forty-three-characters-at-least-x');
      expect(await (await exchange({ ...web, code: pkce, code_verifier: 'wrong' })).json()).toEqual({
        error: 'invalid_grant',
        error_description: 'Failed to verify code verifier',
      });
      const noVerifier = await code('a-verifier-of-forty-three-characters-at-least-x');
      expect(await (await exchange({ ...web, code: noVerifier })).json()).toEqual(missing('code_verifier'));
      const publicCode = await code(undefined, SPA.clientId);
      const refused = await exchange({ client_id: SPA.clientId, code: publicCode });
      expect(refused.status).toBe(401);
      expect(await refused.json()).toEqual(UNAUTHORIZED);
    });

    it('refuses a refresh token of another client, of a deleted user, and of a blocked user', async () => {
      const own = tenant();
      const refresh = async () =>
        (await own.signIn({ userId: JANE.user_id, clientId: WEB.clientId, audience: API, scope: 'offline_access' }))
          .refresh_token as string;
      const exchange = (token: string, client: { client_id: string; client_secret: string } = web) =>
        tokenRequest(own, { ...client, grant_type: 'refresh_token', refresh_token: token });
      const token = await refresh();
      expect(await (await exchange(token, { client_id: 'elsewhere', client_secret: WEB.clientSecret })).json()).toEqual(
        {
          error: 'invalid_grant',
          error_description: 'Unknown or invalid refresh token.',
        },
      );
      const live = await refresh();
      const management = (await (
        await tokenRequest(own, {
          grant_type: 'client_credentials',
          client_id: CLIENT.clientId,
          client_secret: CLIENT.clientSecret,
          audience: `https://${DOMAIN}/api/v2/`,
        })
      ).json()) as { access_token: string };
      const patch = (body: object) =>
        own.fetch(
          new Request(`https://${DOMAIN}/api/v2/users/${encodeURIComponent(JANE.user_id)}`, {
            method: 'PATCH',
            headers: { authorization: `Bearer ${management.access_token}`, 'content-type': 'application/json' },
            body: JSON.stringify(body),
          }),
        );
      expect((await patch({ blocked: true })).status).toBe(200);
      const refusedBlocked = await exchange(live);
      expect(refusedBlocked.status).toBe(403);
      expect(await refusedBlocked.json()).toEqual({ error: 'invalid_grant', error_description: 'user is blocked' });
      await own.fetch(
        new Request(`https://${DOMAIN}/api/v2/users/${encodeURIComponent(JANE.user_id)}`, {
          method: 'DELETE',
          headers: { authorization: `Bearer ${management.access_token}` },
        }),
      );
      expect(await (await exchange(live)).json()).toEqual({
        error: 'invalid_grant',
        error_description: "The refresh_token was generated for a user who doesn't exist anymore.",
      });
    });
  });

  describe('GET /authorize refusals', () => {
    const authorize = (parameters: Record<string, string>) => {
      const url = new URL(`https://${DOMAIN}/authorize`);
      url.search = new URLSearchParams(parameters).toString();
      return auth0.fetch(new Request(url, { redirect: 'manual' }));
    };
    const good = { client_id: WEB.clientId, redirect_uri: CALLBACK, response_type: 'code', state: 's' };

    it.each([
      ['no client_id', { redirect_uri: CALLBACK }, 400, 'invalid_request', 'Missing required parameter: client_id'],
      ['an unknown client', { ...good, client_id: 'nobody' }, 400, 'invalid_request', 'Unknown client: nobody'],
      [
        'no redirect_uri',
        { client_id: WEB.clientId },
        400,
        'invalid_request',
        'Missing required parameter: redirect_uri',
      ],
      [
        'a redirect_uri not in the callbacks',
        { ...good, redirect_uri: 'http://evil.example/cb' },
        400,
        'unauthorized_client',
        'Callback URL mismatch. http://evil.example/cb is not in the list of allowed callback URLs',
      ],
      [
        'the implicit flow',
        { ...good, response_type: 'id_token' },
        501,
        'not_emulated',
        'The emulator does not emulate response_type id_token',
      ],
      [
        'form_post',
        { ...good, response_mode: 'form_post' },
        501,
        'not_emulated',
        'The emulator does not emulate response_mode form_post',
      ],
      [
        'organizations',
        { ...good, organization: 'org_1' },
        501,
        'not_emulated',
        'The emulator does not emulate the organization parameter of /authorize',
      ],
    ])('shows the error page for %s', async (_case, parameters, status, error, description) => {
      const response = await authorize(parameters);
      expect(response.status).toBe(status);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      const html = await response.text();
      expect(html).toContain('Oops!, something went wrong');
      expect(html).toContain(`<code>${error}</code>: ${description.replaceAll('"', '&quot;')}`);
    });

    it.each([
      [
        'no response_type',
        { ...good, response_type: undefined },
        'invalid_request',
        'Missing required parameter: response_type',
      ],
      [
        'an unknown response_type',
        { ...good, response_type: 'magic' },
        'unsupported_response_type',
        'Unsupported response type: magic',
      ],
      [
        'an unknown audience',
        { ...good, audience: 'https://nope.example/' },
        'access_denied',
        'Service not found: https://nope.example/',
      ],
      [
        'an unknown code_challenge_method',
        { ...good, code_challenge: 'x', code_challenge_method: 'S512' },
        'invalid_request',
        'Invalid code_challenge_method: S512',
      ],
      ['an unknown connection', { ...good, connection: 'Nope' }, 'invalid_request', 'the connection was not found'],
      ['prompt=none without a session', { ...good, prompt: 'none' }, 'login_required', 'Login required'],
    ])('redirects back with the error for %s', async (_case, parameters, error, description) => {
      const given = Object.fromEntries(Object.entries(parameters).filter(([, value]) => value !== undefined)) as Record<
        string,
        string
      >;
      const response = await authorize(given);
      expect(response.status).toBe(302);
      expect(response.headers.get('location')).toBe(
        `${CALLBACK}?error=${error}&error_description=${encodeURIComponent(description)}&state=s`,
      );
    });

    it('refuses a sign-in page without a live state', async () => {
      for (const request of [
        new Request(`https://${DOMAIN}/u/login?state=nope`),
        new Request(`https://${DOMAIN}/u/login`, {
          method: 'POST',
          body: new URLSearchParams({ state: 'nope', username: 'a', password: 'b' }),
        }),
      ]) {
        const response = await auth0.fetch(request);
        expect(response.status).toBe(400);
        expect(await response.text()).toContain('<code>invalid_request</code>: Invalid state');
      }
    });
  });

  describe('GET /userinfo refusals', () => {
    it('answers 401 with a plain-text body and a WWW-Authenticate challenge', async () => {
      const userinfo = (authorization?: string) =>
        auth0.fetch(
          new Request(`https://${DOMAIN}/userinfo`, authorization === undefined ? {} : { headers: { authorization } }),
        );
      const none = await userinfo();
      expect(none.status).toBe(401);
      expect(await none.text()).toBe('Unauthorized');
      expect(none.headers.get('www-authenticate')).toBe('Bearer realm="Users"');
      const bad = await userinfo('Bearer not-a-token');
      expect(bad.headers.get('www-authenticate')).toBe(
        'Bearer realm="Users", error="invalid_token", error_description="The access token signature could not be validated."',
      );
      const apiOnly = await auth0.signIn({ userId: JANE.user_id, clientId: WEB.clientId, audience: API });
      expect((await userinfo(`Bearer ${apiOnly.access_token}`)).status).toBe(401);
    });
  });

  describe('GET /v2/logout refusals', () => {
    const logout = (query: string) =>
      auth0.fetch(new Request(`https://${DOMAIN}/v2/logout${query}`, { redirect: 'manual' }));

    it('refuses a returnTo that is not an Allowed Logout URL of the client (or with no client_id at all)', async () => {
      for (const query of [
        `?client_id=${WEB.clientId}&returnTo=${encodeURIComponent('http://evil.example/')}`,
        `?returnTo=${encodeURIComponent(LOGOUT_URL)}`,
      ]) {
        const response = await logout(query);
        expect(response.status).toBe(400);
        const returnTo = new URLSearchParams(query).get('returnTo') as string;
        expect(await response.text()).toContain(
          `The &quot;returnTo&quot; querystring parameter &quot;${returnTo}&quot; is not defined as a valid URL in &quot;Allowed Logout URLs&quot;.`,
        );
      }
    });

    it('returns to the first Allowed Logout URL without returnTo, and shows a page without a client', async () => {
      expect((await logout(`?client_id=${WEB.clientId}`)).headers.get('location')).toBe(LOGOUT_URL);
      const page = await logout('');
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('You have been logged out');
      expect((await logout('?client_id=nobody')).status).toBe(400);
    });
  });

  describe('routes not emulated', () => {
    it('answers 501 for the rest of Auth0’s Authentication API, 404 for a wrong method', async () => {
      const revoke = await auth0.fetch(new Request(`https://${DOMAIN}/oauth/revoke`, { method: 'POST' }));
      expect(revoke.status).toBe(501);
      expect(await revoke.json()).toEqual({
        error: 'not_emulated',
        error_description: 'The emulator does not emulate POST /oauth/revoke',
      });
      const saml = await auth0.fetch(new Request(`https://${DOMAIN}/samlp/metadata/abc`));
      expect(saml.status).toBe(501);
      expect((await auth0.fetch(new Request(`https://${DOMAIN}/oauth/token`))).status).toBe(404);
    });
  });

  describe('options of the sign-in half', () => {
    it.each([
      [
        { clients: [{ clientId: 'a', appType: 'desktop', clientSecret: 's' }] },
        'options.clients[0].appType must be one of',
      ],
      [
        { clients: [{ clientId: 'a', appType: 'regular_web' }] },
        'options.clients[0].clientSecret must be a non-empty string (only spa and native apps have none)',
      ],
      [{ clients: [{ ...SPA, grantTypes: ['client_credentials'] }] }, 'a spa app cannot use client_credentials'],
      [{ clients: [{ ...CLIENT, grantTypes: ['magic'] }] }, 'magic is not a grant type of Auth0'],
      [{ clients: [{ ...CLIENT, connections: ['Nope'] }] }, 'Nope is not a connection of the tenant'],
      [
        { clients: [{ ...CLIENT, clientGrants: [{ audience: '' }] }] },
        'clientGrants[0].audience must be a non-empty string',
      ],
      [
        { clients: [CLIENT], resourceServers: [{ identifier: API }, { identifier: API }] },
        'resourceServers[1].identifier repeats',
      ],
      [
        { clients: [CLIENT], resourceServers: [{ identifier: API, signing_alg: 'HS256' }] },
        'the emulator does not take signing_alg',
      ],
      [{ clients: [CLIENT], actions: { onExecutePostLogin: 'nope' } }, 'onExecutePostLogin must be a function'],
      [{ clients: [CLIENT], defaultDirectory: 'Nope' }, 'options.defaultDirectory must name a database connection'],
    ])('refuses %j', (options, message) => {
      expect(() => createEmulator(options as never)).toThrow(message);
    });
  });
}

function clientCredentials() {
  return { grant_type: 'client_credentials', client_id: 'worker', client_secret: CLIENT.clientSecret, audience: API };
}

/** Signs Jane in through the form for an /authorize URL: the callback URL it redirects to. */
async function signInTenant(auth0: Emulator, url: URL): Promise<string> {
  const page = await auth0.fetch(new Request(url, { redirect: 'manual' }));
  const state = new URL(page.headers.get('location') as string, url).searchParams.get('state') as string;
  const posted = await auth0.fetch(
    new Request(`https://${DOMAIN}/u/login`, {
      method: 'POST',
      body: new URLSearchParams({ state, username: JANE.email, password: JANE_PASSWORD }),
    }),
  );
  return posted.headers.get('location') as string;
}
