/** The PEM file `serve --https` writes its certificate to, for clients to trust, and removes when it stops. */
import { mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OperatorError } from './operator-error.js';

/** Where the certificate was written, and how to take away what `serve` made for it. */
export type CertificateFile = { readonly path: string; readonly remove: () => void };

/**
 * Writes `pem` to `path` atomically (a file beside it, then renamed over it), where it stays after `serve` stops; or,
 * without a path, to `certificate.pem` in a new folder of the OS temp dir, which `remove` deletes.
 */
export function writeCertificateFile(pem: string, path: string | undefined): CertificateFile {
  if (path === undefined) {
    let folder: string;
    try {
      folder = mkdtempSync(join(tmpdir(), 'auth0-user-patch-emulator-'));
    } catch (error) {
      throw new OperatorError(`cannot write the certificate to ${tmpdir()}: ${(error as Error).message}`);
    }
    const file = join(folder, 'certificate.pem');
    writeFileSync(file, pem, { mode: 0o644 });
    return { path: file, remove: () => rmSync(folder, { recursive: true, force: true }) };
  }
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, pem, { mode: 0o644 });
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw new OperatorError(`cannot write the certificate to ${path}: ${(error as Error).message}`);
  }
  return { path, remove: () => undefined };
}

/** The shell line that makes the usual TLS stacks of a shell's programs trust the certificate at `path`. */
export function trustLine(path: string): string {
  const quoted = /^[\w@%+=:,./-]+$/.test(path) ? path : `'${path.replaceAll("'", `'\\''`)}'`;
  return `export ${TRUST_VARIABLES.map((name) => `${name}=${quoted}`).join(' ')}`;
}

/**
 * What reads a CA file from the environment: OpenSSL's default paths (Python's ssl and http.client, httpx, Ruby, PHP
 * streams, .NET on Linux) and Go's crypto/x509; Python's requests; the curl command; Node.js.
 */
const TRUST_VARIABLES = ['SSL_CERT_FILE', 'REQUESTS_CA_BUNDLE', 'CURL_CA_BUNDLE', 'NODE_EXTRA_CA_CERTS'];
