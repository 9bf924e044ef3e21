/** HS256 JSON Web Tokens with the Web Crypto API, so the emulator signs and checks its tokens wherever it runs. */

/** The claims of an access token the emulator issues. */
export type AccessTokenClaims = {
  readonly iss: string;
  readonly sub: string;
  readonly aud: string;
  readonly iat: number;
  readonly exp: number;
  readonly scope: string;
  readonly gty: 'client-credentials';
  readonly azp: string;
};

/** A fresh random HMAC key for one emulator's tokens. */
export function createSigningKey(): Promise<CryptoKey> {
  return crypto.subtle.generateKey({ name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify']) as Promise<CryptoKey>;
}

/** Signs claims as a compact JWT. */
export async function signJwt(claims: AccessTokenClaims, key: CryptoKey, keyId: string): Promise<string> {
  const header = encodeJson({ alg: 'HS256', typ: 'JWT', kid: keyId });
  const signingInput = `${header}.${encodeJson(claims)}`;
  const signature = await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(signingInput));
  return `${signingInput}.${base64url(new Uint8Array(signature))}`;
}

/** The claims of a JWT signed with `key`, or why it is refused. */
export async function verifyJwt(
  token: string,
  key: CryptoKey,
): Promise<Record<string, unknown> | 'malformed' | 'bad-signature'> {
  const parts = token.split('.');
  if (parts.length !== 3) return 'malformed';
  const [header, payload, signature] = parts as [string, string, string];
  const headerJson = decodeJson(header);
  const claims = decodeJson(payload);
  const signatureBytes = fromBase64url(signature);
  if (headerJson === undefined || claims === undefined || signatureBytes === undefined) return 'malformed';
  if (headerJson['alg'] !== 'HS256') return 'bad-signature';
  const valid = await crypto.subtle.verify(
    'HMAC',
    key,
    signatureBytes,
    new TextEncoder().encode(`${header}.${payload}`),
  );
  return valid ? claims : 'bad-signature';
}

function encodeJson(value: unknown): string {
  return base64url(new TextEncoder().encode(JSON.stringify(value)));
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

function base64url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
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
