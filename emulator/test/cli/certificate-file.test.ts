/** The certificate file of `serve --https` and the line that trusts it, run through a real shell. */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { trustLine, writeCertificateFile } from '../../src/cli/certificate-file.js';
import { OperatorError } from '../../src/cli/operator-error.js';

const PEM = '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n';
const scratch = mkdtempSync(join(tmpdir(), 'auth0-user-patch-emulator-certificate-file-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** What a POSIX shell's environment holds after it runs the line. */
function variablesAfter(line: string): Record<string, string> {
  const script = `${line}\nfor name in SSL_CERT_FILE REQUESTS_CA_BUNDLE CURL_CA_BUNDLE NODE_EXTRA_CA_CERTS; do printenv "$name"; done`;
  const [SSL_CERT_FILE, REQUESTS_CA_BUNDLE, CURL_CA_BUNDLE, NODE_EXTRA_CA_CERTS] = execFileSync('sh', ['-c', script], {
    encoding: 'utf8',
  }).split('\n');
  return { SSL_CERT_FILE, REQUESTS_CA_BUNDLE, CURL_CA_BUNDLE, NODE_EXTRA_CA_CERTS } as Record<string, string>;
}

describe('trustLine', () => {
  it.each(['/tmp/auth0-user-patch-emulator-Ab12/certificate.pem', "/tmp/it's here/a $HOME `x`.pem"])(
    'exports the four variables with the path %j, as a shell reads it',
    (path) => {
      expect(variablesAfter(trustLine(path))).toEqual({
        SSL_CERT_FILE: path,
        REQUESTS_CA_BUNDLE: path,
        CURL_CA_BUNDLE: path,
        NODE_EXTRA_CA_CERTS: path,
      });
    },
  );

  it('leaves a plain path unquoted, so the line reads as it is', () => {
    expect(trustLine('/tmp/a/certificate.pem')).toBe(
      'export SSL_CERT_FILE=/tmp/a/certificate.pem REQUESTS_CA_BUNDLE=/tmp/a/certificate.pem CURL_CA_BUNDLE=/tmp/a/certificate.pem NODE_EXTRA_CA_CERTS=/tmp/a/certificate.pem',
    );
  });
});

describe('writeCertificateFile', () => {
  it('writes to a new folder of the temp dir by default, and removes the folder', () => {
    const file = writeCertificateFile(PEM, undefined);
    expect(dirname(dirname(file.path))).toBe(tmpdir());
    expect(file.path).toMatch(/auth0-user-patch-emulator-[^/]+\/certificate\.pem$/);
    expect(readFileSync(file.path, 'utf8')).toBe(PEM);
    file.remove();
    expect(existsSync(dirname(file.path))).toBe(false);
  });

  it('replaces the file it is given whole, leaves nothing beside it, and leaves it in place at the end', () => {
    const path = join(scratch, 'emulator.pem');
    writeFileSync(path, 'the last run’s certificate');
    const file = writeCertificateFile(PEM, path);
    expect(file.path).toBe(path);
    expect(readFileSync(path, 'utf8')).toBe(PEM);
    expect(readdirSync(scratch)).toEqual(['emulator.pem']);
    file.remove();
    expect(readFileSync(path, 'utf8')).toBe(PEM);
  });

  it('refuses a path it cannot write with an operator error that names it, and leaves nothing behind', () => {
    const path = join(scratch, 'missing-folder', 'emulator.pem');
    expect(() => writeCertificateFile(PEM, path)).toThrow(OperatorError);
    expect(() => writeCertificateFile(PEM, path)).toThrow(`cannot write the certificate to ${path}: ENOENT`);
    expect(readdirSync(scratch)).toEqual(['emulator.pem']);
  });
});
