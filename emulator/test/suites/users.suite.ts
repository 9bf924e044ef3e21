/** The users routes as an app's tests use them: search, read by email, fields, uniqueness, connections, refusals. */
import { createHash } from 'node:crypto';
import { Management, ManagementError } from 'auth0';
import type { Auth0User } from 'auth0-user-patch';
import { describe, expect, it } from 'vitest';
import { CLIENT, DATABASE, NOW, raw, rejection, sdk, TOKEN, type EmulatorModule } from './harness.js';

const SEEDS = [
  {
    user_id: 'auth0|jane',
    email: 'jane@example.com',
    name: 'Jane Doe',
    created_at: '2026-01-01T00:00:00.000Z',
    logins_count: 3,
    identities: [{ connection: DATABASE, provider: 'auth0', user_id: 'jane', isSocial: false }],
    user_metadata: { color: 'pink', plan: 'pro' },
    app_metadata: { roles: ['admin'] },
  },
  {
    user_id: 'auth0|john',
    email: 'john@example.com',
    name: 'John Smith',
    created_at: '2026-02-01T00:00:00.000Z',
    logins_count: 10,
    identities: [{ connection: DATABASE, provider: 'auth0', user_id: 'john', isSocial: false }],
    user_metadata: { color: 'blue' },
  },
  {
    user_id: 'google-oauth2|42',
    email: 'jo@gmail.example',
    name: 'Jo Google',
    created_at: '2026-03-01T00:00:00.000Z',
    logins_count: 1,
    identities: [{ connection: 'google-oauth2', provider: 'google-oauth2', user_id: '42', isSocial: true }],
  },
];

export function usersSuite({ createEmulator }: EmulatorModule): void {
  const connections = [
    { name: DATABASE, strategy: 'auth0' },
    { name: 'google-oauth2', strategy: 'google-oauth2' },
    { name: 'email', strategy: 'email' },
    { name: 'with-usernames', strategy: 'auth0', requiresUsername: true },
  ];
  const fresh = () => createEmulator({ clients: [CLIENT], token: TOKEN, users: SEEDS, connections, now: () => NOW });
  const ids = (users: readonly { user_id?: string | undefined }[]) => users.map((user) => user.user_id);

  describe('a passwordless sms connection', () => {
    it('keeps one user per phone number: 409 on create, 400 on a PATCH to a number another has', async () => {
      // An sms user is its phone number in its connection, as an email user is its email (found in review).
      const auth0 = createEmulator({
        clients: [CLIENT],
        connections: [{ name: 'sms', strategy: 'sms' }],
        now: () => NOW,
      });
      const management = sdk((request) => auth0.fetch(request));
      await management.users.create({ connection: 'sms', phone_number: '+15551234567' });
      const twice = await rejection(management.users.create({ connection: 'sms', phone_number: '+15551234567' }));
      expect(twice).toBeInstanceOf(Management.ConflictError);
      expect(twice.body).toEqual({
        statusCode: 409,
        error: 'Conflict',
        message: 'The user already exists.',
        errorCode: 'auth0_idp_error',
      });
      const other = await management.users.create({ connection: 'sms', phone_number: '+15557654321' });
      const moved = await rejection(management.users.update(other.user_id as string, { phone_number: '+15551234567' }));
      expect(moved.body).toEqual({
        statusCode: 400,
        error: 'Bad Request',
        message: 'The specified new phone number already exists',
        errorCode: 'auth0_idp_error',
      });
      expect(auth0.users.size).toBe(2);
    });
  });

  describe('GET /api/v2/users with Auth0’s search (v3), through the SDK', () => {
    const auth0 = fresh();
    const management = sdk((request) => auth0.fetch(request));
    const search = async (q: string, extra: Record<string, unknown> = {}) =>
      ids((await management.users.list({ q, search_engine: 'v3', ...extra })).data);

    it.each([
      ['a quoted email', 'email:"john@example.com"', ['auth0|john']],
      ['a wildcard', 'email:jo*', ['auth0|john', 'google-oauth2|42']],
      ['a connection', 'identities.connection:"google-oauth2"', ['google-oauth2|42']],
      ['metadata', 'user_metadata.color:pink', ['auth0|jane']],
      [
        'OR and NOT',
        '(user_metadata.color:pink OR user_metadata.color:blue) AND NOT name:"John Smith"',
        ['auth0|jane'],
      ],
      ['a range', 'logins_count:[2 TO 10]', ['auth0|jane', 'auth0|john']],
      ['a date range', 'created_at:[2026-01-15 TO *]', ['auth0|john', 'google-oauth2|42']],
      ['an existence check', '_exists_:app_metadata.roles', ['auth0|jane']],
    ])('finds users by %s', async (_case, q, expected) => {
      expect(await search(q)).toEqual(expected);
    });

    it('sorts, pages, counts and projects', async () => {
      expect(ids((await management.users.list({ sort: 'logins_count:-1' })).data)).toEqual([
        'auth0|john',
        'auth0|jane',
        'google-oauth2|42',
      ]);
      const page = await raw(
        auth0,
        'GET',
        '/api/v2/users?sort=created_at:1&page=1&per_page=1&include_totals=true&fields=user_id,email',
      );
      expect(await page.json()).toEqual({
        start: 1,
        limit: 1,
        length: 1,
        users: [{ user_id: 'auth0|john', email: 'john@example.com' }],
        total: 3,
      });
      const without = await raw(
        auth0,
        'GET',
        '/api/v2/users?q=user_id:"auth0|jane"&fields=user_metadata,app_metadata,identities&include_fields=false',
      );
      expect(await without.json()).toEqual([
        {
          user_id: 'auth0|jane',
          email: 'jane@example.com',
          name: 'Jane Doe',
          created_at: '2026-01-01T00:00:00.000Z',
          logins_count: 3,
        },
      ]);
    });

    it('refuses a malformed query with BadRequestError, and v1/v2 engines, and paging past 1,000', async () => {
      const malformed = await rejection(management.users.list({ q: 'email:(jane', search_engine: 'v3' }));
      expect(malformed).toBeInstanceOf(Management.BadRequestError);
      expect(malformed.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
      expect((await rejection(management.users.list({ q: 'email:x', search_engine: 'v1' }))).body).toEqual({
        statusCode: 400,
        error: 'Bad Request',
        message: 'You are not allowed to use search_engine=v1.',
        errorCode: 'invalid_query_string',
      });
      expect((await rejection(management.users.list({ page: 10, per_page: 100 }))).body).toMatchObject({
        message:
          'You can only page through the first 1000 records. See https://auth0.com/docs/users/search/v3/view-search-results-by-page#limitation.',
      });
    });

    it('refuses a query of more than 1,024 terms (the attack’s 1,790 ORs), and answers one of 1,024 at once', async () => {
      const terms = (count: number) => Array.from({ length: count }, (_, index) => `u${index}@example.com`);
      const long = await rejection(management.users.list({ q: terms(1790).join(' OR '), search_engine: 'v3' }));
      expect(long).toBeInstanceOf(Management.BadRequestError);
      expect(long.body).toEqual({
        statusCode: 400,
        error: 'Bad Request',
        message: 'The query tests 1790 terms, more than the 1024 a search takes',
        errorCode: 'invalid_query_string',
      });
      const { data } = await management.users.list({
        q: `${terms(1023).join(' OR ')} OR jane@example.com`,
        search_engine: 'v3',
      });
      expect(data.map((user) => user.user_id)).toEqual(['auth0|jane']);
    });

    it('answers Auth0’s 503 timeout to a search that would compare more than its budget, counted not timed', async () => {
      // 500,000 tests and values, and 128 more per user: 1,024 wildcards spend 2,048 on each user.
      const crowd = (count: number) =>
        Array.from({ length: count }, (_, index) => ({ user_id: `auth0|${index}`, name: `User ${index}` }));
      const q = Array.from({ length: 1024 }, (_, index) => `name:abc${index}*`).join(' OR ');
      const small = createEmulator({ token: TOKEN, users: crowd(100) });
      expect((await raw(small, 'GET', `/api/v2/users?q=${encodeURIComponent(q)}`)).status).toBe(200);
      const large = createEmulator({ token: TOKEN, users: crowd(300) });
      const response = await raw(large, 'GET', `/api/v2/users?q=${encodeURIComponent(q)}`);
      expect(response.status).toBe(503);
      expect(await response.json()).toEqual({
        statusCode: 503,
        error: 'Service Unavailable',
        message:
          'The query exceeded the timeout. Please try refining your search criteria. See https://auth0.com/docs/best-practices/search-best-practices.',
      });
      // The same users answer a cheaper query.
      expect((await raw(large, 'GET', `/api/v2/users?q=${encodeURIComponent('name:abc*')}`)).status).toBe(200);
    });
  });

  describe('query strings are checked, never ignored', () => {
    const auth0 = fresh();
    it.each([
      [
        'an unknown parameter',
        '/api/v2/users?search=jane',
        "Query validation error: 'Additional properties not allowed: search'.",
      ],
      [
        'a wrong type',
        '/api/v2/users?per_page=many',
        "Query validation error: 'Expected type integer but found type string' on property per_page (Number of results per page.).",
      ],
      [
        'a value over the maximum',
        '/api/v2/users?per_page=101',
        "Query validation error: 'Value 101 is greater than maximum 100' on property per_page (Number of results per page.).",
      ],
      [
        'a repeated parameter',
        '/api/v2/users?page=1&page=2',
        "Query validation error: 'Expected type integer but found type array' on property page (Page index of the results to return. First page is 0.).",
      ],
      [
        'a boolean that is not one',
        '/api/v2/users/auth0%7Cjane?include_fields=yes',
        "Query validation error: 'Expected type boolean but found type string' on property include_fields (Whether specified fields are to be included (true) or excluded (false).).",
      ],
      [
        'an unknown parameter on a user',
        '/api/v2/users/auth0%7Cjane?expand=roles',
        "Query validation error: 'Additional properties not allowed: expand'.",
      ],
      [
        'users-by-email without email',
        '/api/v2/users-by-email',
        "Query validation error: 'Missing required property: email'.",
      ],
    ])('refuses %s with 400 invalid_query_string', async (_case, path, message) => {
      const response = await raw(auth0, 'GET', path);
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({
        statusCode: 400,
        error: 'Bad Request',
        message,
        errorCode: 'invalid_query_string',
      });
    });
  });

  describe('GET /api/v2/users-by-email and GET /api/v2/users/{id}', () => {
    const auth0 = fresh();
    const management = sdk((request) => auth0.fetch(request));
    it('answers an array, [] when nobody has the email, projected by fields', async () => {
      expect(ids(await management.users.listUsersByEmail({ email: 'jane@example.com' }))).toEqual(['auth0|jane']);
      expect(await management.users.listUsersByEmail({ email: 'nobody@example.com' })).toEqual([]);
      expect(
        await management.users.listUsersByEmail({
          email: 'jane@example.com',
          fields: 'email,name',
          include_fields: true,
        }),
      ).toEqual([{ email: 'jane@example.com', name: 'Jane Doe' }]);
      expect(await management.users.get('auth0|john', { fields: 'user_metadata', include_fields: true })).toEqual({
        user_metadata: { color: 'blue' },
      });
    });
  });

  describe('uniqueness within a connection', () => {
    it('refuses a PATCH that would give a user another user’s email, and changes nothing', async () => {
      const auth0 = fresh();
      const management = sdk((request) => auth0.fetch(request));
      const before = auth0.users.get('auth0|john');
      const error = await rejection(management.users.update('auth0|john', { email: 'JANE@example.com' }));
      expect(error).toBeInstanceOf(Management.BadRequestError);
      expect(error.body).toEqual({
        statusCode: 400,
        error: 'Bad Request',
        message: 'The specified new email already exists',
        errorCode: 'auth0_idp_error',
      });
      expect(auth0.users.get('auth0|john')).toBe(before);
      // Another connection may hold the same email.
      expect((await management.users.create({ connection: 'email', email: 'jane@example.com' })).email).toBe(
        'jane@example.com',
      );
      // A user keeps its own email.
      expect((await management.users.update('auth0|jane', { email: 'jane@example.com', name: 'J' })).name).toBe('J');
    });

    it('refuses a create or a PATCH that repeats a username in the connection', async () => {
      const auth0 = fresh();
      const management = sdk((request) => auth0.fetch(request));
      const first = await management.users.create({
        connection: 'with-usernames',
        email: 'u1@example.com',
        username: 'neo',
        password: 'Sturdy-Pass-2026',
      });
      expect(
        await rejection(
          management.users.create({
            connection: 'with-usernames',
            email: 'u2@example.com',
            username: 'NEO',
            password: 'Sturdy-Pass-2026',
          }),
        ),
      ).toBeInstanceOf(Management.ConflictError);
      const second = await management.users.create({
        connection: 'with-usernames',
        email: 'u2@example.com',
        username: 'trinity',
        password: 'Sturdy-Pass-2026',
      });
      const error = await rejection(management.users.update(second.user_id as string, { username: 'neo' }));
      expect(error.body).toEqual({
        statusCode: 400,
        error: 'Bad Request',
        message: 'The specified new username already exists',
        errorCode: 'auth0_idp_error',
      });
      expect(auth0.users.get(first.user_id as string)?.username).toBe('neo');
    });
  });

  describe('POST /api/v2/users and the tenant’s connections', () => {
    const auth0 = fresh();
    const management = sdk((request) => auth0.fetch(request));

    it('creates a database user with the defaults Auth0 records, keys in its order', async () => {
      const user = await management.users.create({
        connection: DATABASE,
        email: 'chuck@example.com',
        password: 'Sturdy-Pass-2026',
        user_id: 'chuck',
      });
      const hash = createHash('md5').update('chuck@example.com').digest('hex');
      expect(user).toEqual({
        created_at: NOW.toISOString(),
        email: 'chuck@example.com',
        email_verified: false,
        identities: [{ connection: DATABASE, user_id: 'chuck', provider: 'auth0', isSocial: false }],
        name: 'chuck@example.com',
        nickname: 'chuck',
        picture: `https://s.gravatar.com/avatar/${hash}?s=480&r=pg&d=https%3A%2F%2Fcdn.auth0.com%2Favatars%2Fch.png`,
        updated_at: NOW.toISOString(),
        user_id: 'auth0|chuck',
      });
      expect(Object.keys(user)).toEqual([
        'created_at',
        'email',
        'email_verified',
        'identities',
        'name',
        'nickname',
        'picture',
        'updated_at',
        'user_id',
      ]);
      const named = await management.users.create({
        connection: DATABASE,
        email: 'rubytest@example.com',
        password: 'Sturdy-Pass-2026',
        name: 'byron.schaden',
        app_metadata: { a: 1 },
      });
      expect(named.picture).toMatch(/avatars%2Fby\.png$/);
      expect(named.nickname).toBe('rubytest');
      expect(Object.keys(named).at(-1)).toBe('app_metadata');
    });

    it('creates a passwordless email user', async () => {
      const user = await management.users.create({ connection: 'email', email: 'otp@example.com' });
      expect(user.user_id).toMatch(/^email\|[0-9a-f]{24}$/);
      expect(user.identities).toEqual([
        { connection: 'email', user_id: (user.user_id as string).slice(6), provider: 'email', isSocial: false },
      ]);
    });

    it.each([
      [
        'an unknown connection',
        { connection: 'nope', email: 'a@example.com', password: 'Sturdy-Pass-2026' },
        'The connection does not exist.',
        'inexistent_connection',
      ],
      [
        'a social connection',
        { connection: 'google-oauth2', email: 'a@example.com' },
        'Connection is not supported for this operation.',
        'operation_not_supported',
      ],
      [
        'a database user without a password',
        { connection: DATABASE, email: 'a@example.com' },
        "Payload validation error: 'Missing required property: password'.",
        'invalid_body',
      ],
      [
        'a database user without an email',
        { connection: DATABASE, password: 'Sturdy-Pass-2026' },
        "Payload validation error: 'Missing required property: email'.",
        'invalid_body',
      ],
      [
        'a username connection without a username',
        { connection: 'with-usernames', email: 'a@example.com', password: 'Sturdy-Pass-2026' },
        "Payload validation error: 'Missing required property: username'.",
        'invalid_body',
      ],
    ])('refuses %s with 400', async (_case, body, message, errorCode) => {
      const size = auth0.users.size;
      const error = await rejection(management.users.create(body as never));
      expect(error).toBeInstanceOf(Management.BadRequestError);
      expect(error.body).toEqual({ statusCode: 400, error: 'Bad Request', message, errorCode });
      expect(auth0.users.size).toBe(size);
    });
  });

  describe('the rules of the user’s connection (the library’s rules 20 to 25)', () => {
    const seeds = [
      ...SEEDS,
      {
        user_id: 'samlp|acme|jo',
        email: 'jo@acme.example',
        identities: [{ connection: 'acme', provider: 'samlp', user_id: 'acme|jo', isSocial: false }],
      },
    ];
    const tenant = () =>
      createEmulator({
        clients: [CLIENT],
        token: TOKEN,
        users: seeds,
        connections: [...connections, { name: 'acme', strategy: 'samlp' }],
        now: () => NOW,
      });
    const unsupported = (message: string) => ({
      statusCode: 400,
      error: 'Bad Request',
      message,
      errorCode: 'operation_not_supported',
    });

    it('stores a database user’s email in lower case, on create and on PATCH, so users-by-email finds it', async () => {
      const auth0 = tenant();
      const management = sdk((request) => auth0.fetch(request));
      const created = await management.users.create({
        connection: DATABASE,
        email: 'Jane.Doe@Example.com',
        password: 'Sturdy-Pass-2026',
      });
      expect(created).toMatchObject({
        email: 'jane.doe@example.com',
        name: 'jane.doe@example.com',
        nickname: 'jane.doe',
      });
      const found = await management.users.listUsersByEmail({ email: 'jane.doe@example.com' });
      expect(found.map((user) => user.user_id)).toEqual([created.user_id]);
      expect((await management.users.update('auth0|john', { email: 'John.Smith@Example.com' })).email).toBe(
        'john.smith@example.com',
      );
    });

    it('refuses email_verified for a seeded enterprise user, and email and synced names for a social one', async () => {
      const auth0 = tenant();
      const management = sdk((request) => auth0.fetch(request));
      const saml = await rejection(management.users.update('samlp|acme|jo', { email_verified: true }));
      expect(saml).toBeInstanceOf(Management.BadRequestError);
      expect(saml.body).toEqual(unsupported('Email verification is not supported for enterprise users'));
      const email = await rejection(management.users.update('google-oauth2|42', { email: 'jo@example.com' }));
      expect(email.body).toEqual(unsupported('Cannot update email for non-database user.'));
      const name = await rejection(management.users.update('google-oauth2|42', { name: 'Joanna' }));
      expect(name.body).toMatchObject({
        errorCode: 'operation_not_supported',
        message: expect.stringMatching(
          /^The following user attributes cannot be updated: name\. The connection \(google-oauth2\)/,
        ) as unknown,
      });
      expect(auth0.users.get('google-oauth2|42')?.name).toBe('Jo Google');
      expect((await management.users.update('google-oauth2|42', { blocked: true })).blocked).toBe(true);
    });

    it('takes requires_username from the connection: a username only where the connection requires one', async () => {
      const auth0 = tenant();
      const management = sdk((request) => auth0.fetch(request));
      const refused = await rejection(
        management.users.create({
          connection: DATABASE,
          email: 'neo@example.com',
          username: 'neo',
          password: 'Sturdy-Pass-2026',
        }),
      );
      expect(refused.body).toEqual({
        statusCode: 400,
        error: 'Bad Request',
        message: 'Cannot set username for connection without requires_username.',
        errorCode: 'invalid_body',
      });
      expect((await rejection(management.users.update('auth0|jane', { username: 'jane' }))).statusCode).toBe(400);
      const user = await management.users.create({
        connection: 'with-usernames',
        email: 'neo@example.com',
        username: 'Neo',
        password: 'Sturdy-Pass-2026',
      });
      expect(user.username).toBe('neo');
    });
  });

  describe('honest about what it does not emulate', () => {
    const auth0 = fresh();
    const management = sdk((request) => auth0.fetch(request));
    it('answers 501 naming the method and route for a Management API route it does not serve', async () => {
      const error = await rejection(management.connections.list());
      expect(error).toBeInstanceOf(ManagementError);
      expect(error.statusCode).toBe(501);
      expect(error.body).toEqual({
        statusCode: 501,
        error: 'Not Implemented',
        message: 'The emulator does not emulate GET /api/v2/connections',
        errorCode: 'not_emulated',
      });
      const logs = await raw(auth0, 'GET', '/api/v2/users/auth0%7Cjane/logs');
      expect(await logs.json()).toMatchObject({
        statusCode: 501,
        message: 'The emulator does not emulate GET /api/v2/users/{id}/logs',
      });
    });

    it.each([
      ['GET', '/api/v2/nothing-here'],
      ['PUT', '/api/v2/users/auth0%7Cjane'],
      ['GET', '/api/v2'],
      ['GET', '/elsewhere'],
    ])('answers Auth0’s 404 for %s %s, a route Auth0 does not have', async (method, path) => {
      const response = await raw(auth0, method, path, method === 'PUT' ? { body: '{}' } : {});
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual({ statusCode: 404, error: 'Not Found', message: 'Not Found' });
    });
  });

  describe('test ergonomics', () => {
    it('resets to empty or to new users, and checks them', async () => {
      const auth0 = fresh();
      const management = sdk((request) => auth0.fetch(request));
      await management.users.delete('auth0|jane');
      auth0.reset();
      expect(auth0.users.size).toBe(0);
      auth0.reset(SEEDS);
      expect([...auth0.users.keys()]).toEqual(['auth0|jane', 'auth0|john', 'google-oauth2|42']);
      expect(() => auth0.reset([{ user_id: 'auth0|x', email: 42 } as never])).toThrow(
        new TypeError('reset: users[0] (auth0|x): email must be a string, not integer'),
      );
    });

    it('keeps a copy of each seeded user, frozen at every level, sharing nothing with the caller', () => {
      const given = (): Record<string, unknown> => ({
        ...(JSON.parse('{"user_id":"auth0|9","__proto__":{"polluted":true}}') as Record<string, unknown>),
        user_metadata: { address: { city: 'Paris' }, tags: ['a', { b: 1 }] },
        [Symbol('note')]: 'not JSON',
      });
      for (const seed of [
        (users: Auth0User[]) => createEmulator({ token: TOKEN, users }).users,
        (users: Auth0User[]) => {
          const auth0 = createEmulator({ token: TOKEN });
          auth0.reset(users);
          return auth0.users;
        },
      ]) {
        const user = given();
        const stored = seed([user]).get('auth0|9') as Record<string, unknown>;
        const metadata = user['user_metadata'] as { address: { city: string }; tags: unknown[] };
        const storedMetadata = stored['user_metadata'] as typeof metadata;
        // An own __proto__ key, as JSON.parse makes one (an object literal would set the prototype instead).
        const expected = { ...(JSON.parse('{"user_id":"auth0|9","__proto__":{"polluted":true}}') as object) };
        expect(stored).toEqual({ ...expected, user_metadata: { address: { city: 'Paris' }, tags: ['a', { b: 1 }] } });
        expect(Object.getPrototypeOf(stored)).toBe(Object.prototype);
        expect(Object.hasOwn(stored, '__proto__')).toBe(true);
        expect(Object.getOwnPropertySymbols(stored)).toEqual([]);
        for (const [copy, original] of [
          [stored, user],
          [storedMetadata, metadata],
          [storedMetadata.address, metadata.address],
          [storedMetadata.tags, metadata.tags],
          [storedMetadata.tags[1], metadata.tags[1]],
        ]) {
          expect(copy).not.toBe(original);
          expect(Object.isFrozen(copy)).toBe(true);
          expect(Object.isFrozen(original)).toBe(false);
        }
        metadata.address.city = 'Lyon';
        metadata.tags.push('c');
        expect(storedMetadata).toEqual({ address: { city: 'Paris' }, tags: ['a', { b: 1 }] });
      }
    });

    it('stores a seeded user as its keys were checked, whatever toJSON it holds (hidden, on an array, inherited)', () => {
      const appMetadata = { plan: 'gold' };
      Object.defineProperty(appMetadata, 'toJSON', { value: () => 'not an object', enumerable: false });
      const tags = Object.assign(['a', 'b'], { toJSON: () => ({ replaced: true }) });
      const stored = (user: Auth0User) =>
        createEmulator({ token: TOKEN, users: [user] }).users.get(user.user_id as string);
      expect(stored({ user_id: 'auth0|1', app_metadata: appMetadata, user_metadata: { tags } })).toEqual({
        user_id: 'auth0|1',
        app_metadata: { plan: 'gold' },
        user_metadata: { tags: ['a', 'b'] },
      });
      const prototype = Object.prototype as { toJSON?: unknown };
      prototype.toJSON = () => ({ user_id: 42 });
      try {
        expect(stored({ user_id: 'auth0|2', user_metadata: { city: 'Paris' } })).toEqual({
          user_id: 'auth0|2',
          user_metadata: { city: 'Paris' },
        });
      } finally {
        delete prototype.toJSON;
      }
    });

    it('shows the store through a read-only view that cannot change it', () => {
      const auth0 = fresh();
      const view = auth0.users as unknown as Map<string, unknown>;
      expect(view.set).toBeUndefined();
      expect(view.clear).toBeUndefined();
      expect(view.delete).toBeUndefined();
      expect(() => Object.assign(view, { set: () => undefined })).toThrow(TypeError);
      expect(auth0.users.size).toBe(3);
      expect(Object.isFrozen(auth0.users.get('auth0|jane')?.user_metadata)).toBe(true);
    });

    it.each([
      [[{ email: 'a@example.com' }], 'createEmulator: options.users[0]: user_id must be a non-empty string'],
      [
        [{ user_id: 'auth0|1', email: 42 }],
        'createEmulator: options.users[0] (auth0|1): email must be a string, not integer',
      ],
      [
        [{ user_id: 'auth0|1', user_metadata: [] }],
        'createEmulator: options.users[0] (auth0|1): user_metadata must be an object, not array',
      ],
      [
        [{ user_id: 'auth0|1', user_metadata: { f: () => 1 } }],
        'createEmulator: options.users[0] (auth0|1): user.user_metadata.f must be JSON, not function',
      ],
      [
        [{ user_id: 'auth0|1' }, { user_id: 'auth0|1' }],
        'createEmulator: options.users: user_id auth0|1 appears twice',
      ],
      ['nope', 'createEmulator: options.users must be an array of users'],
    ])('refuses seeded users %j with a TypeError naming the user', (users, message) => {
      expect(() => createEmulator({ token: TOKEN, users: users as never })).toThrow(new TypeError(message));
    });
  });

  describe('rate limits (opt-in)', () => {
    it('answers Auth0’s 429 with x-ratelimit headers past the limit', async () => {
      const auth0 = createEmulator({ token: TOKEN, now: () => NOW, rateLimit: { limit: 2, windowSeconds: 10 } });
      const statuses = [];
      let last: Response | undefined;
      for (let index = 0; index < 3; index++) {
        last = await raw(auth0, 'GET', '/api/v2/users');
        statuses.push(last.status);
      }
      expect(statuses).toEqual([200, 200, 429]);
      expect(await last?.json()).toEqual({
        statusCode: 429,
        error: 'Too Many Requests',
        message: 'Global limit has been reached',
        errorCode: 'too_many_requests',
      });
      const limits: Record<string, string> = {};
      last?.headers.forEach((value, name) => {
        if (name.startsWith('x-ratelimit')) limits[name] = value;
      });
      expect(limits).toEqual({
        'x-ratelimit-limit': '2',
        'x-ratelimit-remaining': '0',
        'x-ratelimit-reset': String(NOW.getTime() / 1000 + 10),
      });
    });

    it('counts only authenticated requests: anonymous 401s do not spend the token holder’s window', async () => {
      const auth0 = createEmulator({ token: TOKEN, now: () => NOW, rateLimit: { limit: 2, windowSeconds: 10 } });
      for (let index = 0; index < 10; index++) {
        const anonymous = await raw(auth0, 'GET', '/api/v2/users', { headers: { authorization: '' } });
        expect(anonymous.status).toBe(401);
        const forged = await raw(auth0, 'GET', '/api/v2/users', { headers: { authorization: 'Bearer forged' } });
        expect(forged.status).toBe(401);
      }
      const statuses = [];
      for (let index = 0; index < 3; index++) statuses.push((await raw(auth0, 'GET', '/api/v2/users')).status);
      expect(statuses).toEqual([200, 200, 429]);
    });

    it('lets the v7 SDK recover by itself: it waits for x-ratelimit-reset and retries', async () => {
      const auth0 = createEmulator({ clients: [CLIENT], users: SEEDS, rateLimit: { limit: 1, windowSeconds: 1 } });
      let answered429 = 0;
      const management = new (await import('auth0')).ManagementClient({
        domain: 'tenant.example',
        ...CLIENT,
        maxRetries: 3,
        fetch: async (input, init) => {
          const response = await auth0.fetch(new Request(input, init));
          if (response.status === 429) answered429++;
          return response;
        },
      });
      const users = await Promise.all([management.users.get('auth0|jane'), management.users.get('auth0|john')]);
      expect(users.map((user) => user.user_id)).toEqual(['auth0|jane', 'auth0|john']);
      expect(answered429).toBeGreaterThan(0);
    }, 15_000);
  });
}
