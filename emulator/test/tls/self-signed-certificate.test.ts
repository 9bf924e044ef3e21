/**
 * The certificate `listen({ https: true })` and `serve --https` make, read by independent parsers and verifiers:
 * Node's X509Certificate, OpenSSL's command line (strict mode) when it is installed, and a TLS handshake.
 */
import { spawnSync } from 'node:child_process';
import { createPrivateKey, X509Certificate } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect, createServer, type ConnectionOptions } from 'node:tls';
import { describe, expect, it } from 'vitest';
import { createSelfSignedCertificate } from '../../src/tls/self-signed-certificate.js';

const NOW = new Date('2026-11-26T12:00:00.000Z');
const LOOPBACK = ['localhost', '127.0.0.1', '::1'];
const hasOpenssl = spawnSync('openssl', ['version']).status === 0;

/** The TLS handshake's outcome for a client with `options` against a server with the certificate: ok, or the error code. */
async function handshake(credentials: { cert: string; key: string }, options: ConnectionOptions): Promise<string> {
  const server = createServer(credentials, (socket) => socket.end());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  try {
    return await new Promise<string>((resolve) => {
      const socket = connect({ host: '127.0.0.1', port, ...options }, () => {
        socket.end();
        resolve('ok');
      });
      socket.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
    });
  } finally {
    server.close();
  }
}

describe('createSelfSignedCertificate', () => {
  it('makes a v3 certificate for localhost, 127.0.0.1 and ::1 that Node parses, signed by its own key', async () => {
    const { cert, key } = await createSelfSignedCertificate(LOOPBACK, NOW);
    expect(cert).toMatch(
      /^-----BEGIN CERTIFICATE-----\n([A-Za-z0-9+/=]{64}\n)*[A-Za-z0-9+/=]{1,64}\n-----END CERTIFICATE-----\n$/,
    );
    expect(key).toMatch(/^-----BEGIN PRIVATE KEY-----\n[\s\S]+\n-----END PRIVATE KEY-----\n$/);
    const x509 = new X509Certificate(cert);
    expect(x509.subject).toBe('CN=auth0-user-patch-emulator');
    expect(x509.issuer).toBe(x509.subject);
    expect(x509.verify(x509.publicKey)).toBe(true);
    expect(x509.checkPrivateKey(createPrivateKey(key))).toBe(true);
    expect(x509.publicKey.asymmetricKeyType).toBe('ec');
    expect(x509.publicKey.asymmetricKeyDetails?.namedCurve).toBe('prime256v1');
    expect(x509.ca).toBe(false);
    expect(x509.keyUsage).toEqual(['1.3.6.1.5.5.7.3.1']); // Node names the extended key usages so: serverAuth
    expect(x509.serialNumber).toMatch(/^[4-7][0-9A-F]{31}$/); // 16 bytes, positive
    expect(x509.checkHost('localhost')).toBe('localhost');
    expect(x509.checkIP('127.0.0.1')).toBe('127.0.0.1');
    expect(x509.checkIP('::1')).toBe('::1');
    expect(x509.checkHost('example.com')).toBeUndefined();
    expect(x509.checkIP('127.0.0.2')).toBeUndefined();
  });

  it('is valid from an hour before now for 30 days', async () => {
    const x509 = new X509Certificate((await createSelfSignedCertificate(LOOPBACK, NOW)).cert);
    expect(new Date(x509.validFrom).toISOString()).toBe('2026-11-26T11:00:00.000Z');
    expect(new Date(x509.validTo).toISOString()).toBe('2026-12-26T12:00:00.000Z');
  });

  it('names each host once, the bracketed and the plain; leaves out a host:port, a wildcard address, a non-ASCII name', async () => {
    const hosts = [
      ...LOOPBACK,
      'Tenant.Example',
      '[::1]',
      '10.0.0.5',
      'tenant.example',
      '0.0.0.0',
      '::',
      'a:8443',
      'exämple.com',
    ];
    const x509 = new X509Certificate((await createSelfSignedCertificate(hosts, NOW)).cert);
    expect(x509.checkHost('tenant.example')).toBe('tenant.example');
    expect(x509.checkIP('10.0.0.5')).toBe('10.0.0.5');
    expect(x509.checkIP('0.0.0.0')).toBeUndefined();
    expect(x509.subjectAltName?.split(', ')).toHaveLength(5);
  });

  it('makes a new key and serial number each time', async () => {
    const [first, second] = await Promise.all([
      createSelfSignedCertificate(LOOPBACK, NOW),
      createSelfSignedCertificate(LOOPBACK, NOW),
    ]);
    expect(first.key).not.toBe(second.key);
    expect(new X509Certificate(first.cert).serialNumber).not.toBe(new X509Certificate(second.cert).serialNumber);
  });

  it('refuses to make a certificate for no host it can name', async () => {
    await expect(createSelfSignedCertificate(['0.0.0.0', 'a b'], NOW)).rejects.toThrow(TypeError);
  });

  it('passes a TLS handshake that trusts it, for an IP address and for localhost; fails one that does not', async () => {
    const credentials = await createSelfSignedCertificate(LOOPBACK, new Date());
    expect(await handshake(credentials, { ca: credentials.cert })).toBe('ok');
    expect(await handshake(credentials, { ca: credentials.cert, servername: 'localhost' })).toBe('ok');
    expect(await handshake(credentials, { ca: credentials.cert, servername: 'example.com' })).toBe(
      'ERR_TLS_CERT_ALTNAME_INVALID',
    );
    expect(await handshake(credentials, {})).toBe('DEPTH_ZERO_SELF_SIGNED_CERT');
  });

  it.skipIf(!hasOpenssl)(
    'is read by openssl x509 and passes openssl verify -x509_strict as a TLS server certificate',
    async () => {
      const { cert } = await createSelfSignedCertificate(LOOPBACK, new Date());
      const text = spawnSync('openssl', ['x509', '-noout', '-text'], { input: cert, encoding: 'utf8' });
      expect(text.status, text.stderr).toBe(0);
      for (const line of [
        'Version: 3 (0x2)',
        'Signature Algorithm: ecdsa-with-SHA256',
        'DNS:localhost, IP Address:127.0.0.1, IP Address:0:0:0:0:0:0:0:1',
        'X509v3 Basic Constraints: critical',
        'CA:FALSE',
        'X509v3 Key Usage: critical',
        'Digital Signature',
        'TLS Web Server Authentication',
        'X509v3 Subject Key Identifier',
        'X509v3 Authority Key Identifier',
      ])
        expect(text.stdout).toContain(line);
      const scratch = mkdtempSync(join(tmpdir(), 'auth0-user-patch-emulator-certificate-'));
      try {
        const file = join(scratch, 'certificate.pem');
        writeFileSync(file, cert);
        const verify = spawnSync(
          'openssl',
          ['verify', '-x509_strict', '-purpose', 'sslserver', '-CAfile', file, file],
          {
            encoding: 'utf8',
          },
        );
        expect(verify.stdout + verify.stderr).toBe(`${file}: OK\n`);
      } finally {
        rmSync(scratch, { recursive: true, force: true });
      }
    },
  );
});
