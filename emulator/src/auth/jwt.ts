/** RS256 JSON Web Tokens with the Web Crypto API, so the emulator signs and checks its tokens wherever it runs. */
import { deepFreeze } from '../store/deep-freeze.js';
import { base64url, RS256_ALGORITHM, type SigningKey } from './signing-key.js';

/** Claims in the order they are to appear. */
export type Claims = Readonly<Record<string, unknown>>;

const encoder = new TextEncoder();
const utf8 = new TextDecoder('utf-8', { fatal: true });

/** How many verified tokens each key remembers; past it the oldest is forgotten. */
const REMEMBERED_TOKENS = 1024;
/**
 * The tokens each key has verified and their claims (frozen), by signature (a few hundred characters to hash, where
 * a token with every scope has thousands): a token seen again skips the RSA check and the decoding.
 */
const verifiedByKey = new WeakMap<SigningKey, Map<string, { readonly token: string; readonly claims: Claims }>>();

/** How many signed tokens each key remembers by their signing input (a token with every scope is 7.7 KB). */
const REMEMBERED_SIGNATURES = 64;
/** The tokens each key has signed, by signing input (the same claims within the same second, say). */
const signedByKey = new WeakMap<SigningKey, Map<string, string>>();

/** The claims of a token `key` has verified before, or undefined. */
export function rememberedClaims(token: string, key: SigningKey): Claims | undefined {
  const remembered = verifiedByKey.get(key)?.get(token.slice(token.lastIndexOf('.') + 1));
  return remembered?.token === token ? remembered.claims : undefined;
}

/**
 * Signs claims as a compact JWT with Auth0's header, `{ alg: 'RS256', typ: 'JWT', kid }` (`at+jwt` for RFC 9068).
 * The token is remembered as verified by `key` (it is, by construction), so its first use skips the RSA check; the
 * same claims signed again by the same key (the same second) give the remembered token, as signing again would.
 */
export async function signJwt(claims: Claims, key: SigningKey, typ: 'JWT' | 'at+jwt' = 'JWT'): Promise<string> {
  const signingInput = `${encodeJson({ alg: 'RS256', typ, kid: key.kid })}.${encodeJson(claims)}`;
  // RS256 (RSASSA-PKCS1-v1_5) signs deterministically: the same input, signed again, is the same token.
  let signed = signedByKey.get(key);
  const known = signed?.get(signingInput);
  if (known !== undefined) return known;
  const signature = await crypto.subtle.sign(RS256_ALGORITHM, key.privateKey, encoder.encode(signingInput));
  const token = `${signingInput}.${base64url(new Uint8Array(signature))}`;
  remember(key, token, JSON.parse(JSON.stringify(claims)) as Record<string, unknown>);
  if (signed === undefined) signedByKey.set(key, (signed = new Map()));
  if (signed.size >= REMEMBERED_SIGNATURES) signed.delete(signed.keys().next().value as string);
  signed.set(signingInput, token);
  return token;
}

/**
 * The claims of a JWT signed with `key`, or why it is refused. A token whose header names another `kid` is refused
 * (emulators in one process may share key material, each with its own kid). The signature is checked once per
 * token and key: a token verified before is answered from a bounded memory; its claims (`exp`, `aud`, `iss`) are
 * the caller's to check on every use.
 */
export async function verifyJwt(token: string, key: SigningKey): Promise<Claims | 'malformed' | 'bad-signature'> {
  const remembered = rememberedClaims(token, key);
  if (remembered !== undefined) return remembered;
  const parts = token.split('.');
  if (parts.length !== 3) return 'malformed';
  const [header, payload, signature] = parts as [string, string, string];
  const headerJson = decodeJson(header);
  const claims = decodeJson(payload);
  const signatureBytes = fromBase64url(signature);
  if (headerJson === undefined || claims === undefined || signatureBytes === undefined) return 'malformed';
  if (headerJson['alg'] !== 'RS256') return 'bad-signature';
  if (headerJson['kid'] !== undefined && headerJson['kid'] !== key.kid) return 'bad-signature';
  const valid = await crypto.subtle.verify(
    RS256_ALGORITHM,
    key.publicKey,
    signatureBytes,
    encoder.encode(`${header}.${payload}`),
  );
  return valid ? remember(key, token, claims) : 'bad-signature';
}

/** Remembers a token `key` verified, with its claims as its payload holds them (frozen); the oldest goes past the bound. */
function remember(key: SigningKey, token: string, claims: Record<string, unknown>): Claims {
  let verified = verifiedByKey.get(key);
  if (verified === undefined) verifiedByKey.set(key, (verified = new Map()));
  if (verified.size >= REMEMBERED_TOKENS) verified.delete(verified.keys().next().value as string);
  const frozen = deepFreeze(claims);
  verified.set(token.slice(token.lastIndexOf('.') + 1), { token, claims: frozen });
  return frozen;
}

function encodeJson(value: unknown): string {
  const text = JSON.stringify(value);
  return typeof Buffer === 'function' ? Buffer.from(text).toString('base64url') : base64url(encoder.encode(text));
}

function decodeJson(part: string): Record<string, unknown> | undefined {
  const bytes = fromBase64url(part);
  if (bytes === undefined) return undefined;
  try {
    const value: unknown = JSON.parse(utf8.decode(bytes));
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/** Base64url without padding decoded, natively where `Buffer` exists; undefined for text that is not base64url. */
function fromBase64url(text: string): Uint8Array<ArrayBuffer> | undefined {
  // A length of 4n+1 is no base64 (atob refuses it; Buffer would drop the last character).
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return undefined;
  if (typeof Buffer === 'function') return new Uint8Array(Buffer.from(text, 'base64url'));
  const binary = atob(text.replaceAll('-', '+').replaceAll('_', '/'));
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
  return bytes;
}
