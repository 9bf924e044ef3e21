/**
 * `serve --https` (a certificate made at start, written to a file whose path it prints with the line that trusts
 * it), `--cert-out`, `--cert`/`--key`, and the Management API audience by scheme, over the built CLI.
 */
import { spawnSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { connect } from 'node:tls';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { createSelfSignedCertificate } from '../../src/tls/self-signed-certificate.js';
import { BIN, printedTrust, startServe } from './serve-process.js';

const emulatorRoot = fileURLToPath(new URL('../..', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'auth0-user-patch-emulator-serve-https-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** The certificate a TLS server presents, as PEM. */
function presentedCertificate(url: string): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect({ host: hostname, port: Number(port), rejectUnauthorized: false }, () => {
      resolve(new X509Certificate(socket.getPeerCertificate().raw).toString());
      socket.end();
    });
    socket.on('error', reject);
  });
}

/** The CLI run to its end, for mistakes that stop it before it serves. */
function run(args: string[]) {
  const result = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A token request for `audience`, form-encoded (as golang.org/x/oauth2 sends it) or JSON (as auth0-java does). */
async function token(url: string, audience: string, form: boolean) {
  const body = { grant_type: 'client_credentials', client_id: 'app', client_secret: 's3cret', audience };
  const response = await fetch(`${url}/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': form ? 'application/x-www-form-urlencoded' : 'application/json' },
    body: form ? new URLSearchParams(body).toString() : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('serve --https', () => {
  it('prints the certificate file and the line that trusts it, serves that certificate, and removes it at the end', async () => {
    const server = await startServe(['--https', '--client-id', 'app', '--client-secret', 's3cret']);
    expect(server.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const { path, variables } = printedTrust(server.output);
    expect(path).toMatch(new RegExp(`^${escape(tmpdir())}/auth0-user-patch-emulator-[^/]+/certificate\\.pem$`));
    const host = server.url.slice('https://'.length);
    const file = escape(path);
    expect(server.output).toMatch(
      new RegExp(
        `^Domain: ${escape(host)}\nClient ID: app\nClient secret: s3cret\nCertificate: ${file}\n` +
          `export SSL_CERT_FILE=${file} REQUESTS_CA_BUNDLE=${file} CURL_CA_BUNDLE=${file} NODE_EXTRA_CA_CERTS=${file}\n` +
          `Discovery: ${escape(server.url)}/\\.well-known/openid-configuration\n` +
          `Page: ${escape(server.url)}/#code=[\\w-]+\nListening on ${escape(server.url)}\n$`,
      ),
    );
    expect(Object.keys(variables)).toEqual([
      'SSL_CERT_FILE',
      'REQUESTS_CA_BUNDLE',
      'CURL_CA_BUNDLE',
      'NODE_EXTRA_CA_CERTS',
    ]);
    const pem = readFileSync(path, 'utf8');
    expect(await presentedCertificate(server.url)).toBe(new X509Certificate(pem).toString());
    server.child.kill('SIGTERM');
    expect(await server.stopped).toBe(0);
    expect(existsSync(dirname(path))).toBe(false);
  });

  it('serves the official Node SDK as it is configured in production, trusted through the printed line', async () => {
    const server = await startServe(['--https', '--client-id', 'app', '--client-secret', 's3cret']);
    try {
      const { variables } = printedTrust(server.output);
      const domain = server.url.slice('https://'.length);
      // No fetch option, no rewriting: only NODE_EXTRA_CA_CERTS from the line serve printed.
      const program = `
        import { ManagementClient } from 'auth0';
        const management = new ManagementClient({ domain: ${JSON.stringify(domain)}, clientId: 'app', clientSecret: 's3cret' });
        const user = await management.users.create({ connection: 'Username-Password-Authentication', email: 'jane@example.com', password: 'Sturdy-Pass-2026', user_metadata: { hobby: 'surfing' } });
        const updated = await management.users.update(user.user_id, { user_metadata: { addresses: { home: '123 Main Street' } } });
        console.log(JSON.stringify(updated.user_metadata));
      `;
      const result = spawnSync(process.execPath, ['--input-type=module', '-e', program], {
        cwd: emulatorRoot,
        env: { ...process.env, ...variables },
        encoding: 'utf8',
      });
      expect(result.stderr).toBe('');
      expect(JSON.parse(result.stdout)).toEqual({ hobby: 'surfing', addresses: { home: '123 Main Street' } });
      const untrusted = spawnSync(process.execPath, ['--input-type=module', '-e', program], {
        cwd: emulatorRoot,
        encoding: 'utf8',
      });
      expect(untrusted.status).not.toBe(0);
      expect(untrusted.stderr).toMatch(/self[- ]signed certificate/i);
    } finally {
      server.child.kill('SIGTERM');
      await server.stopped;
    }
  });

  it('writes the certificate where --cert-out says (which implies --https), and leaves it there', async () => {
    const path = join(scratch, 'emulator.pem');
    const server = await startServe(['--cert-out', path, '--token', 'T']);
    expect(printedTrust(server.output).path).toBe(path);
    expect(await presentedCertificate(server.url)).toBe(new X509Certificate(readFileSync(path)).toString());
    server.child.kill('SIGTERM');
    expect(await server.stopped).toBe(0);
    expect(existsSync(path)).toBe(true);
  });

  it('serves the certificate --cert and --key name, and prints no trust line (its CA is yours)', async () => {
    const { cert, key } = await createSelfSignedCertificate(['localhost', '127.0.0.1'], new Date());
    writeFileSync(join(scratch, 'mine.pem'), cert);
    writeFileSync(join(scratch, 'mine-key.pem'), key);
    const server = await startServe([
      '--cert',
      join(scratch, 'mine.pem'),
      '--key',
      join(scratch, 'mine-key.pem'),
      '--token',
      'T',
    ]);
    try {
      expect(server.output).toBe(
        `Domain: ${server.url.slice('https://'.length)}\nDiscovery: ${server.url}/.well-known/openid-configuration\n` +
          `Page: ${server.url}/\nListening on ${server.url}\n`,
      );
      expect(await presentedCertificate(server.url)).toBe(new X509Certificate(cert).toString());
    } finally {
      server.child.kill('SIGTERM');
      await server.stopped;
    }
  });

  it.each([
    [['--cert', 'a.pem'], '--cert and --key go together'],
    [['--key', 'a.pem'], '--cert and --key go together'],
    [['--cert-out', ''], '--cert, --key and --cert-out must not be empty'],
    [
      ['--cert', 'a.pem', '--key', 'b.pem', '--cert-out', 'c.pem'],
      '--cert-out writes the certificate --https makes; with --cert you have yours',
    ],
  ])('%j is a usage error', (args, message) => {
    expect(run(['serve', '--port', '0', ...args])).toMatchObject({
      code: 2,
      stderr: `auth0-user-patch-emulator: ${message}\n`,
    });
  });

  it('refuses an unreadable --cert, one that is not PEM, and a --cert-out it cannot write, with exit 2 and one line', () => {
    const missing = join(scratch, 'missing.pem');
    expect(run(['serve', '--port', '0', '--cert', missing, '--key', missing])).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(
        new RegExp(`^auth0-user-patch-emulator: cannot read ${escape(missing)}: ENOENT[^\n]*\n$`),
      ),
    });
    const text = join(scratch, 'not-pem.txt');
    writeFileSync(text, 'hello');
    expect(run(['serve', '--port', '0', '--token', 'T', '--cert', text, '--key', text])).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(
        new RegExp(
          `^auth0-user-patch-emulator: --cert ${escape(text)} and --key ${escape(text)} must be a PEM certificate and its private key: [^\n]+\n$`,
        ),
      ),
    });
    const nowhere = join(scratch, 'no-folder', 'emulator.pem');
    expect(run(['serve', '--port', '0', '--token', 'T', '--cert-out', nowhere])).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(
        new RegExp(`^auth0-user-patch-emulator: cannot write the certificate to ${escape(nowhere)}: ENOENT[^\n]*\n$`),
      ),
    });
  });
});

describe('the Management API audience of serve', () => {
  it.each([false, true])(
    'over plain HTTP, issues tokens for http://{host}/api/v2/, which plain-HTTP SDK settings ask for (form: %s)',
    async (form) => {
      const server = await startServe(['--client-id', 'app', '--client-secret', 's3cret']);
      try {
        const host = server.url.slice('http://'.length);
        const issued = await token(server.url, `http://${host}/api/v2/`, form);
        expect(issued.status).toBe(200);
        const users = await fetch(`${server.url}/api/v2/users`, {
          headers: { authorization: `Bearer ${String(issued.body['access_token'])}` },
        });
        expect(users.status).toBe(200);
        expect((await token(server.url, `https://${host}/api/v2/`, form)).status).toBe(200);
      } finally {
        server.child.kill('SIGTERM');
        await server.stopped;
      }
    },
  );
});
