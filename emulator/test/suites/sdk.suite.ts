/** The emulator as an app's test suite meets it: the official SDKs (v7, its legacy client, v3) over every transport. */
import { Management, ManagementClient } from 'auth0';
import { ManagementClient as LegacyManagementClient } from 'auth0/legacy';
import { ManagementClient as V3ManagementClient } from 'auth0-v3';
import { http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchTrusting } from './fetch-trusting.js';
import {
  CLIENT,
  CLIENT_ID,
  CLIENT_SECRET,
  DATABASE,
  DOMAIN,
  NOW,
  rejection,
  sdk,
  type Emulator,
  type EmulatorModule,
} from './harness.js';

/** The SDK conversation every transport must carry the same way. */
function conversation(
  connect: () => Promise<{ management: ManagementClient; auth0: Emulator; wrongSecret: ManagementClient }>,
): void {
  let management: ManagementClient;
  let auth0: Emulator;
  let wrongSecret: ManagementClient;
  beforeAll(async () => {
    ({ management, auth0, wrongSecret } = await connect());
  });

  it('creates a user, runs the three steps of the Auth0 page, clears, deletes with null and deletes the user', async () => {
    const created = await management.users.create({
      connection: DATABASE,
      email: 'jane.doe@example.com',
      password: 'correct horse battery staple',
      user_metadata: { hobby: 'surfing' },
      app_metadata: { plan: 'full' },
    });
    expect(created.user_id).toMatch(/^auth0\|[0-9a-f]{24}$/);
    expect(created).toMatchObject({
      email: 'jane.doe@example.com',
      email_verified: false,
      created_at: NOW.toISOString(),
    });
    expect(created).not.toHaveProperty('password');
    const id = created.user_id as string;

    const home = '123 Main Street, Anytown, ST 12345';
    const work = '100 Industrial Way, Anytown, ST 12345';
    expect((await management.users.update(id, { user_metadata: { addresses: { home } } })).user_metadata).toEqual({
      hobby: 'surfing',
      addresses: { home },
    });
    expect((await management.users.update(id, { user_metadata: { addresses: { home, work } } })).user_metadata).toEqual(
      { hobby: 'surfing', addresses: { home, work } },
    );
    expect(await management.users.update(id, { app_metadata: {} })).not.toHaveProperty('app_metadata');
    expect((await management.users.update(id, { user_metadata: {} })).user_metadata).toEqual({});

    await management.users.update(id, { user_metadata: { color: 'pink', size: 'm' } });
    expect((await management.users.update(id, { user_metadata: { color: null } })).user_metadata).toEqual({
      size: 'm',
    });
    expect((await management.users.get(id)).user_metadata).toEqual({ size: 'm' });
    expect(auth0.users.get(id)?.user_metadata).toEqual({ size: 'm' });

    const found = await management.users.list({ q: 'email:"jane.doe@example.com"', search_engine: 'v3' });
    expect(found.data.map((user) => user.user_id)).toEqual([id]);
    expect(
      (await management.users.listUsersByEmail({ email: 'jane.doe@example.com' })).map((user) => user.user_id),
    ).toEqual([id]);

    await management.users.delete(id);
    expect(auth0.users.has(id)).toBe(false);
    expect(await management.users.listUsersByEmail({ email: 'jane.doe@example.com' })).toEqual([]);
  });

  it("surfaces a refused patch as BadRequestError with Auth0's body, and stores nothing", async () => {
    const { user_id } = await management.users.create({
      connection: DATABASE,
      email: 'refused@example.com',
      password: 'Sturdy-Pass-2026',
    });
    const before = auth0.users.get(user_id as string);
    const error = await rejection(management.users.update(user_id as string, { user_metadata: { 'a.b': 1 } }));
    expect(error).toBeInstanceOf(Management.BadRequestError);
    expect(error.body).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message:
        'Payload validation error: \'Invalid key name (must not contain "." or "$"): a.b\' on property user_metadata["a.b"] (User metadata to which this user has read/write access.).',
      errorCode: 'invalid_body',
    });
    expect(auth0.users.get(user_id as string)).toBe(before);
  });

  it('answers 404 for a user that does not exist, as NotFoundError', async () => {
    const error = await rejection(management.users.get('auth0|nobody'));
    expect(error).toBeInstanceOf(Management.NotFoundError);
    expect(error.body).toEqual({
      statusCode: 404,
      error: 'Not Found',
      message: 'The user does not exist.',
      errorCode: 'inexistent_user',
    });
    expect(await rejection(management.users.update('auth0|nobody', { blocked: true }))).toBeInstanceOf(
      Management.NotFoundError,
    );
  });

  it('refuses a wrong client secret at the token endpoint, before any user is touched', async () => {
    const error = await rejection(wrongSecret.users.get('auth0|1'));
    expect(error).toMatchObject({
      statusCode: 401,
      body: { error: 'access_denied', error_description: 'Unauthorized' },
    });
  });

  it('answers 409 ConflictError for an email that exists in the connection, in any case', async () => {
    await management.users.create({
      connection: DATABASE,
      email: 'twice@example.com',
      password: 'Sturdy-Pass-2026',
    });
    const error = await rejection(
      management.users.create({
        connection: DATABASE,
        email: 'TWICE@example.com',
        password: 'Sturdy-Pass-2026',
      }),
    );
    expect(error).toBeInstanceOf(Management.ConflictError);
    expect(error.body).toEqual({
      statusCode: 409,
      error: 'Conflict',
      message: 'The user already exists.',
      errorCode: 'auth0_idp_error',
    });
  });
}

export function sdkSuite({ createEmulator }: EmulatorModule): void {
  const fresh = () => createEmulator({ clients: [CLIENT], now: () => NOW });

  describe('the v7 SDK with client id and secret, in process', () => {
    conversation(async () => {
      const auth0 = fresh();
      const send = (request: Request) => auth0.fetch(request);
      return { auth0, management: sdk(send), wrongSecret: sdk(send, { clientId: CLIENT_ID, clientSecret: 'wrong' }) };
    });
  });

  describe('the v7 SDK with client id and secret, over loopback HTTP', () => {
    let server: Awaited<ReturnType<Emulator['listen']>>;
    afterAll(() => server.close());
    conversation(async () => {
      const auth0 = createEmulator({ clients: [CLIENT], now: () => NOW, domain: DOMAIN });
      server = await auth0.listen();
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      // The SDK always calls https://{domain}: point it at the emulator's address.
      const overHttp = (request: Request) =>
        fetch(new Request(request.url.replace(`https://${DOMAIN}`, server.url), request));
      return {
        auth0,
        management: sdk(overHttp),
        wrongSecret: sdk(overHttp, { clientId: CLIENT_ID, clientSecret: 'wrong' }),
      };
    });
  });

  describe('the v7 SDK with client id and secret, over loopback HTTPS (listen({ https: true }))', () => {
    let server: Awaited<ReturnType<Emulator['listen']>>;
    afterAll(() => server.close());
    conversation(async () => {
      const auth0 = createEmulator({ clients: [CLIENT], now: () => NOW });
      server = await auth0.listen({ https: true });
      // Nothing is rewritten: the SDK calls https://{domain} as in production, and trusts the emulator's certificate.
      const domain = server.url.slice('https://'.length);
      const client = (clientSecret: string) =>
        new ManagementClient({
          domain,
          clientId: CLIENT_ID,
          clientSecret,
          maxRetries: 0,
          fetch: fetchTrusting(server.certificate as string),
        });
      return { auth0, management: client(CLIENT_SECRET), wrongSecret: client('wrong') };
    });
  });

  describe('MSW in front of the SDKs (no fetch option at all)', () => {
    const auth0 = fresh();
    const mockServer = setupServer(http.all(`https://${DOMAIN}/*`, ({ request }) => auth0.fetch(request)));
    beforeAll(() => mockServer.listen({ onUnhandledRequest: 'error' }));
    afterAll(() => mockServer.close());

    it('answers the v7 SDK', async () => {
      const management = new ManagementClient({
        domain: DOMAIN,
        clientId: CLIENT_ID,
        clientSecret: CLIENT_SECRET,
        maxRetries: 0,
      });
      const { user_id } = await management.users.create({
        connection: DATABASE,
        email: 'msw@example.com',
        password: 'Sturdy-Pass-2026',
      });
      expect(
        (await management.users.update(user_id as string, { app_metadata: { plan: 'free' } })).app_metadata,
      ).toEqual({ plan: 'free' });
      expect(auth0.users.get(user_id as string)?.app_metadata).toEqual({ plan: 'free' });
    });

    it('answers the v3 SDK (auth0@3), which gets its token as JSON', async () => {
      const management = new V3ManagementClient({ domain: DOMAIN, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET });
      const created = await management.createUser({
        connection: DATABASE,
        email: 'v3@example.com',
        password: 'Sturdy-Pass-2026',
        user_metadata: { a: 1, b: 2 },
      });
      const updated = await management.updateUser({ id: created.user_id as string }, { user_metadata: { a: null } });
      expect(updated.user_metadata).toEqual({ b: 2 });
      const found = await management.getUsers({ q: 'email:"v3@example.com"', search_engine: 'v3' });
      expect(found.map((user) => user.user_id)).toEqual([created.user_id]);
      expect(await management.getUsersByEmail('nobody@example.com')).toEqual([]);
      const error = (await management
        .updateUser({ id: created.user_id as string }, { user_id: 'x' } as never)
        .catch((caught: unknown) => caught)) as {
        statusCode: number;
        message: string;
      };
      expect(error.statusCode).toBe(400);
      expect(error.message).toMatch(/^Payload validation error: 'Additional properties not allowed: user_id/);
    });
  });

  describe("the v7 SDK's legacy client (auth0/legacy), in process", () => {
    it('creates, patches, searches and refuses as the v7 client does', async () => {
      const auth0 = fresh();
      const management = new LegacyManagementClient({
        domain: DOMAIN,
        clientId: CLIENT_ID,
        clientSecret: CLIENT_SECRET,
        retry: { enabled: false },
        fetch: (input: RequestInfo | URL, init?: RequestInit) => auth0.fetch(new Request(input, init)),
      });
      const { data: created } = await management.users.create({
        connection: DATABASE,
        email: 'legacy@example.com',
        password: 'Sturdy-Pass-2026',
      });
      const { data: updated } = await management.users.update(
        { id: created.user_id },
        { user_metadata: { color: 'pink' } },
      );
      expect(updated.user_metadata).toEqual({ color: 'pink' });
      const { data: found } = await management.users.getAll({ q: 'user_metadata.color:"pink"', search_engine: 'v3' });
      expect(found.map((user) => user.user_id)).toEqual([created.user_id]);
      const error = (await management.users.get({ id: 'auth0|nobody' }).catch((caught: unknown) => caught)) as {
        statusCode: number;
        errorCode: string;
      };
      expect(error).toMatchObject({ statusCode: 404, errorCode: 'inexistent_user' });
    });
  });
}
