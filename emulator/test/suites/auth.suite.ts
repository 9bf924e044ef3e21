/** Client credentials, tokens, 401s and scopes, as Auth0 answers them. */
import { Management, ManagementClient } from 'auth0';
import { describe, expect, it } from 'vitest';
import {
  CLIENT,
  CLIENT_ID,
  CLIENT_SECRET,
  DOMAIN,
  NOW,
  raw,
  rejection,
  sdk,
  tokenFor,
  TOKEN,
  WEB,
  type EmulatorModule,
} from './harness.js';

const AUDIENCE = `https://${DOMAIN}/api/v2/`;

function decode(token: string): { header: Record<string, unknown>; claims: Record<string, unknown> } {
  const [header, claims] = token
    .split('.')
    .slice(0, 2)
    .map((part) => JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as Record<string, unknown>);
  return { header: header as Record<string, unknown>, claims: claims as Record<string, unknown> };
}

export function authSuite({ createEmulator }: EmulatorModule): void {
  describe('POST /oauth/token (client credentials)', () => {
    const auth0 = createEmulator({
      clients: [CLIENT, { clientId: 'reader', clientSecret: 'reader-secret', scopes: ['read:users'] }],
      now: () => NOW,
    });
    const token = (body: Record<string, string>, form = false) =>
      raw(auth0, 'POST', '/oauth/token', {
        headers: { authorization: '', 'content-type': form ? 'application/x-www-form-urlencoded' : 'application/json' },
        body: form ? new URLSearchParams(body).toString() : JSON.stringify(body),
      });
    const good = {
      grant_type: 'client_credentials',
      client_id: CLIENT_ID,
      client_secret: CLIENT_SECRET,
      audience: AUDIENCE,
    };

    it.each([false, true])('issues a JWT with Auth0’s claims (form-encoded: %s)', async (form) => {
      const response = await token(good, form);
      expect(response.status).toBe(200);
      const body = (await response.json()) as Record<string, unknown>;
      // The order of ruby-auth0's recorded token responses: access_token, scope, expires_in, token_type.
      expect(Object.keys(body)).toEqual(['access_token', 'scope', 'expires_in', 'token_type']);
      expect(body).toMatchObject({ expires_in: 86_400, token_type: 'Bearer' });
      expect(String(body['scope']).split(' ')).toEqual(
        expect.arrayContaining(['read:users', 'update:users', 'create:users', 'delete:users']),
      );
      const { header, claims } = decode(body['access_token'] as string);
      expect(header).toMatchObject({ alg: 'RS256', typ: 'JWT' });
      expect(header['kid']).toMatch(/^[A-Za-z0-9_-]{21}$/);
      const iat = Math.floor(NOW.getTime() / 1000);
      expect(claims).toEqual({
        iss: `https://${DOMAIN}/`,
        sub: `${CLIENT_ID}@clients`,
        aud: AUDIENCE,
        iat,
        exp: iat + 86_400,
        scope: body['scope'],
        gty: 'client-credentials',
        azp: CLIENT_ID,
      });
    });

    it('gives a client only its own scopes, and only the requested ones when asked', async () => {
      const reader = await token({ ...good, client_id: 'reader', client_secret: 'reader-secret' });
      expect(await reader.json()).toMatchObject({ scope: 'read:users' });
      const narrowed = await token({ ...good, scope: 'read:users update:users' });
      expect(await narrowed.json()).toMatchObject({ scope: 'read:users update:users' });
    });

    it.each([
      [
        'a wrong secret',
        { ...good, client_secret: 'wrong' },
        401,
        { error: 'access_denied', error_description: 'Unauthorized' },
      ],
      [
        'an unknown client',
        { ...good, client_id: 'nobody' },
        401,
        { error: 'access_denied', error_description: 'Unauthorized' },
      ],
      [
        'no client id',
        { grant_type: 'client_credentials', audience: AUDIENCE },
        401,
        { error: 'access_denied', error_description: 'Unauthorized' },
      ],
      [
        'no grant type',
        { client_id: CLIENT_ID, client_secret: CLIENT_SECRET, audience: AUDIENCE },
        400,
        { error: 'invalid_request', error_description: 'Missing required parameter: grant_type' },
      ],
      [
        'an unknown grant type',
        { ...good, grant_type: 'magic' },
        400,
        { error: 'unsupported_grant_type', error_description: 'Grant type not supported' },
      ],
      [
        'a grant the client may not use',
        { ...good, grant_type: 'password' },
        403,
        {
          error: 'unauthorized_client',
          error_description: "Grant type 'password' not allowed for the client.",
          error_uri: 'https://auth0.com/docs/clients/client-grant-types',
        },
      ],
      [
        'another audience',
        { ...good, audience: 'https://api.example/' },
        403,
        { error: 'access_denied', error_description: 'Service not enabled within domain: https://api.example/' },
      ],
      [
        'scopes the client was not granted',
        { ...good, client_id: 'reader', client_secret: 'reader-secret', scope: 'read:users delete:users' },
        403,
        { error: 'access_denied', error_description: 'Client has not been granted scopes: delete:users' },
      ],
    ])('refuses %s', async (_case, body, status, expected) => {
      const response = await token(body as Record<string, string>);
      expect(response.status).toBe(status);
      expect(await response.json()).toEqual(expected);
    });

    it('refuses a request without an audience: the emulated tenant has no default audience', async () => {
      const { audience: _audience, ...withoutAudience } = good;
      const response = await token(withoutAudience);
      expect(response.status).toBe(403);
      expect(await response.json()).toEqual({
        error: 'access_denied',
        error_description: 'No audience parameter was provided, and no default audience has been configured',
      });
    });

    it('refuses an opaque token on the Management API', async () => {
      const refused = await raw(auth0, 'GET', '/api/v2/users', {
        headers: { authorization: 'Bearer PPlGNh1wLQbJznsdLCx5XFb04ZPKzPxL' },
      });
      expect(refused.status).toBe(401);
      expect(await refused.json()).toEqual({
        statusCode: 401,
        error: 'Unauthorized',
        message: 'Invalid token',
        attributes: { error: 'Invalid token' },
      });
    });

    it('answers 404 to other methods on the token endpoint', async () => {
      expect((await raw(auth0, 'GET', '/oauth/token')).status).toBe(404);
    });
  });

  describe('401 for the Management API', () => {
    let clock = NOW;
    const auth0 = createEmulator({ clients: [CLIENT], token: TOKEN, now: () => clock });
    const other = createEmulator({ clients: [CLIENT], now: () => NOW });
    const get = (authorization: string) => raw(auth0, 'GET', '/api/v2/users', { headers: { authorization } });
    const withAttributes = (message: string) => ({
      statusCode: 401,
      error: 'Unauthorized',
      message,
      attributes: { error: message },
    });

    it('answers a request without a bearer token as Auth0 does, with WWW-Authenticate', async () => {
      for (const authorization of ['', `Basic ${btoa('a:b')}`]) {
        const response = await get(authorization);
        expect(response.status).toBe(401);
        expect(response.headers.get('www-authenticate')).toBe('Bearer');
        expect(await response.json()).toEqual({
          statusCode: 401,
          error: 'Unauthorized',
          message: 'Missing authentication',
        });
      }
    });

    it('refuses a token it did not issue, a token of another tenant, and an expired one', async () => {
      expect(await (await get('Bearer not-a-jwt')).json()).toEqual(withAttributes('Invalid token'));
      expect(await (await get(`Bearer ${await tokenFor(other)}`)).json()).toEqual(
        withAttributes('Invalid signature received for JSON Web Token validation'),
      );
      const live = await tokenFor(auth0);
      expect((await get(`Bearer ${live}`)).status).toBe(200);
      clock = new Date(NOW.getTime() + 86_400_000);
      expect(await (await get(`Bearer ${live}`)).json()).toEqual(
        withAttributes('Expired token received for JSON Web Token validation'),
      );
      clock = NOW;
    });

    it('reads the token of Bearer and its spaces, and refuses one holding whitespace, seen before or not', async () => {
      const token = await tokenFor(auth0);
      for (const header of [`Bearer ${token}`, `bearer   ${token}  `, `BEARER ${token}`])
        expect((await get(header)).status).toBe(200);
      const [head, rest] = [token.slice(0, 40), token.slice(40)];
      for (const header of [`Bearer ${head} ${rest}`, `Bearer\t${token}`, `Bearer ${TOKEN}\u00a0`, 'Bearer  '])
        expect((await get(header)).headers.get('www-authenticate')).toBe('Bearer');
    });

    it('accepts the fixed token with every scope, compared whole', async () => {
      expect((await get(`Bearer ${TOKEN}`)).status).toBe(200);
      expect((await get(`Bearer ${TOKEN}x`)).status).toBe(401);
      expect((await get(`Bearer ${TOKEN.slice(0, -1)}`)).status).toBe(401);
    });

    it('checks the audience against the request host when no domain is configured', async () => {
      const byHost = createEmulator({ clients: [CLIENT], now: () => NOW });
      const token = await tokenFor(byHost);
      const elsewhere = await byHost.fetch(
        new Request('https://other.example/api/v2/users', { headers: { authorization: `Bearer ${token}` } }),
      );
      expect(await elsewhere.json()).toEqual(withAttributes(`Bad audience: ${AUDIENCE}`));
    });

    it('gives the same token for the same claims in the same second, and another for other claims or later', async () => {
      const [first, again, narrowed] = [
        await tokenFor(auth0),
        await tokenFor(auth0),
        await tokenFor(auth0, 'read:users'),
      ];
      expect(again).toBe(first);
      expect(narrowed).not.toBe(first);
      expect(decode(narrowed).claims['scope']).toBe('read:users');
      clock = new Date(NOW.getTime() + 1000);
      const later = await tokenFor(auth0);
      clock = NOW;
      expect(decode(later).claims['iat']).toBe(Number(decode(first).claims['iat']) + 1);
      for (const token of [first, narrowed, later]) expect((await get(`Bearer ${token}`)).status).toBe(200);
    });

    it('checks a token it has verified before again for its audience and issuer on every request', async () => {
      const byHost = createEmulator({ clients: [CLIENT], now: () => NOW });
      const token = await tokenFor(byHost);
      const at = (host: string) =>
        byHost.fetch(new Request(`https://${host}/api/v2/users`, { headers: { authorization: `Bearer ${token}` } }));
      expect((await at(DOMAIN)).status).toBe(200);
      expect((await at(DOMAIN)).status).toBe(200);
      expect(await (await at('other.example')).json()).toEqual(withAttributes(`Bad audience: ${AUDIENCE}`));
      expect((await at(DOMAIN)).status).toBe(200);
    });

    it('shares its generated key pair with the emulators of its process, each refusing tokens of another kid', async () => {
      const jwks = async (emulator: typeof auth0) =>
        (
          (await (await raw(emulator, 'GET', '/.well-known/jwks.json')).json()) as {
            keys: { kid: string; n: string }[];
          }
        ).keys[0];
      const [own, others] = [await jwks(auth0), await jwks(other)];
      expect(own?.n).toBe(others?.n);
      expect(own?.kid).not.toBe(others?.kid);
      const token = await tokenFor(other);
      const [header, claims, signature] = token.split('.') as [string, string, string];
      const renamed = Buffer.from(JSON.stringify({ ...decode(token).header, kid: own?.kid })).toString('base64url');
      // Its own kid on another's token: the signature still covers the header, so it fails.
      expect((await get(`Bearer ${renamed}.${claims}.${signature}`)).status).toBe(401);
      expect((await get(`Bearer ${header}.${claims}.${signature}`)).status).toBe(401);
      expect((await raw(other, 'GET', '/api/v2/users', { headers: { authorization: `Bearer ${token}` } })).status).toBe(
        200,
      );
    });

    it('refuses a token whose parts are not base64url, padded or of a length base64 never has', async () => {
      const [header, claims, signature] = (await tokenFor(auth0)).split('.') as [string, string, string];
      for (const broken of [
        `${header}.${claims}.${signature}AAA`,
        `${header}=.${claims}.${signature}`,
        `${header}.${claims}+.${signature}`,
      ])
        expect(await (await get(`Bearer ${broken}`)).json()).toEqual(withAttributes('Invalid token'));
    });
  });

  describe('403 insufficient_scope, through the SDK', () => {
    it('lets a reader read and refuses it every write, naming the scopes Auth0 accepts', async () => {
      const auth0 = createEmulator({
        clients: [{ ...CLIENT, scopes: ['read:users'] }],
        users: [{ user_id: 'auth0|1', email: 'a@example.com' }],
      });
      const management = sdk((request) => auth0.fetch(request));
      expect((await management.users.get('auth0|1')).email).toBe('a@example.com');
      const error = await rejection(management.users.update('auth0|1', { blocked: true }));
      expect(error).toBeInstanceOf(Management.ForbiddenError);
      expect(error.body).toEqual({
        statusCode: 403,
        error: 'Forbidden',
        message:
          'Insufficient scope, expected any of: update:users,update:users_app_metadata,update:current_user_metadata',
        errorCode: 'insufficient_scope',
      });
      expect(await rejection(management.users.delete('auth0|1'))).toBeInstanceOf(Management.ForbiddenError);
      expect(
        await rejection(
          management.users.create({
            connection: 'Username-Password-Authentication',
            email: 'b@example.com',
            password: 'Sturdy-Pass-2026',
          }),
        ),
      ).toBeInstanceOf(Management.ForbiddenError);
      expect(auth0.users.get('auth0|1')).toEqual({ user_id: 'auth0|1', email: 'a@example.com' });
    });
  });

  describe('current_user scopes act only on the user the token is for', () => {
    const jane = {
      user_id: 'auth0|jane',
      email: 'jane@example.com',
      identities: [
        { connection: 'Username-Password-Authentication', provider: 'auth0', user_id: 'jane', isSocial: false },
      ],
    };
    const john = { ...jane, user_id: 'auth0|john', email: 'john@example.com' };
    john.identities = [{ ...jane.identities[0]!, user_id: 'john' }];
    const tenant = () =>
      createEmulator({ clients: [WEB, CLIENT], users: [jane, john], domain: DOMAIN, now: () => NOW });
    const unowned = {
      statusCode: 403,
      error: 'Forbidden',
      message: 'User to be acted on does not match subject in bearer token.',
      errorCode: 'unowned_resource',
    };
    const withToken = (auth0: ReturnType<typeof tenant>, token: string) =>
      new ManagementClient({
        domain: DOMAIN,
        token,
        maxRetries: 0,
        fetch: (url, init) => auth0.fetch(new Request(url, init)),
      });

    it('a user’s token reads and updates its own user_metadata, and nobody else', async () => {
      const auth0 = tenant();
      const { access_token } = await auth0.signIn({
        userId: 'auth0|jane',
        clientId: WEB.clientId,
        audience: AUDIENCE,
        scope: 'read:current_user update:current_user_metadata update:current_user_identities',
      });
      const management = withToken(auth0, access_token);
      expect((await management.users.get('auth0|jane')).email).toBe('jane@example.com');
      expect((await management.users.update('auth0|jane', { user_metadata: { color: 'pink' } })).user_metadata).toEqual(
        { color: 'pink' },
      );
      for (const refused of [
        () => management.users.get('auth0|john'),
        () => management.users.update('auth0|john', { user_metadata: { color: 'pink' } }),
        () => management.users.identities.link('auth0|john', { provider: 'auth0', user_id: 'jane' }),
      ]) {
        const error = await rejection(refused());
        expect(error).toBeInstanceOf(Management.ForbiddenError);
        expect(error.body).toEqual(unowned);
      }
      // Its own user, beyond user_metadata: refused, naming the fields.
      expect(
        (await rejection(management.users.update('auth0|jane', { name: 'J', password: 'n3w-Passw0rd!' }))).body,
      ).toEqual({
        statusCode: 403,
        error: 'Forbidden',
        message: 'You cannot update the following fields: name, password',
        errorCode: 'insufficient_scope',
      });
      expect(auth0.users.get('auth0|john')).toEqual(john);
      expect(auth0.users.get('auth0|jane')?.name).toBeUndefined();
    });

    it('a user’s token links only with link_with: naming another account by provider and user_id needs update:users', async () => {
      // Auth0's docs for POST /api/v2/users/{id}/identities: with update:current_user_identities "only the link_with
      // param is required"; provider and user_id are for a token with update:users.
      const auth0 = tenant();
      const { access_token } = await auth0.signIn({
        userId: 'auth0|jane',
        clientId: WEB.clientId,
        audience: AUDIENCE,
        scope: 'update:current_user_identities',
      });
      const management = withToken(auth0, access_token);
      const error = await rejection(
        management.users.identities.link('auth0|jane', { provider: 'auth0', user_id: 'john' }),
      );
      expect(error).toBeInstanceOf(Management.ForbiddenError);
      expect(error.body).toEqual({
        statusCode: 403,
        error: 'Forbidden',
        message: 'Insufficient scope, expected any of: update:users',
        errorCode: 'insufficient_scope',
      });
      expect(auth0.users.get('auth0|john')).toEqual(john);
      expect(auth0.users.get('auth0|jane')?.identities).toEqual(jane.identities);
    });

    it('a client holding only current_user scopes acts on no user (its sub is <client_id>@clients)', async () => {
      const auth0 = tenant();
      const token = await tokenFor(auth0, 'read:current_user update:current_user_metadata delete:current_user');
      const management = withToken(auth0, token);
      // Each call made as it is awaited: a refusal made earlier would be an unhandled rejection while one waits.
      for (const refused of [
        () => management.users.get('auth0|jane'),
        () => management.users.update('auth0|jane', { user_metadata: { color: 'pink' } }),
        () => management.users.delete('auth0|jane'),
      ])
        expect((await rejection(refused())).body).toEqual(unowned);
      expect([...auth0.users.values()]).toEqual([jane, john]);
      // update:users alongside: the current_user scopes no longer limit it.
      const full = withToken(auth0, await tokenFor(auth0, 'update:current_user_metadata update:users'));
      expect((await full.users.update('auth0|john', { name: 'John' })).name).toBe('John');
    });
  });

  describe('options', () => {
    it.each([
      [{}, 'give options.clients, options.token, or both'],
      [{ token: '' }, 'options.token must be a non-empty string'],
      [
        { clients: [{ clientId: 'a', clientSecret: '' }] },
        'options.clients[0].clientSecret must be a non-empty string',
      ],
      [{ clients: [CLIENT, CLIENT] }, 'options.clients[1].clientId repeats test-client'],
      [{ token: TOKEN, domain: 'https://tenant.example' }, 'options.domain must be a host name'],
      [{ token: TOKEN, bodyLimit: 0 }, 'options.bodyLimit must be a positive integer'],
      [{ token: TOKEN, rateLimit: { limit: 0 } }, 'options.rateLimit.limit must be a positive integer'],
    ])('refuses %j', (options, message) => {
      expect(() => createEmulator(options as never)).toThrow(new RegExp(message.replace(/[.[\]]/g, '\\$&')));
    });
  });
}
