/**
 * `serve` and the tenant's state, with the built CLI as a user runs it: `--import` a state file (one that
 * `exportState()` wrote), `--export-on-exit` when it is stopped (SIGTERM, SIGINT, or its parent gone), the two on
 * one file across restarts, `--users` given Auth0's user export, and each mistake as one line with exit 2.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, startServe, type Served } from './serve-process.js';

const { createEmulator } = (await import('auth0-user-patch-emulator')) as typeof import('../../src/index.js');

const scratch = mkdtempSync(join(tmpdir(), 'auth0-user-patch-emulator-state-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
/** A new folder of the scratch folder, for one test's files. */
const folder = (name: string) => {
  const path = join(scratch, name);
  mkdirSync(path);
  return path;
};

const DATABASE = 'Username-Password-Authentication';
const PASSWORD = 'correct horse battery staple';
const PASSWORD_REALM = 'http://auth0.com/oauth/grant-type/password-realm';
const WEB = {
  clientId: 'web-app',
  clientSecret: 'web-secret',
  appType: 'regular_web' as const,
  grantTypes: [PASSWORD_REALM],
};
const JANE = {
  user_id: 'auth0|jane',
  email: 'jane@example.com',
  identities: [{ connection: DATABASE, provider: 'auth0', user_id: 'jane', isSocial: false }],
  password: PASSWORD,
};

/** A request to a running serve with the fixed token T: its status and JSON body. */
async function call(server: Served, method: string, path: string, body?: unknown) {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: { authorization: 'Bearer T', 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: text === '' ? undefined : (JSON.parse(text) as unknown) };
}

/** Stops serve with `how` and gives its exit code. */
async function stop(server: Served, how: 'SIGTERM' | 'SIGINT' | 'stdin'): Promise<number | null> {
  if (how === 'stdin') server.child.stdin?.end();
  else server.child.kill(how);
  return server.stopped;
}

function run(args: string[]) {
  const result = spawnSync(process.execPath, [BIN, 'serve', '--port', '0', ...args], { input: '', encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('serve --import', () => {
  it('serves the tenant of a state file that exportState() wrote: its users, roles, passwords and signing key', async () => {
    const files = folder('import');
    const before = createEmulator({
      clients: [{ clientId: 'test-client', clientSecret: 'test-secret' }, WEB],
      users: [JANE],
      domain: 'tenant.example',
    });
    const token = await before.fetch(
      new Request('https://tenant.example/oauth/token', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          grant_type: 'client_credentials',
          client_id: 'test-client',
          client_secret: 'test-secret',
          audience: 'https://tenant.example/api/v2/',
        }),
      }),
    );
    const { access_token: accessToken } = (await token.json()) as { access_token: string };
    await before.fetch(
      new Request('https://tenant.example/api/v2/roles', {
        method: 'POST',
        headers: { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'editor' }),
      }),
    );
    const state = await before.exportState();
    const stateFile = join(files, 'state.json');
    writeFileSync(stateFile, JSON.stringify(state));
    const clientsFile = join(files, 'clients.json');
    writeFileSync(clientsFile, JSON.stringify([WEB]));
    const server = await startServe([
      ...['--import', stateFile, '--domain', 'tenant.example', '--clients', clientsFile],
      ...['--client-id', 'test-client', '--client-secret', 'test-secret'],
    ]);
    try {
      // A token the in-process tenant signed before: the key came with the state.
      const roles = await fetch(`${server.url}/api/v2/roles`, { headers: { authorization: `Bearer ${accessToken}` } });
      expect(roles.status).toBe(200);
      expect(((await roles.json()) as { name: string }[]).map((role) => role.name)).toEqual(['editor']);
      const jwks = (await (await fetch(`${server.url}/.well-known/jwks.json`)).json()) as { keys: { kid: string }[] };
      expect(jwks.keys.map((key) => key.kid)).toEqual([state.signingKey.kid]);
      const signIn = await fetch(`${server.url}/oauth/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          grant_type: PASSWORD_REALM,
          client_id: WEB.clientId,
          client_secret: WEB.clientSecret,
          username: JANE.email,
          password: PASSWORD,
          realm: DATABASE,
        }),
      });
      expect(signIn.status).toBe(200);
    } finally {
      server.child.kill('SIGTERM');
      await server.stopped;
    }
  });
});

describe('serve --export-on-exit', () => {
  it.each(['SIGTERM', 'SIGINT', 'stdin'] as const)(
    'writes the tenant when stopped (%s), readable by its owner only, with nothing left beside it',
    async (how) => {
      const files = folder(`export-${how}`);
      const target = join(files, 'state.json');
      const server = await startServe(
        ['--token', 'T', '--export-on-exit', target],
        how === 'stdin' ? 'pipe' : 'ignore',
      );
      const created = await call(server, 'POST', '/api/v2/users', {
        connection: DATABASE,
        email: 'jane@example.com',
        password: PASSWORD,
      });
      expect(created.status).toBe(201);
      expect((await call(server, 'POST', '/api/v2/roles', { name: 'editor' })).status).toBe(200);
      expect(readdirSync(files)).toEqual([]);
      expect(await stop(server, how)).toBe(0);
      expect(readdirSync(files)).toEqual(['state.json']);
      expect(statSync(target).mode & 0o777).toBe(0o600);
      const state = JSON.parse(readFileSync(target, 'utf8')) as {
        format: string;
        users: { email: string }[];
        passwords: unknown[];
        roles: { name: string }[];
      };
      expect(state.format).toBe('auth0-user-patch-emulator/state');
      expect(state.users.map((user) => user.email)).toEqual(['jane@example.com']);
      expect(state.passwords).toHaveLength(1);
      expect(state.roles.map((role) => role.name)).toEqual(['editor']);
    },
  );

  it('on the --import file, starts empty the first time and keeps the tenant across restarts', async () => {
    const files = folder('restarts');
    const file = join(files, 'tenant.json');
    const args = ['--token', 'T', '--import', file, '--export-on-exit', file];
    const first = await startServe(args);
    expect((await call(first, 'GET', '/api/v2/users')).body).toEqual([]);
    await call(first, 'POST', '/api/v2/users', { connection: DATABASE, email: 'jane@example.com', password: PASSWORD });
    expect(await stop(first, 'SIGTERM')).toBe(0);
    const second = await startServe(args);
    const users = (await call(second, 'GET', '/api/v2/users')).body as { email: string }[];
    expect(users.map((user) => user.email)).toEqual(['jane@example.com']);
    // Reset over HTTP, as a test suite does between tests: the next start finds the empty tenant.
    expect((await call(second, 'POST', '/emulator/v1/reset')).status).toBe(204);
    expect(await stop(second, 'SIGTERM')).toBe(0);
    const third = await startServe(args);
    expect((await call(third, 'GET', '/api/v2/users')).body).toEqual([]);
    expect(await stop(third, 'SIGTERM')).toBe(0);
    expect(readdirSync(files)).toEqual(['tenant.json']);
  });

  it('exits 2 with one line when the state cannot be written at exit (its folder removed meanwhile)', async () => {
    const files = folder('gone');
    const target = join(files, 'state.json');
    const server = await startServe(['--token', 'T', '--export-on-exit', target]);
    let stderr = '';
    server.child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    rmSync(files, { recursive: true });
    expect(await stop(server, 'SIGTERM')).toBe(2);
    expect(stderr).toMatch(
      new RegExp(`^auth0-user-patch-emulator: cannot write the state to ${target.replaceAll('.', '\\.')}: ENOENT.*\n$`),
    );
  });
});

describe('serve --users with Auth0’s user export', () => {
  const lines = [
    '{"user_id":"auth0|1","email":"jane@example.com","email_verified":true,"user_metadata":{"color":"pink"},"identities":[{"connection":"Username-Password-Authentication","provider":"auth0","user_id":"1","isSocial":false}]}',
    '',
    '{"user_id":"google-oauth2|2","email":"john@example.com","user_metadata.plan":"pro","identities[0].connection":"google-oauth2","identities[0].provider":"google-oauth2"}',
  ];
  const expected = [
    {
      user_id: 'auth0|1',
      email: 'jane@example.com',
      email_verified: true,
      user_metadata: { color: 'pink' },
      identities: [{ connection: DATABASE, provider: 'auth0', user_id: '1', isSocial: false }],
    },
    {
      user_id: 'google-oauth2|2',
      email: 'john@example.com',
      user_metadata: { plan: 'pro' },
      identities: [{ connection: 'google-oauth2', provider: 'google-oauth2' }],
    },
  ];

  it.each([
    ['as downloaded (gzip)', 'gzip', (text: string) => gzipSync(text)],
    ['unzipped, with CRLF line ends', 'crlf', (text: string) => Buffer.from(text.replaceAll('\n', '\r\n'))],
  ])('seeds one user a line, %s; field names that are paths are put where they point', async (_how, name, encode) => {
    const files = folder(`ndjson-${name}`);
    const file = join(files, 'tenant.json');
    writeFileSync(file, encode(`${lines.join('\n')}\n`));
    const server = await startServe(['--token', 'T', '--users', file]);
    try {
      const users = (await call(server, 'GET', '/api/v2/users')).body as Record<string, unknown>[];
      expect(users.map((user) => user['user_id'])).toEqual(['auth0|1', 'google-oauth2|2']);
      for (const [index, user] of expected.entries()) expect(users[index]).toMatchObject(user);
    } finally {
      server.child.kill('SIGTERM');
      await server.stopped;
    }
  });

  it('refuses a line that is not JSON, or a malformed user, naming its line', () => {
    const files = folder('ndjson-faults');
    const broken = join(files, 'broken.json');
    writeFileSync(broken, `${lines[0]}\n\n{"user_id": "auth0|3",\n`);
    expect(run(['--users', broken])).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(new RegExp(`^auth0-user-patch-emulator: ${broken}: line 3 is not JSON: .+\n$`)),
    });
    const malformed = join(files, 'malformed.json');
    writeFileSync(malformed, `${lines[0]}\n\n{"user_id":"auth0|3","email":3}\n`);
    expect(run(['--users', malformed])).toMatchObject({
      code: 2,
      stderr: `auth0-user-patch-emulator: ${malformed}: line 3 (auth0|3): email must be a string, not integer\n`,
    });
  });
});

describe('serve: state mistakes are one line and exit 2', () => {
  const files = join(scratch, 'mistakes');
  const file = (name: string, text: string) => {
    mkdirSync(files, { recursive: true });
    writeFileSync(join(files, name), text);
    return join(files, name);
  };

  it.each([
    ['a missing --import file', () => ['--import', join(scratch, 'none.json')], /^cannot read .*none\.json: ENOENT/],
    [
      '--import with --users',
      () => ['--import', 'a.json', '--users', 'b.json'],
      /^--import and --users go separately: the state file holds the users$/,
    ],
    ['an empty --export-on-exit', () => ['--export-on-exit', ''], /^--import and --export-on-exit must not be empty$/],
    [
      '--export-on-exit in a missing folder',
      () => ['--export-on-exit', join(scratch, 'none', 'state.json')],
      /^--export-on-exit .*state\.json: the folder .*none does not exist$/,
    ],
    [
      '--export-on-exit naming a folder',
      () => ['--export-on-exit', scratch],
      /^--export-on-exit .*: is a folder, not a file$/,
    ],
    [
      'a state file with a fault',
      () => [
        '--import',
        file('faulty.json', '{"format":"auth0-user-patch-emulator/state","version":1,"roles":[{"id":"rol_1"}]}'),
      ],
      /^.*faulty\.json: state\.roles\[0\]\.name is missing$/,
    ],
    [
      'a state file of another version',
      () => ['--import', file('newer.json', '{"format":"auth0-user-patch-emulator/state","version":2}')],
      /^.*newer\.json: state\.version 2 is newer than this emulator reads \(1\): update it$/,
    ],
    [
      'a state file given as users',
      () => ['--users', file('state.json', '{\n  "format": "auth0-user-patch-emulator/state",\n  "version": 1\n}\n')],
      /^.*state\.json holds a state, not users: start serve with --import .*state\.json$/,
    ],
  ])('refuses %s', (_name, args, message) => {
    const result = run(args());
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    const [line, ...rest] = result.stderr.split('\n');
    expect(rest).toEqual(['']);
    expect(line?.replace(/^auth0-user-patch-emulator: /, '')).toMatch(message);
  });
});
