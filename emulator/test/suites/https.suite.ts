/**
 * `listen` over HTTPS (a certificate it makes, or yours), and the Management API audience by scheme: always
 * `https://{domain}/api/v2/`, and `http://{domain}/api/v2/` too over plain HTTP (the plain-HTTP settings of
 * go-auth0 and auth0-java ask for it).
 */
import { X509Certificate } from 'node:crypto';
import { createConnection } from 'node:net';
import { connect } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSelfSignedCertificate } from '../../src/tls/self-signed-certificate.js';
import { fetchTrusting } from './fetch-trusting.js';
import { CLIENT, CLIENT_ID, CLIENT_SECRET, DOMAIN, NOW, type Emulator, type EmulatorModule } from './harness.js';

/** A client-credentials token request, form-encoded (golang.org/x/oauth2, httpx, .NET) or JSON (Java, Ruby, PHP). */
function tokenRequest(url: string, audience: string, form: boolean): Request {
  const body = { grant_type: 'client_credentials', client_id: CLIENT_ID, client_secret: CLIENT_SECRET, audience };
  return new Request(`${url}/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': form ? 'application/x-www-form-urlencoded' : 'application/json' },
    body: form ? new URLSearchParams(body).toString() : JSON.stringify(body),
  });
}

/** The claims of a JWT, read without checking it. */
const claimsOf = (token: string) =>
  JSON.parse(Buffer.from(token.split('.')[1] as string, 'base64url').toString('utf8')) as Record<string, unknown>;

/** The certificate a TLS server presents, as PEM. */
async function presentedCertificate(url: string): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect({ host: hostname, port: Number(port), rejectUnauthorized: false }, () => {
      const der = socket.getPeerCertificate().raw;
      socket.end();
      resolve(new X509Certificate(der).toString());
    });
    socket.on('error', reject);
  });
}

export function httpsSuite({ createEmulator }: EmulatorModule): void {
  describe('listen({ https: true })', () => {
    let auth0: Emulator;
    let server: Awaited<ReturnType<Emulator['listen']>>;
    beforeAll(async () => {
      auth0 = createEmulator({ clients: [CLIENT], now: () => NOW });
      server = await auth0.listen({ https: true });
    });
    afterAll(() => server.close());

    it('serves HTTPS with a certificate for localhost, 127.0.0.1 and ::1, which it gives for clients to trust', async () => {
      expect(server.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
      const certificate = new X509Certificate(server.certificate as string);
      expect(certificate.checkHost('localhost')).toBe('localhost');
      expect(certificate.checkIP('127.0.0.1')).toBe('127.0.0.1');
      expect(certificate.checkIP('::1')).toBe('::1');
      expect(await presentedCertificate(server.url)).toBe(certificate.toString());
    });

    it('answers a client that trusts the certificate; a client that does not refuses the connection', async () => {
      const trusting = fetchTrusting(server.certificate as string);
      const response = await trusting(tokenRequest(server.url, `${server.url}/api/v2/`, false));
      expect(response.status).toBe(200);
      const untrusting = fetchTrusting('');
      await expect(untrusting(`${server.url}/api/v2/users`)).rejects.toMatchObject({
        code: 'DEPTH_ZERO_SELF_SIGNED_CERT',
      });
    });

    it.each([false, true])(
      'issues tokens for https://{host}/api/v2/ only, not http://{host}/api/v2/ (form-encoded: %s)',
      async (form) => {
        const trusting = fetchTrusting(server.certificate as string);
        const host = server.url.slice('https://'.length);
        const good = await trusting(tokenRequest(server.url, `https://${host}/api/v2/`, form));
        expect(good.status).toBe(200);
        const { access_token: token } = (await good.json()) as { access_token: string };
        expect(claimsOf(token)).toMatchObject({ aud: `https://${host}/api/v2/`, iss: `https://${host}/` });
        const users = await trusting(`${server.url}/api/v2/users`, { headers: { authorization: `Bearer ${token}` } });
        expect(users.status).toBe(200);
        const plain = await trusting(tokenRequest(server.url, `http://${host}/api/v2/`, form));
        expect(plain.status).toBe(403);
        expect(await plain.json()).toEqual({
          error: 'access_denied',
          error_description: `Service not enabled within domain: http://${host}/api/v2/`,
        });
      },
    );

    it('drops a plain-HTTP request and a failed handshake on its port, and goes on serving', async () => {
      const { hostname, port } = new URL(server.url);
      const answered = await new Promise<string>((resolve) => {
        const socket = createConnection({ host: hostname, port: Number(port) }, () =>
          socket.write('GET /api/v2/users HTTP/1.1\r\nHost: x\r\n\r\n'),
        );
        let text = '';
        socket.on('data', (chunk: Buffer) => (text += chunk.toString('latin1')));
        socket.on('close', () => resolve(text));
        socket.on('error', () => undefined);
      });
      expect(answered).not.toContain('HTTP/1.1 200');
      await expect(fetchTrusting('')(`${server.url}/api/v2/users`)).rejects.toThrow();
      const trusting = fetchTrusting(server.certificate as string);
      expect((await trusting(tokenRequest(server.url, `${server.url}/api/v2/`, false))).status).toBe(200);
    });

    it('names the tenant domain in the certificate too, without its port', async () => {
      const tenant = await createEmulator({ token: 'T', domain: 'tenant.example:8443' }).listen({ https: true });
      try {
        expect(new X509Certificate(tenant.certificate as string).checkHost('tenant.example')).toBe('tenant.example');
      } finally {
        await tenant.close();
      }
    });

    it('has no certificate over plain HTTP', async () => {
      const plain = await auth0.listen();
      try {
        expect(plain.url).toMatch(/^http:\/\//);
        expect(plain).not.toHaveProperty('certificate');
      } finally {
        await plain.close();
      }
    });
  });

  describe('listen({ cert, key })', () => {
    it('serves your certificate, and HTTPS without https: true', async () => {
      const given = await createSelfSignedCertificate(['localhost'], new Date());
      const server = await createEmulator({ token: 'T' }).listen({ cert: given.cert, key: given.key });
      try {
        expect(server.url).toMatch(/^https:\/\//);
        expect(server.certificate).toBe(given.cert);
        expect(await presentedCertificate(server.url)).toBe(new X509Certificate(given.cert).toString());
      } finally {
        await server.close();
      }
    });

    it.each([
      [{ https: 'yes' }, 'listen: https must be a boolean'],
      [{ cert: 'x' }, 'listen: cert and key go together'],
      [{ key: 'x' }, 'listen: cert and key go together'],
      [{ cert: '', key: 'x' }, 'listen: cert must be PEM text'],
      [{ cert: 'x', key: 42 }, 'listen: key must be PEM text'],
    ])('refuses %j with a TypeError', async (options, message) => {
      const auth0 = createEmulator({ token: 'T' });
      await expect(auth0.listen(options as never)).rejects.toThrow(new TypeError(message));
    });

    it('refuses https: false with a cert, and a cert and key that are not PEM, with a TypeError that says why', async () => {
      const auth0 = createEmulator({ token: 'T' });
      const { cert, key } = await createSelfSignedCertificate(['localhost'], new Date());
      const other = await createSelfSignedCertificate(['localhost'], new Date());
      await expect(auth0.listen({ https: false, cert, key })).rejects.toThrow(
        new TypeError('listen: cert and key serve HTTPS, which https: false turns off'),
      );
      await expect(auth0.listen({ cert: 'not a certificate', key })).rejects.toThrow(
        /^listen: cert and key must be a PEM certificate and its private key: .+/,
      );
      await expect(auth0.listen({ cert, key: other.key })).rejects.toThrow(
        /^listen: cert and key must be a PEM certificate and its private key: .*key values mismatch/,
      );
    });
  });

  describe('the Management API audience by scheme', () => {
    const auth0 = createEmulator({ clients: [CLIENT], now: () => NOW, domain: DOMAIN });
    const token = async (url: string, audience: string, form = false) => {
      const response = await auth0.fetch(tokenRequest(url, audience, form));
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    };
    const users = async (url: string, token: unknown) =>
      (await auth0.fetch(new Request(`${url}/api/v2/users`, { headers: { authorization: `Bearer ${String(token)}` } })))
        .status;

    it.each([false, true])(
      'over plain HTTP, issues tokens for http://{domain}/api/v2/ as well, and takes them (form-encoded: %s)',
      async (form) => {
        const { status, body } = await token(`http://${DOMAIN}`, `http://${DOMAIN}/api/v2/`, form);
        expect(status).toBe(200);
        expect(claimsOf(body['access_token'] as string)).toMatchObject({
          aud: `http://${DOMAIN}/api/v2/`,
          iss: `https://${DOMAIN}/`,
        });
        expect(await users(`http://${DOMAIN}`, body['access_token'])).toBe(200);
        const secure = await token(`http://${DOMAIN}`, `https://${DOMAIN}/api/v2/`, form);
        expect(secure.status).toBe(200);
        expect(await users(`http://${DOMAIN}`, secure.body['access_token'])).toBe(200);
      },
    );

    it('over HTTPS, refuses to issue for http://{domain}/api/v2/, and refuses a token issued for it', async () => {
      expect(await token(`https://${DOMAIN}`, `http://${DOMAIN}/api/v2/`)).toEqual({
        status: 403,
        body: {
          error: 'access_denied',
          error_description: `Service not enabled within domain: http://${DOMAIN}/api/v2/`,
        },
      });
      const { body } = await token(`http://${DOMAIN}`, `http://${DOMAIN}/api/v2/`);
      const response = await auth0.fetch(
        new Request(`https://${DOMAIN}/api/v2/users`, {
          headers: { authorization: `Bearer ${String(body['access_token'])}` },
        }),
      );
      expect(response.status).toBe(401);
      expect(await response.json()).toMatchObject({ message: `Bad audience: http://${DOMAIN}/api/v2/` });
    });

    it.each(['http://tenant.example/api/v2', 'http://other.example/api/v2/', 'ftp://tenant.example/api/v2/'])(
      'refuses any other audience over plain HTTP: %s',
      async (audience) => {
        expect(await token(`http://${DOMAIN}`, audience)).toEqual({
          status: 403,
          body: { error: 'access_denied', error_description: `Service not enabled within domain: ${audience}` },
        });
      },
    );
  });
}
