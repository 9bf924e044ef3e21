/**
 * An API's `token_encryption` as Auth0 keeps it. Auth0 never answers the key's `pem`; a key given without a `kid`
 * comes back with `thumbprint_sha256`, the key's JWK thumbprint (RFC 7638), as terraform-provider-auth0 recorded
 * (test/data/recordings/TestAccResourceServer.yaml, a certificate's key → `w0kIFOc-q7KKK-…`); one with a `kid` comes
 * back without it (go-auth0 test/data/recordings/TestResourceServer_Create.yaml).
 */
import { Refusal } from '../http/refusal.js';
import { apiError } from '../http/responses.js';

type EncryptionKey = {
  readonly name?: string;
  readonly alg: string;
  readonly kid?: string;
  readonly pem: string;
};

/** What a body gives as `token_encryption`. */
type GivenTokenEncryption = { readonly format: string; readonly encryption_key: EncryptionKey };

/** The `token_encryption` Auth0 stores and answers for the one given, or Auth0's 400 for a key it cannot read. */
export async function storedTokenEncryption(given: GivenTokenEncryption): Promise<Record<string, unknown>> {
  const { pem, ...key } = given.encryption_key;
  const modulusAndExponent = rsaPublicKey(pem);
  // Not published: the words of Auth0's refusal of a pem it cannot read (a decision).
  if (modulusAndExponent === undefined)
    throw new Refusal(
      apiError(
        400,
        'token_encryption.encryption_key.pem is not a PEM-encoded RSA public key or certificate',
        'invalid_body',
      ),
    );
  const thumbprint = key.kid === undefined ? { thumbprint_sha256: await jwkThumbprint(modulusAndExponent) } : {};
  return { format: given.format, encryption_key: { ...key, ...thumbprint } };
}

type RsaKey = { readonly n: Uint8Array; readonly e: Uint8Array };

/** RFC 7638: SHA-256 of `{"e":…,"kty":"RSA","n":…}`, base64url. */
async function jwkThumbprint({ n, e }: RsaKey): Promise<string> {
  const members = `{"e":"${base64url(unsigned(e))}","kty":"RSA","n":"${base64url(unsigned(n))}"}`;
  return base64url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(members))));
}

/** An integer's bytes without the sign byte DER puts before a high bit. */
const unsigned = (bytes: Uint8Array) => {
  let start = 0;
  while (start < bytes.length - 1 && bytes[start] === 0) start++;
  return bytes.subarray(start);
};

const base64url = (bytes: Uint8Array) =>
  btoa(String.fromCharCode(...bytes))
    .replaceAll('+', '-')
    .replaceAll('/', '_')
    .replace(/=+$/, '');

/** The RSA key of a PEM `PUBLIC KEY`, `RSA PUBLIC KEY` or `CERTIFICATE`, or `undefined`. */
function rsaPublicKey(pem: string): RsaKey | undefined {
  const match = /-----BEGIN ([A-Z ]+)-----([A-Za-z0-9+/=\s]+)-----END \1-----/.exec(pem);
  if (match === null) return undefined;
  let der: Uint8Array;
  try {
    der = Uint8Array.from(atob((match[2] ?? '').replace(/\s/g, '')), (character) => character.charCodeAt(0));
  } catch {
    return undefined;
  }
  try {
    if (match[1] === 'RSA PUBLIC KEY') return pkcs1(der);
    if (match[1] === 'PUBLIC KEY') return subjectPublicKeyInfo(der);
    if (match[1] === 'CERTIFICATE') {
      // Certificate ::= SEQUENCE { tbsCertificate SEQUENCE { [0] version?, serial, signature, issuer, validity,
      // subject, subjectPublicKeyInfo, … }, … } (RFC 5280, 4.1)
      const tbs = children(der)[0] ?? failed();
      const fields = children(tbs);
      const offset = fields[0]?.tag === 0xa0 ? 1 : 0;
      return subjectPublicKeyInfo((fields[offset + 5] ?? failed()).whole);
    }
  } catch {
    return undefined;
  }
  return undefined;
}

/** SubjectPublicKeyInfo ::= SEQUENCE { algorithm SEQUENCE { rsaEncryption, … }, BIT STRING (RSAPublicKey) } */
function subjectPublicKeyInfo(der: Uint8Array): RsaKey {
  const [algorithm, bits] = children(der);
  const oid = children(algorithm ?? failed())[0];
  // 1.2.840.113549.1.1.1, rsaEncryption
  if (oid?.tag !== 0x06 || hex(oid.content) !== '2a864886f70d010101') failed();
  if (bits?.tag !== 0x03 || bits.content[0] !== 0) failed();
  return pkcs1(bits.content.subarray(1));
}

/** RSAPublicKey ::= SEQUENCE { modulus INTEGER, publicExponent INTEGER } */
function pkcs1(der: Uint8Array): RsaKey {
  const [n, e] = children(der);
  if (n?.tag !== 0x02 || e?.tag !== 0x02) failed();
  return { n: n.content, e: e.content };
}

type Element = { readonly tag: number; readonly content: Uint8Array; readonly whole: Uint8Array };

/** The elements inside one DER constructed element (the first element of `der`). */
function children(element: Uint8Array | Element): Element[] {
  const outer = element instanceof Uint8Array ? read(element, 0) : element;
  const found: Element[] = [];
  for (let at = 0; at < outer.content.length;) {
    const inner = read(outer.content, at);
    found.push(inner);
    at += inner.whole.length;
  }
  return found;
}

/** One DER element at `at`: its tag, its content and its whole encoding. */
function read(bytes: Uint8Array, at: number): Element {
  const tag = bytes[at] ?? failed();
  let length = bytes[at + 1] ?? failed();
  let start = at + 2;
  if (length >= 0x80) {
    const count = length & 0x7f;
    if (count === 0 || count > 4) failed();
    length = 0;
    for (let index = 0; index < count; index++) length = length * 256 + (bytes[start + index] ?? failed());
    start += count;
  }
  if (start + length > bytes.length) failed();
  return { tag, content: bytes.subarray(start, start + length), whole: bytes.subarray(at, start + length) };
}

const hex = (bytes: Uint8Array) => Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');

function failed(): never {
  throw new Error('malformed DER');
}
