/**
 * The test-control routes under `/emulator/v1/`: reset, export and import the state, read the outbox, as a test suite
 * in any language calls them, with the fixed token or a client's token holding every scope.
 */
import { describe, expect, it } from 'vitest';
import {
  API,
  CLIENT,
  DATABASE,
  DOMAIN,
  JANE,
  NOW,
  raw,
  sdk,
  TOKEN,
  tokenFor,
  type Emulator,
  type EmulatorModule,
} from './harness.js';

const FORMAT = 'auth0-user-patch-emulator/state';
const JOHN = {
  user_id: 'auth0|john',
  email: 'john@example.com',
  identities: [{ connection: DATABASE, provider: 'auth0', user_id: 'john', isSocial: false }],
};

export function controlSuite({ createEmulator }: EmulatorModule): void {
  type Options = Parameters<EmulatorModule['createEmulator']>[0];
  const tenant = (options: Options = {}): Emulator =>
    createEmulator({
      clients: [CLIENT],
      token: TOKEN,
      users: [JANE, JOHN],
      resourceServers: [{ identifier: API, scopes: [{ value: 'read:posts' }] }],
      now: () => NOW,
      ...options,
    });
  const control = (auth0: Emulator, method: string, path: string, options: Parameters<typeof raw>[3] = {}) =>
    raw(auth0, method, `/emulator/v1/${path}`, options);
  const answer = async (response: Response) => ({
    status: response.status,
    body: response.status === 204 ? undefined : await response.json(),
  });

  describe('test control over HTTP: who may', () => {
    it('refuses a request without a token as the Management API does (401)', async () => {
      const response = await control(tenant(), 'POST', 'reset', { headers: { authorization: '' } });
      expect(response.headers.get('www-authenticate')).toBe('Bearer');
      expect(await answer(response)).toEqual({
        status: 401,
        body: { statusCode: 401, error: 'Unauthorized', message: 'Missing authentication' },
      });
    });

    it('refuses a token without every scope of the Management API (403), and takes a client token with them all', async () => {
      const auth0 = tenant();
      const narrow = await tokenFor(auth0, 'read:users update:users');
      const refused = await control(auth0, 'GET', 'state', { headers: { authorization: `Bearer ${narrow}` } });
      expect(await answer(refused)).toEqual({
        status: 403,
        body: {
          statusCode: 403,
          error: 'Forbidden',
          message:
            'Insufficient scope: the test-control routes need the fixed token or a token with every scope of the Management API',
          errorCode: 'insufficient_scope',
        },
      });
      const full = await tokenFor(auth0);
      const served = await control(auth0, 'POST', 'reset', { headers: { authorization: `Bearer ${full}` } });
      expect(served.status).toBe(204);
      expect(auth0.users.size).toBe(0);
    });

    it('answers 404 for any other path under /emulator/, and 405 with Allow for another method', async () => {
      const auth0 = tenant();
      expect(await answer(await control(auth0, 'GET', 'users'))).toEqual({
        status: 404,
        body: { statusCode: 404, error: 'Not Found', message: 'Not Found' },
      });
      expect((await raw(auth0, 'GET', '/emulator')).status).toBe(404);
      const wrong = await control(auth0, 'DELETE', 'state');
      expect(wrong.headers.get('allow')).toBe('GET, PUT');
      expect(await answer(wrong)).toEqual({
        status: 405,
        body: { statusCode: 405, error: 'Method Not Allowed', message: 'DELETE is not allowed here: GET, PUT' },
      });
      expect(auth0.users.size).toBe(2);
    });

    it('is not the Management API: no rate limit counts it or refuses it', async () => {
      const auth0 = tenant({ rateLimit: { limit: 1, windowSeconds: 60 } });
      for (let count = 0; count < 3; count++) expect((await control(auth0, 'GET', 'outbox')).status).toBe(200);
      expect((await raw(auth0, 'GET', '/api/v2/users')).status).toBe(200);
      expect((await raw(auth0, 'GET', '/api/v2/users')).status).toBe(429);
      expect((await control(auth0, 'POST', 'reset')).status).toBe(204);
    });
  });

  describe('test control over HTTP: what it does', () => {
    it('POST /emulator/v1/reset without a body empties the tenant as reset() does; the SDK’s token still works', async () => {
      const auth0 = tenant();
      const management = sdk((request) => auth0.fetch(request));
      await management.roles.create({ name: 'editor' });
      await management.resourceServers.create({ identifier: 'https://other.example.com/' });
      const response = await control(auth0, 'POST', 'reset');
      expect(await answer(response)).toEqual({ status: 204, body: undefined });
      expect(auth0.users.size).toBe(0);
      expect((await management.roles.list()).data).toEqual([]);
      const state = await auth0.exportState();
      expect(state.resourceServers.map((server) => server.identifier)).toEqual([API]);
    });

    it('POST /emulator/v1/reset with a state, and PUT /emulator/v1/state, load it', async () => {
      const auth0 = tenant();
      const state = { format: FORMAT, version: 1, users: [{ user_id: 'auth0|new', email: 'new@example.com' }] };
      expect((await control(auth0, 'POST', 'reset', { body: JSON.stringify(state) })).status).toBe(204);
      expect([...auth0.users.keys()]).toEqual(['auth0|new']);
      const other = { ...state, users: [JOHN] };
      expect((await control(auth0, 'PUT', 'state', { body: JSON.stringify(other) })).status).toBe(204);
      expect([...auth0.users.keys()]).toEqual([JOHN.user_id]);
    });

    it('GET /emulator/v1/state is exportState(), which PUT takes back: a saved tenant restored', async () => {
      const auth0 = tenant();
      const management = sdk((request) => auth0.fetch(request));
      await management.users.update(JANE.user_id, { user_metadata: { color: 'pink' } });
      const saved = await control(auth0, 'GET', 'state');
      expect(saved.status).toBe(200);
      expect(saved.headers.get('content-type')).toMatch(/^application\/json/);
      const text = await saved.text();
      expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(await auth0.exportState())));
      await management.users.delete(JANE.user_id);
      expect((await control(auth0, 'PUT', 'state', { body: text })).status).toBe(204);
      expect(auth0.users.get(JANE.user_id)?.user_metadata).toEqual({ color: 'pink' });
    });

    it('refuses a faulty state with a 400 that names the path of the fault, and changes nothing', async () => {
      const auth0 = tenant();
      const before = JSON.stringify(await auth0.exportState());
      const faulty = { format: FORMAT, version: 1, users: [{ user_id: 'auth0|x', email: 3 }] };
      for (const [method, path] of [
        ['PUT', 'state'],
        ['POST', 'reset'],
      ] as const) {
        expect(await answer(await control(auth0, method, path, { body: JSON.stringify(faulty) }))).toEqual({
          status: 400,
          body: {
            statusCode: 400,
            error: 'Bad Request',
            message: 'state.users[0] (auth0|x): email must be a string, not integer',
            errorCode: 'invalid_body',
          },
        });
      }
      expect(await answer(await control(auth0, 'PUT', 'state', { body: '{"format":' }))).toEqual({
        status: 400,
        body: {
          statusCode: 400,
          error: 'Bad Request',
          message: 'Invalid request payload JSON format',
          errorCode: 'invalid_body',
        },
      });
      expect((await control(auth0, 'PUT', 'state', { body: '' })).status).toBe(400);
      expect(JSON.stringify(await auth0.exportState())).toBe(before);
    });

    it('answers a hostile state with a 400, never a 500, and pollutes nothing', async () => {
      const auth0 = tenant();
      const deep = `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`;
      const bodies = [
        `{"format":"${FORMAT}","version":1,"users":[{"user_id":"auth0|x","user_metadata":${deep}}]}`,
        `{"format":"${FORMAT}","version":1,"resourceServers":[{"id":"a","identifier":"b","deep":${deep}}]}`,
        `{"format":"${FORMAT}","version":1,"__proto__":{"polluted":true}}`,
        `{"format":"${FORMAT}","version":1,"roles":[{"id":"r","name":"n","permissions":[],"users":[],"constructor":{"prototype":{"polluted":true}}}]}`,
        '"a state"',
        'null',
      ];
      for (const body of bodies) {
        const response = await control(auth0, 'PUT', 'state', { body });
        expect(response.status, body.slice(0, 80)).toBe(400);
        expect(((await response.json()) as { message: string }).message).toMatch(/^state/);
      }
      expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
      expect(auth0.users.size).toBe(2);
    });

    it('refuses a state over the body limit with Auth0’s 413, as any request', async () => {
      const auth0 = tenant({ bodyLimit: 64 });
      const state = { format: FORMAT, version: 1, users: [JANE, JOHN] };
      expect((await control(auth0, 'PUT', 'state', { body: JSON.stringify(state) })).status).toBe(413);
      expect(auth0.users.size).toBe(2);
    });

    it('GET /emulator/v1/outbox gives what the tenant would have emailed, oldest first', async () => {
      const auth0 = tenant({ domain: DOMAIN });
      const management = sdk((request) => auth0.fetch(request));
      await management.jobs.verificationEmail.create({ user_id: JANE.user_id });
      const ticket = await management.tickets.changePassword({ user_id: JOHN.user_id });
      expect(await answer(await control(auth0, 'GET', 'outbox'))).toEqual({
        status: 200,
        body: [
          { type: 'verification_email', user_id: JANE.user_id, email: JANE.email, created_at: NOW.toISOString() },
          {
            type: 'password_change',
            user_id: JOHN.user_id,
            email: JOHN.email,
            ticket: ticket.ticket,
            created_at: NOW.toISOString(),
          },
        ],
      });
    });

    it('serves the same over HTTP with listen()', async () => {
      const auth0 = tenant();
      const server = await auth0.listen();
      try {
        const headers = { authorization: `Bearer ${TOKEN}` };
        const state = await fetch(`${server.url}/emulator/v1/state`, { headers });
        expect(((await state.json()) as { users: unknown[] }).users).toHaveLength(2);
        const reset = await fetch(`${server.url}/emulator/v1/reset`, { method: 'POST', headers });
        expect(reset.status).toBe(204);
        expect(await reset.text()).toBe('');
        expect(auth0.users.size).toBe(0);
      } finally {
        await server.close();
      }
    });
  });
}
