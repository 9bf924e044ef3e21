/** The emulator, driven by the official Auth0 SDK (in process and over loopback HTTP), MSW and raw requests. */
import { Management, ManagementClient } from 'auth0';
import { http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

type EmulatorModule = typeof import('../../src/emulator/index.js');
type Emulator = ReturnType<EmulatorModule['createEmulator']>;

const TOKEN = 'test-token';
const DOMAIN = 'tenant.example';
const NOW = new Date('2026-11-26T12:00:00.000Z');

/** The SDK with its requests routed to `send` (no retries, so a refusal surfaces at once). */
function client(send: (request: Request) => Promise<Response>, token = TOKEN): ManagementClient {
  return new ManagementClient({
    domain: DOMAIN,
    token,
    maxRetries: 0,
    fetch: (input, init) => send(new Request(input, init)),
  });
}

async function rejection(promise: Promise<unknown>): Promise<Management.BadRequestError | Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the request to fail');
}

/** The SDK conversation every transport must carry the same way. */
function sdkConversation(connect: () => Promise<{ management: ManagementClient; auth0: Emulator; badToken: ManagementClient }>): void {
  let management: ManagementClient;
  let auth0: Emulator;
  let badToken: ManagementClient;
  beforeAll(async () => {
    ({ management, auth0, badToken } = await connect());
  });

  it('creates a user, runs the three steps of the Auth0 page, clears, deletes with null and deletes the user', async () => {
    const created = await management.users.create({
      connection: 'Username-Password-Authentication',
      email: 'jane.doe@example.com',
      password: 'correct horse battery staple',
      user_metadata: { hobby: 'surfing' },
      app_metadata: { plan: 'full' },
    });
    expect(created.user_id).toMatch(/^auth0\|[0-9a-f]{24}$/);
    expect(created).toMatchObject({ email: 'jane.doe@example.com', email_verified: false, created_at: NOW.toISOString() });
    expect(created).not.toHaveProperty('password');
    const id = created.user_id as string;

    const home = '123 Main Street, Anytown, ST 12345';
    const work = '100 Industrial Way, Anytown, ST 12345';
    const step1 = await management.users.update(id, { user_metadata: { addresses: { home } } });
    expect(step1.user_metadata).toEqual({ hobby: 'surfing', addresses: { home } });
    const step2 = await management.users.update(id, { user_metadata: { addresses: { home, work } } });
    expect(step2.user_metadata).toEqual({ hobby: 'surfing', addresses: { home, work } });
    const step3 = await management.users.update(id, { app_metadata: {} });
    expect(step3).not.toHaveProperty('app_metadata');
    expect((await management.users.update(id, { user_metadata: {} })).user_metadata).toEqual({});

    await management.users.update(id, { user_metadata: { color: 'pink', size: 'm' } });
    expect((await management.users.update(id, { user_metadata: { color: null } })).user_metadata).toEqual({ size: 'm' });
    expect((await management.users.get(id)).user_metadata).toEqual({ size: 'm' });
    expect(auth0.users.get(id)?.user_metadata).toEqual({ size: 'm' });

    await management.users.delete(id);
    expect(auth0.users.has(id)).toBe(false);
  });

  it('surfaces a refused patch as BadRequestError with Auth0\'s body, and stores nothing', async () => {
    const { user_id } = await management.users.create({ connection: 'db', email: 'refused@example.com', password: 'x' });
    const before = auth0.users.get(user_id as string);
    const error = await rejection(management.users.update(user_id as string, { user_metadata: { 'a.b': 1 } }));
    expect(error).toBeInstanceOf(Management.BadRequestError);
    expect((error as Management.BadRequestError).statusCode).toBe(400);
    expect((error as Management.BadRequestError).body).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message:
        'Payload validation error: \'Invalid key name (must not contain "." or "$"): a.b\' on property user_metadata["a.b"] (User metadata to which this user has read/write access.).',
      errorCode: 'invalid_body',
    });
    expect(auth0.users.get(user_id as string)).toBe(before);
  });

  it('answers 404 for a user that does not exist', async () => {
    const error = await rejection(management.users.get('auth0|nobody'));
    expect(error).toBeInstanceOf(Management.NotFoundError);
    expect((error as Management.NotFoundError).body).toEqual({
      statusCode: 404,
      error: 'Not Found',
      message: 'The user does not exist.',
      errorCode: 'inexistent_user',
    });
    expect(await rejection(management.users.update('auth0|nobody', { blocked: true }))).toBeInstanceOf(Management.NotFoundError);
  });

  it('answers 401 for a wrong token', async () => {
    const error = await rejection(badToken.users.get('auth0|1'));
    expect(error).toBeInstanceOf(Management.UnauthorizedError);
    expect((error as Management.UnauthorizedError).body).toMatchObject({ statusCode: 401, message: 'Invalid token' });
  });

  it('answers 409 for an email that exists in the connection', async () => {
    await management.users.create({ connection: 'db', email: 'twice@example.com', password: 'x' });
    const error = await rejection(management.users.create({ connection: 'db', email: 'TWICE@example.com', password: 'x' }));
    expect(error).toBeInstanceOf(Management.ConflictError);
    expect(await management.users.create({ connection: 'other', email: 'twice@example.com', password: 'x' })).toHaveProperty('user_id');
  });
}

export function emulatorSuite({ createEmulator }: EmulatorModule): void {
  const fresh = () => createEmulator({ token: TOKEN, now: () => NOW });

  describe('the official SDK, in process', () => {
    sdkConversation(async () => {
      const auth0 = fresh();
      return { auth0, management: client(auth0.fetch), badToken: client(auth0.fetch, 'wrong') };
    });
  });

  describe('the official SDK, over loopback HTTP', () => {
    let server: Awaited<ReturnType<Emulator['listen']>>;
    afterAll(() => server.close());
    sdkConversation(async () => {
      const auth0 = fresh();
      server = await auth0.listen();
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      // The SDK always calls https://{domain}: point it at the emulator's address.
      const overHttp = (request: Request) => fetch(new Request(request.url.replace(`https://${DOMAIN}`, server.url), request));
      return { auth0, management: client(overHttp), badToken: client(overHttp, 'wrong') };
    });
  });

  describe('MSW', () => {
    const auth0 = fresh();
    const mockServer = setupServer(http.all(`https://${DOMAIN}/api/v2/*`, ({ request }) => auth0.fetch(request)));
    beforeAll(() => mockServer.listen({ onUnhandledRequest: 'error' }));
    afterAll(() => mockServer.close());

    it('answers the SDK through a request handler that forwards to auth0.fetch', async () => {
      const management = new ManagementClient({ domain: DOMAIN, token: TOKEN, maxRetries: 0 });
      const { user_id } = await management.users.create({ connection: 'db', email: 'msw@example.com', password: 'x' });
      const updated = await management.users.update(user_id as string, { app_metadata: { plan: 'free' } });
      expect(updated.app_metadata).toEqual({ plan: 'free' });
      expect(auth0.users.get(user_id as string)?.app_metadata).toEqual({ plan: 'free' });
    });
  });

  describe('raw requests', () => {
    const auth0 = createEmulator({
      token: TOKEN,
      now: () => NOW,
      bodyLimit: 1000,
      users: [{ user_id: 'auth0|jane', email: 'jane@example.com', user_metadata: { a: 1 } }],
    });
    const send = (method: string, path: string, body?: string, headers: Record<string, string> = { authorization: `Bearer ${TOKEN}` }) =>
      auth0.fetch(new Request(`https://${DOMAIN}${path}`, { method, headers: { 'content-type': 'application/json', ...headers }, ...(body === undefined ? {} : { body }) }));

    it('decodes URL-encoded ids', async () => {
      const response = await send('GET', '/api/v2/users/auth0%7Cjane');
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ user_id: 'auth0|jane' });
    });

    it('moves updated_at on every PATCH', async () => {
      const response = await send('PATCH', '/api/v2/users/auth0%7Cjane', '{"nickname":"jd"}');
      expect(await response.json()).toMatchObject({ nickname: 'jd', updated_at: NOW.toISOString() });
    });

    it.each([
      ['no token', 'GET', '/api/v2/users', undefined, {}, 401, { statusCode: 401, error: 'Unauthorized', message: 'Missing authentication' }],
      ['an unknown route', 'GET', '/api/v2/clients', undefined, undefined, 404, { statusCode: 404, error: 'Not Found', message: 'Not Found' }],
      ['a wrong method', 'PUT', '/api/v2/users/auth0%7Cjane', '{}', undefined, 405, { statusCode: 405, error: 'Method Not Allowed', message: 'Method Not Allowed' }],
      ['malformed JSON', 'PATCH', '/api/v2/users/auth0%7Cjane', '{"a":', undefined, 400, { statusCode: 400, error: 'Bad Request', message: 'Invalid request payload JSON format', errorCode: 'invalid_body' }],
      ['a body over the limit', 'PATCH', '/api/v2/users/auth0%7Cjane', JSON.stringify({ user_metadata: { a: 'x'.repeat(1000) } }), undefined, 413, { statusCode: 413, error: 'Request Entity Too Large', message: 'Payload content length greater than maximum allowed: 1000' }],
      ['a create without connection', 'POST', '/api/v2/users', '{"email":"x@example.com"}', undefined, 400, { statusCode: 400, error: 'Bad Request', message: "Payload validation error: 'Missing required property: connection'.", errorCode: 'invalid_body' }],
      ['per_page over 100', 'GET', '/api/v2/users?per_page=101', undefined, undefined, 400, { statusCode: 400, error: 'Bad Request', message: "Query validation error: 'Value 101 is greater than maximum 100' on property per_page (Number of results per page. Paging is disabled if parameter not sent.).", errorCode: 'invalid_query_string' }],
    ])('answers %s', async (_case, method, path, body, headers, status, expected) => {
      const before = auth0.users.get('auth0|jane');
      const response = await send(method, path, body, headers);
      expect(response.status).toBe(status);
      expect(await response.json()).toEqual(expected);
      expect(auth0.users.get('auth0|jane')).toBe(before);
    });

    it('refuses an oversized body that declares no length, by counting', async () => {
      const stream = new ReadableStream({
        start(controller) {
          for (let index = 0; index < 10; index++) controller.enqueue(new TextEncoder().encode('x'.repeat(200)));
          controller.close();
        },
      });
      const request = new Request(`https://${DOMAIN}/api/v2/users/auth0%7Cjane`, {
        method: 'PATCH',
        headers: { authorization: `Bearer ${TOKEN}` },
        body: stream,
        duplex: 'half',
      } as RequestInit);
      expect((await auth0.fetch(request)).status).toBe(413);
    });

    it('deletes with 204 and lists with paging and totals', async () => {
      for (const name of ['a', 'b', 'c']) await send('POST', '/api/v2/users', JSON.stringify({ connection: 'db', email: `${name}@example.com`, user_id: name }));
      const page = await (await send('GET', '/api/v2/users?page=1&per_page=2&include_totals=true')).json();
      expect(page).toMatchObject({ start: 2, limit: 2, length: 2, total: 4 });
      expect(page.users.map((user: { user_id: string }) => user.user_id)).toEqual(['auth0|b', 'auth0|c']);
      expect((await (await send('GET', '/api/v2/users')).json()).length).toBe(4);
      expect((await send('DELETE', '/api/v2/users/auth0%7Cb')).status).toBe(204);
      expect((await send('GET', '/api/v2/users/auth0%7Cb')).status).toBe(404);
      expect((await send('POST', '/api/v2/users', '{"connection":"db","user_id":"a"}')).status).toBe(409);
    });

    it('keeps the stored users frozen', () => {
      const user = auth0.users.get('auth0|jane');
      expect(Object.isFrozen(user)).toBe(true);
      expect(Object.isFrozen(user?.user_metadata)).toBe(true);
    });
  });

  describe('concurrency', () => {
    it('lands 200 concurrent PATCHes adding different keys (no lost update)', async () => {
      const auth0 = createEmulator({ token: TOKEN, users: [{ user_id: 'auth0|c', user_metadata: {} }] });
      const patches = Array.from({ length: 200 }, (_, index) =>
        auth0.fetch(
          new Request(`https://${DOMAIN}/api/v2/users/auth0%7Cc`, {
            method: 'PATCH',
            headers: { authorization: `Bearer ${TOKEN}` },
            body: JSON.stringify({ user_metadata: { [`key${index}`]: index } }),
          }),
        ),
      );
      const statuses = (await Promise.all(patches)).map((response) => response.status);
      expect(statuses.every((status) => status === 200)).toBe(true);
      expect(Object.keys(auth0.users.get('auth0|c')?.user_metadata ?? {})).toHaveLength(200);
    });

    it('loses no update under concurrent clients over loopback (bounded in count and time)', async () => {
      const auth0 = createEmulator({ token: TOKEN, users: [{ user_id: 'auth0|load', user_metadata: {} }] });
      const server = await auth0.listen();
      const deadline = Date.now() + 10_000;
      const clients = 8;
      const requestsPerClient = 50;
      try {
        const work = Array.from({ length: clients }, async (_, client) => {
          let sent = 0;
          for (; sent < requestsPerClient && Date.now() < deadline; sent++) {
            const response = await fetch(`${server.url}/api/v2/users/auth0%7Cload`, {
              method: 'PATCH',
              headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
              body: JSON.stringify({ user_metadata: { [`c${client}r${sent}`]: sent } }),
            });
            expect(response.status).toBe(200);
            await response.arrayBuffer();
          }
          return sent;
        });
        const sent = (await Promise.all(work)).reduce((total, count) => total + count, 0);
        expect(sent).toBeGreaterThan(0);
        expect(Object.keys(auth0.users.get('auth0|load')?.user_metadata ?? {})).toHaveLength(sent);
      } finally {
        await server.close();
      }
    }, 20_000);
  });
}
