/** RS256 JSON Web Tokens with the Web Crypto API, so the emulator signs and checks its tokens wherever it runs. */
import { base64url, RS256_ALGORITHM, type SigningKey } from './signing-key.js';

/** Claims in the order they are to appear. */
export type Claims = Readonly<Record<string, unknown>>;

const encoder = new TextEncoder();

/** Signs claims as a compact JWT with Auth0's header, `{ alg: 'RS256', typ: 'JWT', kid }` (`at+jwt` for RFC 9068). */
export async function signJwt(claims: Claims, key: SigningKey, typ: 'JWT' | 'at+jwt' = 'JWT'): Promise<string> {
  const signingInput = `${encodeJson({ alg: 'RS256', typ, kid: key.kid })}.${encodeJson(claims)}`;
  const signature = await crypto.subtle.sign(RS256_ALGORITHM, key.privateKey, encoder.encode(signingInput));
  return `${signingInput}.${base64url(new Uint8Array(signature))}`;
}

/** The claims of a JWT signed with `key`, or why it is refused. */
export async function verifyJwt(
  token: string,
  key: SigningKey,
): Promise<Record<string, unknown> | 'malformed' | 'bad-signature'> {
  const parts = token.split('.');
  if (parts.length !== 3) return 'malformed';
  const [header, payload, signature] = parts as [string, string, string];
  const headerJson = decodeJson(header);
  const claims = decodeJson(payload);
  const signatureBytes = fromBase64url(signature);
  if (headerJson === undefined || claims === undefined || signatureBytes === undefined) return 'malformed';
  if (headerJson['alg'] !== 'RS256') return 'bad-signature';
  const valid = await crypto.subtle.verify(
    RS256_ALGORITHM,
    key.publicKey,
    signatureBytes,
    encoder.encode(`${header}.${payload}`),
  );
  return valid ? claims : 'bad-signature';
}

function encodeJson(value: unknown): string {
  return base64url(encoder.encode(JSON.stringify(value)));
}

function decodeJson(part: string): Record<string, unknown> | undefined {
  const bytes = fromBase64url(part);
  if (bytes === undefined) return undefined;
  try {
    const value: unknown = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

function fromBase64url(text: string): Uint8Array<ArrayBuffer> | undefined {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return undefined;
  try {
    const binary = atob(text.replaceAll('-', '+').replaceAll('_', '/'));
    return Uint8Array.from(binary, (character) => character.charCodeAt(0));
  } catch {
    return undefined;
  }
}
