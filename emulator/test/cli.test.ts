/** The built `auth0-user-patch-emulator` bin, spawned as a user runs it: serve, its output, exit codes and mistakes. */
import { spawnSync } from 'node:child_process';
import { connect } from 'node:net';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { startServe } from './cli/serve-process.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'dist', 'cli.js');
const scratch = mkdtempSync(join(tmpdir(), 'auth0-user-patch-emulator-cli-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const file = (name: string, text: string) => {
  const path = join(scratch, name);
  writeFileSync(path, text);
  return path;
};

function run(args: string[]) {
  const result = spawnSync(process.execPath, [bin, ...args], { input: '', encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('auth0-user-patch-emulator', () => {
  it('prints its usage and the version of its package.json', () => {
    const help = run(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: auth0-user-patch-emulator serve \[options\]/);
    const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
    expect(run(['--version'])).toMatchObject({ code: 0, stdout: `${version}\n` });
  });

  it.each([
    [[], 'a command is missing: serve'],
    [['apply'], 'unknown command: apply'],
  ])('%j is a usage error', (args, message) => {
    expect(run(args)).toMatchObject({ code: 2, stderr: `auth0-user-patch-emulator: ${message}\n` });
  });
});

describe('auth0-user-patch-emulator serve', () => {
  /** Starts `serve`, waits for its "Listening on" line, and gives the URL, the output so far and the process. */
  async function serve(args: string[]) {
    const served = await startServe(args);
    return { ...served, output: () => served.output };
  }

  it('serves the users it is given, with the token it is given, and stops cleanly on SIGTERM', async () => {
    const users = file('users.json', JSON.stringify([{ user_id: 'auth0|jane', email: 'jane@example.com' }]));
    const server = await serve(['--token', 'T', '--users', users, '--host', '127.0.0.1']);
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server.output()).toBe(
      `Domain: ${server.url.slice('http://'.length)}\nDiscovery: ${server.url}/.well-known/openid-configuration\nPage: ${server.url}/\nListening on ${server.url}\n`,
    );
    const response = await fetch(`${server.url}/api/v2/users/auth0%7Cjane`, {
      method: 'PATCH',
      headers: { authorization: 'Bearer T', 'content-type': 'application/json' },
      body: '{"user_metadata":{"color":"pink"}}',
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ user_id: 'auth0|jane', user_metadata: { color: 'pink' } });
    server.child.kill('SIGTERM');
    expect(await server.stopped).toBe(0);
  });

  it('generates a client when given no credentials, which the official SDK uses as is, and stops on SIGINT', async () => {
    const server = await serve([]);
    const [, clientId, clientSecret] =
      /Client ID: ([0-9a-f]{32})\nClient secret: ([0-9a-f]{64})\n/.exec(server.output()) ?? [];
    expect(clientId).toMatch(/^[0-9a-f]{32}$/);
    expect(clientSecret).toMatch(/^[0-9a-f]{64}$/);
    const domain = server.url.slice('http://'.length);
    expect(server.output()).toContain(`Domain: ${domain}\n`);
    const { ManagementClient } = await import('auth0');
    // The SDK calls https://{domain}; the server speaks plain HTTP on loopback.
    const management = new ManagementClient({
      domain,
      clientId: clientId as string,
      clientSecret: clientSecret as string,
      maxRetries: 0,
      fetch: (url, init) => fetch(String(url).replace('https://', 'http://'), init),
    });
    const created = await management.users.create({
      connection: 'Username-Password-Authentication',
      email: 'jane@example.com',
      password: 'Sturdy-Pass-2026',
    });
    expect((await management.users.list({ q: 'email:"jane@example.com"' })).data.map((user) => user.user_id)).toEqual([
      created.user_id,
    ]);
    expect((await fetch(`${server.url}/api/v2/users`)).status).toBe(401);
    server.child.kill('SIGINT');
    expect(await server.stopped).toBe(0);
  });

  it('issues tokens for the given client and domain', async () => {
    const server = await serve(['--client-id', 'app', '--client-secret', 's3cret', '--domain', 'tenant.example']);
    expect(server.output()).toMatch(
      new RegExp(
        `^Domain: tenant\\.example\nClient ID: app\nClient secret: s3cret\nDiscovery: ${server.url}/\\.well-known/openid-configuration\nPage: ${server.url}/#code=[A-Za-z0-9]{32}\nListening on ${server.url}\n$`,
      ),
    );
    const { ManagementClient } = await import('auth0');
    const management = new ManagementClient({
      domain: 'tenant.example',
      clientId: 'app',
      clientSecret: 's3cret',
      maxRetries: 0,
      fetch: (url, init) => fetch(String(url).replace('https://tenant.example', server.url), init),
    });
    expect((await management.users.list()).data).toEqual([]);
    server.child.kill('SIGTERM');
    expect(await server.stopped).toBe(0);
  });

  it('serves sign-in for the applications, APIs and users it is given, at the discovery URL it prints', async () => {
    const clients = file(
      'clients.json',
      JSON.stringify([
        {
          clientId: 'web',
          clientSecret: 'web-secret',
          appType: 'regular_web',
          grantTypes: ['http://auth0.com/oauth/grant-type/password-realm'],
        },
      ]),
    );
    const apis = file('apis.json', JSON.stringify([{ identifier: 'https://api.example.com/' }]));
    const users = file(
      'signin-users.json',
      JSON.stringify([
        {
          user_id: 'auth0|jane',
          email: 'jane@example.com',
          password: 'Sturdy-Pass-2026',
          identities: [
            { connection: 'Username-Password-Authentication', provider: 'auth0', user_id: 'jane', isSocial: false },
          ],
        },
      ]),
    );
    const server = await serve(['--clients', clients, '--resource-servers', apis, '--users', users]);
    const discovery = /Discovery: (\S+)\n/.exec(server.output())?.[1] as string;
    expect(discovery).toBe(`${server.url}/.well-known/openid-configuration`);
    const document = (await (await fetch(discovery)).json()) as { issuer: string; token_endpoint: string };
    expect(document.issuer).toBe(`${server.url}/`);
    const response = await fetch(document.token_endpoint, {
      method: 'POST',
      body: new URLSearchParams({
        grant_type: 'http://auth0.com/oauth/grant-type/password-realm',
        client_id: 'web',
        client_secret: 'web-secret',
        username: 'jane@example.com',
        password: 'Sturdy-Pass-2026',
        realm: 'Username-Password-Authentication',
        audience: 'https://api.example.com/',
      }),
    });
    expect(response.status).toBe(200);
    server.child.kill('SIGTERM');
    expect(await server.stopped).toBe(0);
  });

  it('refuses a malformed clients file with exit 2 and one line naming it', () => {
    const clients = file('bad-clients.json', '[{"clientId":"web"}]');
    const { code, stderr } = run(['serve', '--port', '0', '--clients', clients]);
    expect(code).toBe(2);
    expect(stderr).toBe(
      `auth0-user-patch-emulator: ${clients}: clients[0].clientSecret must be a non-empty string (only spa and native apps have none)\n`,
    );
  });

  it.each([
    [['serve', '--port', 'x'], '--port takes a port number from 0 to 65535, not "x"'],
    [['serve', '--port', '70000'], '--port takes a port number from 0 to 65535, not "70000"'],
    [['serve', '--token', ''], '--token must not be empty'],
    [['serve', '--client-id', 'app'], '--client-id and --client-secret go together'],
    [['serve', '--host', ''], '--host must not be empty'],
    [['serve', 'users.json'], 'serve takes no file; use --users <users.json>'],
  ])('%j is a usage error', (args, message) => {
    const { code, stderr } = run(args);
    expect(code).toBe(2);
    expect(stderr).toBe(`auth0-user-patch-emulator: ${message}\n`);
  });

  it.each([
    [
      'a users file whose user has no id',
      '[{"email":"x@example.com"}]',
      'users[0]: user_id must be a non-empty string',
    ],
    [
      'a users file with a numeric email',
      '[{"user_id":"auth0|1","email":42}]',
      'users[0] (auth0|1): email must be a string, not integer',
    ],
    [
      'a users file that is neither an array nor an export (one user object a line)',
      '"auth0|1"',
      "line 1 must be a user object, as Auth0's user export has one a line",
    ],
  ])('refuses %s with exit 2 and one line naming the user', (_case, content, message) => {
    const users = file('bad-users.json', content);
    const { code, stderr } = run(['serve', '--port', '0', '--users', users]);
    expect(code).toBe(2);
    expect(stderr).toBe(`auth0-user-patch-emulator: ${users}: ${message}\n`);
  });

  it('refuses an unreadable users file with exit 2', () => {
    const { code, stderr } = run(['serve', '--port', '0', '--users', join(tmpdir(), 'no-such-users.json')]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^auth0-user-patch-emulator: cannot read .*no-such-users\.json: ENOENT/);
  });

  it('serves --host 127.1 at the address every URL parser reads it as (it crashed with a stack trace)', async () => {
    const server = await serve(['--token', 'T', '--host', '127.1']);
    try {
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(server.output()).toContain(`Domain: ${server.url.slice('http://'.length)}\n`);
      const response = await fetch(`${server.url}/api/v2/users`, { headers: { authorization: 'Bearer T' } });
      expect(response.status).toBe(200);
    } finally {
      server.child.kill('SIGTERM');
      await server.stopped;
    }
  });

  it('always lets a client still sending a body past the limit with Connection: close read the 413', async () => {
    const server = await serve(['--token', 'T']);
    const { hostname, port } = new URL(server.url);
    // 4 MB, past the 1 MB limit, from another process than the server's (as a client is): a socket closed under
    // the body it is still receiving resets, and the client lost the answer (8 or 9 of 12 arrived).
    const body = Buffer.alloc(4 * 1024 * 1024, 0x78);
    const head = `PATCH /api/v2/users/auth0%7Cjane HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer T\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n`;
    const answer = () =>
      new Promise<string>((resolve) => {
        const socket = connect(Number(port), hostname);
        let received = '';
        socket.on('data', (data) => (received += data.toString('latin1')));
        socket.on('error', () => resolve(`reset after ${JSON.stringify(received)}`));
        socket.on('close', () => resolve(received));
        socket.on('connect', () => {
          socket.write(head);
          socket.write(body);
        });
      });
    try {
      const answers: string[] = [];
      for (let attempt = 0; attempt < 12; attempt++) answers.push(await answer());
      for (const text of answers) {
        expect(text).toMatch(/^HTTP\/1\.1 413 /);
        expect(text).toMatch(/\r\nconnection: close\r\n/i);
        expect(text).toContain('Payload content length greater than maximum allowed: 1048576');
      }
    } finally {
      server.child.kill('SIGTERM');
      await server.stopped;
    }
  });

  it('closes idle connections after --idle-timeout-ms, and refuses a malformed bound with exit 2', async () => {
    const server = await serve(['--token', 'T', '--idle-timeout-ms', '200', '--max-connections', '64']);
    const { hostname, port } = new URL(server.url);
    try {
      const closed = await new Promise<boolean>((resolve) => {
        const socket = connect(Number(port), hostname);
        const timer = setTimeout(() => {
          socket.destroy();
          resolve(false);
        }, 5000);
        socket.on('error', () => undefined);
        socket.on('close', () => {
          clearTimeout(timer);
          resolve(true);
        });
      });
      expect(closed).toBe(true);
    } finally {
      server.child.kill('SIGTERM');
      await server.stopped;
    }
    for (const [flag, value] of [
      ['--idle-timeout-ms', '0'],
      ['--max-connections', 'many'],
    ])
      expect(run(['serve', '--port', '0', flag as string, value as string])).toMatchObject({
        code: 2,
        stderr: `auth0-user-patch-emulator: ${flag} takes a positive whole number, not "${value}"\n`,
      });
  });

  it('refuses a port in use and an address not of this machine with exit 2 and one line, never a stack trace', async () => {
    const server = await serve([]);
    const port = new URL(server.url).port;
    try {
      const busy = run(['serve', '--port', port]);
      expect(busy).toMatchObject({
        code: 2,
        stderr: `auth0-user-patch-emulator: port ${port} is in use on 127.0.0.1\n`,
      });
      const foreign = run(['serve', '--port', '0', '--host', '203.0.113.1']);
      expect(foreign).toMatchObject({
        code: 2,
        stderr: 'auth0-user-patch-emulator: cannot listen on 203.0.113.1: it is not an address of this machine\n',
      });
    } finally {
      server.child.kill('SIGTERM');
      await server.stopped;
    }
  });
});
