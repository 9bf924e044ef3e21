/** Ids in Auth0's form: a prefix and random letters and digits (`rol_xPSJ3BfhKflWGKpU`, `job_LUdmtO6C0M42uqSz`). */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** `length` random alphanumerics after `prefix`, from the Web Crypto API (without modulo bias). */
export function randomId(prefix: string, length = 16): string {
  let id = prefix;
  while (id.length < prefix.length + length) {
    for (const byte of crypto.getRandomValues(new Uint8Array(length))) {
      // 248 = 4 × 62: bytes at or above it would favour the first letters.
      if (byte < 248 && id.length < prefix.length + length) id += ALPHABET[byte % 62];
    }
  }
  return id;
}
