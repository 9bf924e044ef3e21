/**
 * The state of a whole tenant: `exportState()`, `createEmulator({ state })` and `importState()`. Expectations come
 * from the format as emulator/README.md documents it ("The state format"), never from the code.
 */
import fc from 'fast-check';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { describe, expect, it } from 'vitest';
import {
  API,
  CLIENT,
  DATABASE,
  decodeJwt,
  DOMAIN,
  JANE,
  JANE_PASSWORD,
  NOW,
  PASSWORD_REALM,
  raw,
  rejection,
  sdk,
  TOKEN,
  tokenFor,
  tokenRequest,
  WEB,
  type Emulator,
  type EmulatorModule,
} from './harness.js';

const FORMAT = 'auth0-user-patch-emulator/state';
/** The fields of an exported state, in the order the README lists them. */
const FIELDS = [
  'format',
  'version',
  'connections',
  'managementApiId',
  'resourceServers',
  'users',
  'passwords',
  'roles',
  'userPermissions',
  'jobs',
  'outbox',
  'signingKey',
  'sessions',
  'refreshTokens',
  'opaqueTokens',
];
type Exported = Awaited<ReturnType<Emulator['exportState']>>;
const READ_POSTS = { resource_server_identifier: API, permission_name: 'read:posts' };

export function stateSuite({ createEmulator }: EmulatorModule): void {
  type Options = Parameters<EmulatorModule['createEmulator']>[0];
  const tenant = (options: Options = {}): Emulator =>
    createEmulator({
      clients: [CLIENT, WEB],
      token: TOKEN,
      domain: DOMAIN,
      resourceServers: [{ identifier: API, scopes: [{ value: 'read:posts' }], allow_offline_access: true }],
      ...options,
    });
  /** The state as a file holds it: through JSON and back. */
  const saved = async (auth0: Emulator) => JSON.parse(JSON.stringify(await auth0.exportState())) as Exported;
  const signInJane = (auth0: Emulator) =>
    tokenRequest(auth0, {
      grant_type: PASSWORD_REALM,
      client_id: WEB.clientId,
      client_secret: WEB.clientSecret,
      username: JANE.email,
      password: JANE_PASSWORD,
      realm: DATABASE,
      audience: API,
      scope: 'openid offline_access read:posts',
    });

  /** A tenant with something in every store, built through the SDK and the token endpoint. */
  async function busyTenant() {
    const auth0 = tenant({ users: [JANE], now: () => NOW });
    const management = sdk((request) => auth0.fetch(request));
    const role = await management.roles.create({ name: 'editor', description: 'Edits posts' });
    await management.roles.permissions.add(role.id as string, { permissions: [READ_POSTS] });
    await management.users.roles.assign(JANE.user_id, { roles: [role.id as string] });
    await management.users.permissions.create(JANE.user_id, { permissions: [READ_POSTS] });
    const job = await management.jobs.verificationEmail.create({ user_id: JANE.user_id });
    await management.tickets.changePassword({ user_id: JANE.user_id });
    const signIn = await signInJane(auth0);
    expect(signIn.status).toBe(200);
    const tokens = (await signIn.json()) as { access_token: string; refresh_token: string };
    return { auth0, role, job, tokens };
  }

  describe('exportState', () => {
    it('gives a fresh tenant as the format says: its connection with an id, its API, no data, and its signing key', async () => {
      const auth0 = tenant();
      const exported = await auth0.exportState();
      expect(Object.keys(exported)).toEqual(FIELDS);
      const base64url = expect.stringMatching(/^[A-Za-z0-9_-]+$/);
      expect(exported).toEqual({
        format: FORMAT,
        version: 1,
        connections: [
          {
            id: expect.stringMatching(/^con_[A-Za-z0-9]{16}$/),
            name: DATABASE,
            strategy: 'auth0',
            requiresUsername: false,
          },
        ],
        managementApiId: expect.stringMatching(/^[0-9a-f]{24}$/),
        resourceServers: [expect.objectContaining({ id: expect.any(String), identifier: API })],
        users: [],
        passwords: [],
        roles: [],
        userPermissions: [],
        jobs: [],
        outbox: [],
        signingKey: {
          kty: 'RSA',
          kid: expect.any(String),
          ...Object.fromEntries(['n', 'e', 'd', 'p', 'q', 'dp', 'dq', 'qi'].map((member) => [member, base64url])),
        },
        sessions: [],
        refreshTokens: [],
        opaqueTokens: [],
      });
      const jwks = (await (await raw(auth0, 'GET', '/.well-known/jwks.json')).json()) as { keys: { kid: string }[] };
      expect(jwks.keys.map((key) => key.kid)).toEqual([exported.signingKey.kid]);
      const apis = (await (await raw(auth0, 'GET', '/api/v2/resource-servers')).json()) as { id: string }[];
      expect(apis.map((api) => api.id)).toEqual([exported.managementApiId, exported.resourceServers[0]?.id]);
    });

    it('carries every store of a busy tenant, in the documented shapes; the same tenant gives the same JSON', async () => {
      const { auth0, role, job, tokens } = await busyTenant();
      const exported = await saved(auth0);
      expect(JSON.stringify(await auth0.exportState())).toBe(JSON.stringify(exported));
      expect(exported.users).toEqual([auth0.users.get(JANE.user_id)]);
      expect(exported.passwords).toEqual([
        {
          user_id: JANE.user_id,
          salt: expect.stringMatching(/^[A-Za-z0-9_-]{22}$/),
          hash: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
        },
      ]);
      expect(JSON.stringify(exported)).not.toContain(JANE_PASSWORD);
      expect(exported.roles).toEqual([
        {
          id: role.id,
          name: 'editor',
          description: 'Edits posts',
          permissions: [READ_POSTS],
          users: [{ user_id: JANE.user_id, assigned_at: NOW.toISOString() }],
        },
      ]);
      expect(exported.userPermissions).toEqual([{ user_id: JANE.user_id, permissions: [READ_POSTS] }]);
      expect(exported.jobs).toEqual([{ id: job.id, type: 'verification_email', created_at: NOW.toISOString() }]);
      expect(exported.outbox).toEqual(JSON.parse(JSON.stringify(auth0.outbox)));
      expect(exported.outbox.map((message) => message.type)).toEqual(['verification_email', 'password_change']);
      expect(exported.sessions).toEqual([]);
      expect(exported.refreshTokens).toEqual([
        {
          token: tokens.refresh_token,
          user_id: JANE.user_id,
          client_id: WEB.clientId,
          audience: API,
          scopes: ['openid', 'offline_access', 'read:posts'],
          connection: DATABASE,
        },
      ]);
      expect(exported.opaqueTokens).toEqual([]);
    });
  });

  describe('a state given to a fresh emulator', () => {
    it('is the same tenant: the same export, users, roles, permissions, jobs and outbox', async () => {
      const { auth0, role, job } = await busyTenant();
      const exported = await saved(auth0);
      const again = tenant({ state: exported });
      expect(JSON.stringify(await again.exportState())).toBe(JSON.stringify(exported));
      const left = sdk((request) => auth0.fetch(request));
      const right = sdk((request) => again.fetch(request));
      expect(await right.users.get(JANE.user_id)).toEqual(await left.users.get(JANE.user_id));
      const roleId = role.id as string;
      expect((await right.roles.users.list(roleId)).data).toEqual((await left.roles.users.list(roleId)).data);
      expect((await right.users.permissions.list(JANE.user_id)).data).toEqual(
        (await left.users.permissions.list(JANE.user_id)).data,
      );
      expect(await right.jobs.get(job.id)).toEqual(await left.jobs.get(job.id));
      expect((await right.resourceServers.list()).data).toEqual((await left.resourceServers.list()).data);
      expect(again.outbox).toEqual(auth0.outbox);
    });

    it('signs its users in with their passwords and exchanges its refresh tokens; its tokens still verify', async () => {
      const { auth0, tokens } = await busyTenant();
      const managementToken = await tokenFor(auth0);
      const again = tenant({ state: await saved(auth0), now: () => NOW });
      expect((await signInJane(again)).status).toBe(200);
      const refreshed = await tokenRequest(again, {
        grant_type: 'refresh_token',
        client_id: WEB.clientId,
        client_secret: WEB.clientSecret,
        refresh_token: tokens.refresh_token,
      });
      expect(refreshed.status).toBe(200);
      expect(decodeJwt(((await refreshed.json()) as { access_token: string }).access_token).claims).toMatchObject({
        sub: JANE.user_id,
      });
      const users = await raw(again, 'GET', '/api/v2/users', {
        headers: { authorization: `Bearer ${managementToken}` },
      });
      expect(users.status).toBe(200);
      const server = await again.listen();
      try {
        const jwks = createRemoteJWKSet(new URL(`${server.url}/.well-known/jwks.json`));
        const { payload } = await jwtVerify(tokens.access_token, jwks, {
          issuer: `https://${DOMAIN}/`,
          audience: API,
          currentDate: NOW,
        });
        expect(payload.sub).toBe(JANE.user_id);
      } finally {
        await server.close();
      }
    });

    it('may be as short as its format and version, or give users with passwords in clear, as options.users does', async () => {
      const auth0 = tenant({ state: { format: FORMAT, version: 1 } });
      expect(auth0.users.size).toBe(0);
      const seeded = tenant({ state: { format: FORMAT, version: 1, users: [JANE] } });
      expect(seeded.users.get(JANE.user_id)).not.toHaveProperty('password');
      expect((await signInJane(seeded)).status).toBe(200);
    });

    it('brings its connections, in place of the options’ (a client’s connections and defaultDirectory must be there)', async () => {
      const connections = [
        {
          id: 'con_legacy0000000001',
          name: 'Legacy',
          strategy: 'auth0',
          requiresUsername: true,
          passwordPolicy: 'good' as const,
          password_complexity_options: { min_length: 8 },
        },
        { id: 'con_google0000000001', name: 'google-oauth2', strategy: 'google-oauth2', requiresUsername: false },
      ];
      const auth0 = tenant({ state: { format: FORMAT, version: 1, connections } });
      expect((await auth0.exportState()).connections).toEqual(connections);
      const create = (password: string) =>
        raw(auth0, 'POST', '/api/v2/users', {
          body: JSON.stringify({ connection: 'Legacy', email: 'x@example.com', username: 'x', password }),
        });
      // The connection's own policy ("good": 8 characters, 3 of 4 kinds), not the default's 15 characters.
      expect((await create('Short-1x')).status).toBe(201);
      expect(await (await create('password')).json()).toMatchObject({
        message: 'PasswordStrengthError: Password is too weak',
      });
      const withoutUsername = await raw(auth0, 'POST', '/api/v2/users', {
        body: JSON.stringify({ connection: 'Legacy', email: 'y@example.com', password: 'Short-1x' }),
      });
      expect(await withoutUsername.json()).toMatchObject({ message: expect.stringMatching(/username/) });
      expect(() =>
        createEmulator({
          clients: [{ ...WEB, connections: [DATABASE] }],
          state: { format: FORMAT, version: 1, connections },
        }),
      ).toThrow(
        new TypeError(
          'createEmulator: options.state.connections lacks Username-Password-Authentication, a connection the application web-app enables',
        ),
      );
      expect(() =>
        createEmulator({
          token: TOKEN,
          defaultDirectory: DATABASE,
          state: { format: FORMAT, version: 1, connections },
        }),
      ).toThrow(
        new TypeError(
          "createEmulator: options.state.connections lacks the database connection Username-Password-Authentication, the tenant's defaultDirectory",
        ),
      );
    });

    it('is not given with users, nor with a signing key of its own beside options.signingKey', async () => {
      expect(() => createEmulator({ token: TOKEN, users: [], state: { format: FORMAT, version: 1 } })).toThrow(
        new TypeError('createEmulator: give options.users or options.state, not both (the state holds the users)'),
      );
      const { signingKey } = await tenant().exportState();
      expect(() =>
        createEmulator({ token: TOKEN, signingKey, state: { format: FORMAT, version: 1, signingKey } }),
      ).toThrow(new TypeError('createEmulator: give options.signingKey or options.state.signingKey, not both'));
    });
  });

  describe('importState', () => {
    it('replaces the whole tenant; what the state leaves out is as reset() leaves it, and the signing key stays', async () => {
      const { auth0 } = await busyTenant();
      const management = sdk((request) => auth0.fetch(request));
      const keyBefore = (await auth0.exportState()).signingKey;
      await management.resourceServers.create({ identifier: 'https://other.example.com/' });
      await auth0.importState({ format: FORMAT, version: 1, users: [{ user_id: 'auth0|new' }] });
      const after = await auth0.exportState();
      expect([...auth0.users.keys()]).toEqual(['auth0|new']);
      expect(after.resourceServers.map((server) => server.identifier)).toEqual([API]);
      expect([after.roles, after.userPermissions, after.jobs, after.outbox, after.refreshTokens]).toEqual([
        [],
        [],
        [],
        [],
        [],
      ]);
      expect(after.signingKey).toEqual(keyBefore);
      // The SDK's cached token was signed before the import: it still works.
      expect((await management.users.get('auth0|new')).user_id).toBe('auth0|new');
    });

    it('takes the signing key a state gives: tokens it signed before verify, and the JWKS publishes it', async () => {
      const { auth0 } = await busyTenant();
      const exported = await saved(auth0);
      const other = tenant({ now: () => NOW });
      await other.importState(exported);
      expect(await other.exportState()).toEqual(exported);
      const token = await tokenFor(auth0);
      expect((await raw(other, 'GET', '/api/v2/users', { headers: { authorization: `Bearer ${token}` } })).status).toBe(
        200,
      );
    });

    it('rejects a faulty state with a TypeError naming its path, and changes nothing', async () => {
      const { auth0 } = await busyTenant();
      const before = JSON.stringify(await auth0.exportState());
      const faulty = { format: FORMAT, version: 1, users: [{ user_id: 'auth0|a' }], roles: [{ id: 'rol_1' }] };
      const error = await rejection(auth0.importState(faulty as never));
      expect(error).toEqual(new TypeError('importState: state.roles[0].name is missing'));
      expect(JSON.stringify(await auth0.exportState())).toBe(before);
    });

    it('rejects a signing key Web Crypto cannot use, and changes nothing', async () => {
      const { auth0 } = await busyTenant();
      const before = JSON.stringify(await auth0.exportState());
      const { signingKey } = await tenant().exportState();
      const broken = { ...signingKey, n: 'AQAB' }; // a modulus not of this key
      const error = await rejection(auth0.importState({ format: FORMAT, version: 1, signingKey: broken }));
      expect(error).toBeInstanceOf(TypeError);
      expect(error.message).toMatch(/^importState: state\.signingKey is not a usable RSA private key: /);
      expect(JSON.stringify(await auth0.exportState())).toBe(before);
    });
  });

  describe('the check', () => {
    const user = (id: string, extra: object = {}) => ({
      user_id: id,
      identities: [{ connection: DATABASE, provider: 'auth0', user_id: id.slice(6), isSocial: false }],
      ...extra,
    });
    const base = { format: FORMAT, version: 1 };
    const cases: [string, unknown, string][] = [
      ['an array', [], 'state must be an object, not array'],
      ['another format', { ...base, format: 'firebase' }, 'state.format must be "auth0-user-patch-emulator/state"'],
      ['no version', { format: FORMAT }, 'state.version is missing'],
      ['a newer version', { ...base, version: 2 }, 'state.version 2 is newer than this emulator reads (1): update it'],
      ['a version as text', { ...base, version: '1' }, 'state.version must be 1'],
      ['an unknown field', { ...base, user: [] }, 'state has a field the format does not know: user'],
      [
        'a __proto__ field',
        JSON.parse(`{"format":"${FORMAT}","version":1,"__proto__":{}}`),
        'state has a field the format does not know: __proto__',
      ],
      ['users that are not a list', { ...base, users: {} }, 'state.users must be an array of users'],
      [
        'a malformed user',
        { ...base, users: [user('auth0|1'), { user_id: 'auth0|2', email: 3 }] },
        'state.users[1] (auth0|2): email must be a string, not integer',
      ],
      [
        'a connection without a strategy',
        { ...base, connections: [{ id: 'con_1', name: 'A' }] },
        'state.connections[0].strategy must be a non-empty string',
      ],
      [
        'two connections with one id',
        {
          ...base,
          connections: [
            { id: 'con_1', name: 'A', strategy: 'auth0' },
            { id: 'con_1', name: 'B', strategy: 'auth0' },
          ],
        },
        'state.connections[1].id repeats con_1',
      ],
      [
        'an API without an identifier',
        { ...base, resourceServers: [{ id: 'a1' }] },
        'state.resourceServers[0].identifier is missing',
      ],
      [
        'an API with the Management API’s id',
        { ...base, managementApiId: 'a1', resourceServers: [{ id: 'a1', identifier: API }] },
        'state.resourceServers[0].id repeats a1',
      ],
      [
        'two APIs with one identifier',
        {
          ...base,
          resourceServers: [
            { id: 'a1', identifier: API },
            { id: 'a2', identifier: API },
          ],
        },
        `state.resourceServers[1].identifier repeats ${API}`,
      ],
      [
        'a scope without a value',
        { ...base, resourceServers: [{ id: 'a1', identifier: API, scopes: [{ description: 'x' }] }] },
        'state.resourceServers[0].scopes[0].value is missing',
      ],
      [
        'a password of nobody',
        { ...base, passwords: [{ user_id: 'auth0|ghost', salt: 'A'.repeat(22), hash: 'B'.repeat(43) }] },
        'state.passwords[0].user_id names no user of the state: auth0|ghost',
      ],
      [
        'a salt too short',
        { ...base, users: [user('auth0|1')], passwords: [{ user_id: 'auth0|1', salt: 'short', hash: 'B'.repeat(43) }] },
        'state.passwords[0].salt must be 16 bytes in base64url (22 characters)',
      ],
      [
        'a hash in hex',
        {
          ...base,
          users: [user('auth0|1')],
          passwords: [{ user_id: 'auth0|1', salt: 'A'.repeat(22), hash: 'ab'.repeat(32) }],
        },
        'state.passwords[0].hash must be 32 bytes in base64url (43 characters)',
      ],
      [
        'a password hash and a password',
        {
          ...base,
          users: [user('auth0|1', { password: 'x' })],
          passwords: [{ user_id: 'auth0|1', salt: 'A'.repeat(22), hash: 'B'.repeat(43) }],
        },
        "state.passwords[0].user_id has a password in the state's users too",
      ],
      [
        'a password of a social user',
        {
          ...base,
          users: [{ user_id: 'google-oauth2|1' }],
          passwords: [{ user_id: 'google-oauth2|1', salt: 'A'.repeat(22), hash: 'B'.repeat(43) }],
        },
        'state.passwords[0].user_id names a user whose first identity is not in a database connection',
      ],
      [
        'a role without permissions',
        { ...base, roles: [{ id: 'rol_1', name: 'a', users: [] }] },
        'state.roles[0].permissions is missing',
      ],
      [
        'two roles with one name',
        {
          ...base,
          roles: [
            { id: 'rol_1', name: 'a', permissions: [], users: [] },
            { id: 'rol_2', name: 'a', permissions: [], users: [] },
          ],
        },
        'state.roles[1].name repeats a',
      ],
      [
        'a role held by nobody known',
        {
          ...base,
          roles: [
            {
              id: 'rol_1',
              name: 'a',
              permissions: [],
              users: [{ user_id: 'auth0|ghost', assigned_at: NOW.toISOString() }],
            },
          ],
        },
        'state.roles[0].users[0].user_id names no user of the state: auth0|ghost',
      ],
      [
        'a role assigned at no date',
        {
          ...base,
          users: [user('auth0|1')],
          roles: [
            { id: 'rol_1', name: 'a', permissions: [], users: [{ user_id: 'auth0|1', assigned_at: 'yesterday' }] },
          ],
        },
        'state.roles[0].users[0].assigned_at must be a date in ISO 8601, not "yesterday"',
      ],
      [
        'a permission without a name',
        {
          ...base,
          users: [user('auth0|1')],
          userPermissions: [{ user_id: 'auth0|1', permissions: [{ resource_server_identifier: API }] }],
        },
        'state.userPermissions[0].permissions[0].permission_name is missing',
      ],
      [
        'a job of another type',
        { ...base, jobs: [{ id: 'job_1', type: 'users_export', created_at: NOW.toISOString() }] },
        'state.jobs[0].type must be "verification_email"',
      ],
      [
        'a message of another type',
        {
          ...base,
          outbox: [{ type: 'sms', user_id: 'auth0|1', email: 'a@example.com', created_at: NOW.toISOString() }],
        },
        'state.outbox[0].type must be one of verification_email, password_change, email_verification',
      ],
      [
        'a public signing key',
        { ...base, signingKey: { kty: 'RSA', n: 'AQAB', e: 'AQAB' } },
        'state.signingKey.d must be a base64url string: give the private key, not the public one',
      ],
      [
        'a signing key as PEM',
        { ...base, signingKey: '-----BEGIN PRIVATE KEY-----' },
        'state.signingKey must be a private RSA JWK, not string',
      ],
      [
        'a session of a negative time',
        { ...base, users: [user('auth0|1')], sessions: [{ id: 's1', user_id: 'auth0|1', auth_time: -1 }] },
        'state.sessions[0].auth_time must be a whole number of seconds, not -1',
      ],
      [
        'a refresh token without scopes',
        { ...base, refreshTokens: [{ token: 'v1.x', user_id: 'auth0|1', client_id: 'web-app', connection: DATABASE }] },
        'state.refreshTokens[0].scopes is missing',
      ],
      [
        'an opaque token twice',
        {
          ...base,
          users: [user('auth0|1')],
          opaqueTokens: [1, 2].map(() => ({ token: 't', user_id: 'auth0|1', scopes: [], expires_at: 1 })),
        },
        'state.opaqueTokens[1].token repeats t',
      ],
    ];
    it.each(cases)('refuses %s, naming the path of the fault', async (_name, given, message) => {
      const auth0 = tenant();
      expect(await rejection(auth0.importState(given as never))).toEqual(new TypeError(`importState: ${message}`));
      expect(() => tenant({ state: given as never })).toThrow(new TypeError(`createEmulator: options.${message}`));
    });
  });

  describe('the law', () => {
    const DATABASE_USER = (id: number) => ({
      connection: DATABASE,
      email: `user${id}@example.com`,
      password: 'Sturdy-Pass-2026',
    });
    /** What a test could do to a tenant, through the Management API and the token endpoint. */
    const step = fc.oneof(
      fc.record({ kind: fc.constant('user' as const), id: fc.nat(5), metadata: fc.jsonValue({ maxDepth: 2 }) }),
      fc.record({ kind: fc.constant('delete' as const), id: fc.nat(5) }),
      fc.record({ kind: fc.constant('role' as const), name: fc.constantFrom('a', 'b', 'c') }),
      fc.record({ kind: fc.constant('assign' as const), id: fc.nat(5), role: fc.nat(2) }),
      fc.record({ kind: fc.constant('grant' as const), id: fc.nat(5), role: fc.option(fc.nat(2), { nil: undefined }) }),
      fc.record({ kind: fc.constant('email' as const), id: fc.nat(5) }),
      fc.record({ kind: fc.constant('signIn' as const), id: fc.nat(5) }),
      fc.record({ kind: fc.constant('api' as const), name: fc.constantFrom('x', 'y') }),
    );
    type Step = typeof step extends fc.Arbitrary<infer T> ? T : never;

    async function apply(auth0: Emulator, steps: readonly Step[]) {
      const ids: string[] = [];
      const roles: string[] = [];
      const send = (method: string, path: string, body: unknown) =>
        raw(auth0, method, path, { body: JSON.stringify(body) }).then(async (response) =>
          response.status < 300 && response.status !== 204 ? ((await response.json()) as Record<string, unknown>) : {},
        );
      for (const each of steps) {
        const userId = 'id' in each ? ids[each.id % Math.max(ids.length, 1)] : undefined;
        switch (each.kind) {
          case 'user': {
            const created = await send('POST', '/api/v2/users', {
              ...DATABASE_USER(each.id),
              user_metadata: { v: each.metadata },
            });
            if (typeof created['user_id'] === 'string') ids.push(created['user_id']);
            break;
          }
          case 'delete':
            if (userId !== undefined) await send('DELETE', `/api/v2/users/${encodeURIComponent(userId)}`, undefined);
            break;
          case 'role': {
            const created = await send('POST', '/api/v2/roles', { name: each.name, description: `role ${each.name}` });
            if (typeof created['id'] === 'string') roles.push(created['id']);
            break;
          }
          case 'assign': {
            const role = roles[each.role % Math.max(roles.length, 1)];
            if (userId !== undefined && role !== undefined)
              await send('POST', `/api/v2/roles/${role}/users`, { users: [userId] });
            break;
          }
          case 'grant': {
            const role = each.role === undefined ? undefined : roles[each.role % Math.max(roles.length, 1)];
            const body = { permissions: [READ_POSTS] };
            if (role !== undefined) await send('POST', `/api/v2/roles/${role}/permissions`, body);
            else if (userId !== undefined)
              await send('POST', `/api/v2/users/${encodeURIComponent(userId)}/permissions`, body);
            break;
          }
          case 'email':
            if (userId !== undefined) await send('POST', '/api/v2/jobs/verification-email', { user_id: userId });
            break;
          case 'signIn': {
            const email = userId === undefined ? undefined : auth0.users.get(userId)?.email;
            if (email !== undefined)
              await tokenRequest(auth0, {
                grant_type: PASSWORD_REALM,
                client_id: WEB.clientId,
                client_secret: WEB.clientSecret,
                username: email,
                password: 'Sturdy-Pass-2026',
                realm: DATABASE,
                audience: API,
                scope: 'openid offline_access',
              });
            break;
          }
          case 'api':
            await send('POST', '/api/v2/resource-servers', { identifier: `https://${each.name}.example.com/` });
            break;
        }
      }
    }

    it('export, then import into a fresh emulator or the same one, then export again gives the same JSON', async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(step, { maxLength: 14 }), async (steps) => {
          const auth0 = tenant({ now: () => NOW });
          await apply(auth0, steps);
          const first = JSON.stringify(await auth0.exportState());
          const fresh = tenant({ state: JSON.parse(first) });
          expect(JSON.stringify(await fresh.exportState())).toBe(first);
          await auth0.importState(JSON.parse(first));
          expect(JSON.stringify(await auth0.exportState())).toBe(first);
        }),
        { numRuns: 20 },
      );
    });
  });
}
