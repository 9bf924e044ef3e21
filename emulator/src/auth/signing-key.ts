/**
 * The tenant's RS256 signing key, with the Web Crypto API so that the handler runs wherever `Request` exists:
 * generated per emulator (as every Auth0 tenant has its own), or given as a private JWK or a PKCS #8 PEM.
 */

/**
 * A private RSA key in JWK form (RFC 7517), as `crypto.generateKeyPairSync('rsa', { modulusLength: 2048 })
 * .privateKey.export({ format: 'jwk' })` gives it; `kid` names it in the JWKS (else its RFC 7638 thumbprint does).
 *
 * @example
 * const key: PrivateRsaJwk = { kty: 'RSA', kid: 'test-key', n: '…', e: 'AQAB', d: '…', p: '…', q: '…', dp: '…', dq: '…', qi: '…' };
 */
export type PrivateRsaJwk = {
  readonly kty: 'RSA';
  readonly kid?: string;
  readonly n: string;
  readonly e: string;
  readonly d: string;
  readonly p: string;
  readonly q: string;
  readonly dp: string;
  readonly dq: string;
  readonly qi: string;
};

/** A public key as the JWKS publishes it, in the order of Auth0's (`x5t` and `x5c` left out: see the README). */
export type PublicJwk = {
  readonly alg: 'RS256';
  readonly kty: 'RSA';
  readonly use: 'sig';
  readonly n: string;
  readonly e: string;
  readonly kid: string;
};

/** A key pair, imported once: signing and verifying never import it again. */
export type SigningKey = {
  readonly kid: string;
  readonly privateKey: CryptoKey;
  readonly publicKey: CryptoKey;
  readonly jwk: PublicJwk;
};

const RS256 = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' } as const;
const JWK_MEMBERS = ['n', 'e', 'd', 'p', 'q', 'dp', 'dq', 'qi'] as const;
const KID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const PEM = /^-----BEGIN PRIVATE KEY-----\s*([A-Za-z0-9+/=\s]+?)\s*-----END PRIVATE KEY-----\s*$/;

/** Checks a given key's shape up front (its import happens on first use), so a malformed one is a `TypeError`. */
export function checkGivenKey(given: unknown, where = 'createEmulator: options.signingKey'): PrivateRsaJwk | string {
  if (typeof given === 'string') {
    if (!PEM.test(given.trim()))
      throw new TypeError(`${where} must be a PKCS #8 PEM ("-----BEGIN PRIVATE KEY-----") or a private RSA JWK`);
    return given.trim();
  }
  if (typeof given !== 'object' || given === null || (given as { kty?: unknown }).kty !== 'RSA')
    throw new TypeError(`${where} must be a private RSA JWK (kty "RSA") or a PKCS #8 PEM`);
  const jwk = given as Record<string, unknown>;
  for (const member of JWK_MEMBERS) {
    if (typeof jwk[member] !== 'string' || !/^[A-Za-z0-9_-]+$/.test(jwk[member] as string))
      throw new TypeError(`${where}.${member} must be a base64url string: give the private key, not the public one`);
  }
  if (jwk['kid'] !== undefined && (typeof jwk['kid'] !== 'string' || jwk['kid'] === ''))
    throw new TypeError(`${where}.kid must be a non-empty string`);
  return given as PrivateRsaJwk;
}

/** A new RSA-2048 key with a `kid` of 21 random URL-safe characters, the form of Auth0's newer tenants. */
export async function generateSigningKey(): Promise<SigningKey> {
  const pair = (await crypto.subtle.generateKey(
    { ...RS256, modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]) },
    true,
    ['sign', 'verify'],
  )) as CryptoKeyPair;
  const { n, e } = await publicMembers(pair.publicKey);
  return keyOf(pair.privateKey, pair.publicKey, n, e, randomKid());
}

/** Imports a checked given key. */
export async function importSigningKey(given: PrivateRsaJwk | string): Promise<SigningKey> {
  let privateKey: CryptoKey;
  if (typeof given === 'string') {
    const base64 = (PEM.exec(given)?.[1] ?? '').replace(/\s+/g, '');
    const der = Uint8Array.from(atob(base64), (character) => character.charCodeAt(0));
    privateKey = await crypto.subtle.importKey('pkcs8', der, RS256, true, ['sign']);
  } else {
    const { kid: _kid, ...members } = given;
    privateKey = await crypto.subtle.importKey('jwk', { ...members, alg: 'RS256', ext: true }, RS256, true, ['sign']);
  }
  const { n, e } = await publicMembers(privateKey);
  const publicKey = await crypto.subtle.importKey('jwk', { kty: 'RSA', n, e }, RS256, true, ['verify']);
  const kid = typeof given === 'string' || given.kid === undefined ? await thumbprint(n, e) : given.kid;
  return keyOf(privateKey, publicKey, n, e, kid);
}

/** Signs a probe and verifies it: Web Crypto imports a JWK whose members do not make one key, then signs wrongly. */
export async function checkKeyPair(key: SigningKey): Promise<void> {
  const probe = new TextEncoder().encode('auth0-user-patch-emulator');
  const signature = await crypto.subtle.sign(RS256, key.privateKey, probe);
  if (!(await crypto.subtle.verify(RS256, key.publicKey, signature, probe)))
    throw new TypeError('its members do not make one RSA key');
}

/** The modulus and exponent of an extractable RSA key. */
async function publicMembers(key: CryptoKey): Promise<{ n: string; e: string }> {
  const { n, e } = await crypto.subtle.exportKey('jwk', key);
  if (typeof n !== 'string' || typeof e !== 'string')
    throw new TypeError('createEmulator: options.signingKey is not an RSA key');
  return { n, e };
}

function keyOf(privateKey: CryptoKey, publicKey: CryptoKey, n: string, e: string, kid: string): SigningKey {
  const jwk: PublicJwk = Object.freeze({ alg: 'RS256', kty: 'RSA', use: 'sig', n, e, kid });
  return Object.freeze({ kid, privateKey, publicKey, jwk });
}

function randomKid(): string {
  // 64 letters: a byte's low six bits pick one without bias.
  return Array.from(crypto.getRandomValues(new Uint8Array(21)), (byte) => KID_ALPHABET[byte & 63]).join('');
}

/** The RFC 7638 SHA-256 thumbprint of an RSA public key, base64url: a stable `kid` for a given key. */
async function thumbprint(n: string, e: string): Promise<string> {
  const canonical = new TextEncoder().encode(`{"e":"${e}","kty":"RSA","n":"${n}"}`);
  return base64url(new Uint8Array(await crypto.subtle.digest('SHA-256', canonical)));
}

/** Bytes as base64url without padding. */
export function base64url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

/** RS256 with SHA-256, as Web Crypto names it. */
export const RS256_ALGORITHM = RS256;
