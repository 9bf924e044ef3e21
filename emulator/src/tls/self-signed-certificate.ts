/**
 * A self-signed X.509 v3 certificate for a local HTTPS server, made with the Web Crypto API (no dependency): an ECDSA
 * P-256 key, signed with SHA-256, for the names and addresses a client connects to.
 */
import {
  bitString,
  boolean,
  explicit,
  implicit,
  objectIdentifier,
  octetString,
  sequence,
  set,
  time,
  unsignedInteger,
  utf8String,
  ascii,
} from './der.js';
import { ipAddressBytes } from './ip-address.js';

/** A certificate and its private key, both PEM. */
export type CertificateAndKey = { readonly cert: string; readonly key: string };

/** The subject and issuer's common name. */
export const CERTIFICATE_NAME = 'auth0-user-patch-emulator';

/** How long the certificate is valid after it is made; `serve` makes a new one at each start. */
const VALID_DAYS = 30;

/** How far back its validity starts, for a client whose clock is a little behind. */
const VALID_BEFORE_MS = 60 * 60 * 1000;

const OID = {
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
  commonName: '2.5.4.3',
  subjectKeyIdentifier: '2.5.29.14',
  keyUsage: '2.5.29.15',
  subjectAltName: '2.5.29.17',
  basicConstraints: '2.5.29.19',
  authorityKeyIdentifier: '2.5.29.35',
  extendedKeyUsage: '2.5.29.37',
  serverAuth: '1.3.6.1.5.5.7.3.1',
} as const;

/**
 * A certificate for `hosts` (host names and IP addresses; anything else, such as a
 * `host:port`, is left out), valid from an hour before `now` for
 * 30 days. An end-entity certificate that a client trusts as it is, with what strict verifiers look for: the names in
 * `subjectAltName` (Go ignores the common name), `CA:FALSE`, key usage `digitalSignature`, extended key usage
 * `serverAuth` (Go, Apple) and key identifiers (OpenSSL's strict mode, Python 3.13's default).
 */
export async function createSelfSignedCertificate(hosts: readonly string[], now: Date): Promise<CertificateAndKey> {
  const names = subjectAltNames(hosts);
  if (names.length === 0) throw new TypeError('a certificate needs at least one host name or IP address');
  const { publicKey, privateKey } = (await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, [
    'sign',
    'verify',
  ])) as CryptoKeyPair;
  const publicKeyInfo = new Uint8Array(await crypto.subtle.exportKey('spki', publicKey));
  // RFC 5280 4.2.1.2, method 1: the SHA-1 of the subjectPublicKey bits.
  const point = new Uint8Array(await crypto.subtle.exportKey('raw', publicKey));
  const keyId = new Uint8Array(await crypto.subtle.digest('SHA-1', point));
  const serial = crypto.getRandomValues(new Uint8Array(16));
  serial[0] = ((serial[0] as number) & 0x7f) | 0x40; // positive, 16 bytes, never zero (RFC 5280 4.1.2.2)
  const name = sequence(set(sequence(objectIdentifier(OID.commonName), utf8String(CERTIFICATE_NAME))));
  const algorithm = sequence(objectIdentifier(OID.ecdsaWithSha256));
  const toBeSigned = sequence(
    explicit(0, unsignedInteger(Uint8Array.of(2))), // version 3
    unsignedInteger(serial),
    algorithm,
    name,
    sequence(time(new Date(now.getTime() - VALID_BEFORE_MS)), time(new Date(now.getTime() + VALID_DAYS * 86_400_000))),
    name,
    publicKeyInfo,
    explicit(
      3,
      sequence(
        extension(OID.subjectAltName, false, sequence(...names)),
        extension(OID.basicConstraints, true, sequence()), // cA FALSE, the DEFAULT, is left out
        extension(OID.keyUsage, true, bitString(Uint8Array.of(0x80), 7)), // digitalSignature only
        extension(OID.extendedKeyUsage, false, sequence(objectIdentifier(OID.serverAuth))),
        extension(OID.subjectKeyIdentifier, false, octetString(keyId)),
        extension(OID.authorityKeyIdentifier, false, sequence(implicit(0, keyId))),
      ),
    ),
  );
  const signature = new Uint8Array(
    await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, privateKey, toBeSigned),
  );
  const certificate = sequence(toBeSigned, algorithm, bitString(ecdsaSignatureValue(signature)));
  const key = new Uint8Array(await crypto.subtle.exportKey('pkcs8', privateKey));
  return { cert: pem('CERTIFICATE', certificate), key: pem('PRIVATE KEY', key) };
}

/** The GeneralNames of the hosts, each once: `iPAddress` for an address, `dNSName` for a host name. */
function subjectAltNames(hosts: readonly string[]): Uint8Array[] {
  const seen = new Set<string>();
  const names: Uint8Array[] = [];
  for (const host of hosts) {
    const bare = host.replace(/^\[(.*)\]$/, '$1');
    const address = ipAddressBytes(bare);
    if (address?.every((byte) => byte === 0)) continue; // 0.0.0.0 and :: listen everywhere but name no server
    const name = address === undefined && isHostName(bare) ? bare.toLowerCase() : undefined;
    const general =
      address !== undefined ? implicit(7, address) : name !== undefined ? implicit(2, ascii(name)) : undefined;
    const key = general === undefined ? '' : Array.from(general).join(',');
    if (general === undefined || seen.has(key)) continue;
    seen.add(key);
    names.push(general);
  }
  return names;
}

/** A DNS name a certificate can hold: labels of letters, digits and inner hyphens (RFC 1123), 253 characters at most. */
function isHostName(text: string): boolean {
  return text.length <= 253 && /^(?!-)[a-z0-9-]{1,63}(?<!-)(\.(?!-)[a-z0-9-]{1,63}(?<!-))*$/i.test(text);
}

/** Web Crypto's ECDSA signature (r and s, 32 bytes each) as X.509's Ecdsa-Sig-Value, `SEQUENCE { r, s }`. */
function ecdsaSignatureValue(signature: Uint8Array): Uint8Array {
  const half = signature.length / 2;
  return sequence(unsignedInteger(signature.subarray(0, half)), unsignedInteger(signature.subarray(half)));
}

function extension(oid: string, critical: boolean, value: Uint8Array): Uint8Array {
  return sequence(objectIdentifier(oid), ...(critical ? [boolean(true)] : []), octetString(value));
}

function pem(label: string, der: Uint8Array): string {
  let binary = '';
  for (const byte of der) binary += String.fromCharCode(byte);
  const lines = btoa(binary).match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}
