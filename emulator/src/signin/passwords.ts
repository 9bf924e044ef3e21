/**
 * The passwords of database users, kept beside the store as salted hashes, never in the user and never as given.
 * PBKDF2 with the Web Crypto API (it has no scrypt), so the handler stays web-standard; the count of iterations
 * suits a test tenant, not a real one.
 */
import { constantTimeEqual } from '../auth/constant-time.js';
import { base64url } from '../auth/signing-key.js';

/** A password's salt and its derived hash, both base64url. */
export type PasswordHash = { readonly salt: string; readonly hash: string };

const ITERATIONS = 10_000;

/** Hashes a password: a promise, so a store can take it at once and the password is gone once it settles. */
function hashPassword(password: string, salt = crypto.getRandomValues(new Uint8Array(16))): Promise<PasswordHash> {
  return derive(password, salt).then((hash) => ({ salt: base64url(salt), hash }));
}

async function derive(password: string, salt: Uint8Array<ArrayBuffer>): Promise<string> {
  const material = await crypto.subtle.importKey('raw', new TextEncoder().encode(password), 'PBKDF2', false, [
    'deriveBits',
  ]);
  const bits = await crypto.subtle.deriveBits(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations: ITERATIONS },
    material,
    256,
  );
  return base64url(new Uint8Array(bits));
}

/** The password hashes by user_id. */
export type PasswordStore = {
  /** Keeps a hash of the password (a new one replaces the old). */
  set(userId: string, password: string): void;
  /** Whether the user has a password and `password` is it. */
  matches(userId: string, password: string): Promise<boolean>;
  /** The user's hash (settling once it is derived), for the exported state. */
  hashOf(userId: string): Promise<PasswordHash> | undefined;
  /** Keeps a hash as it is, from an imported state. */
  setHash(userId: string, hash: PasswordHash): void;
  forget(userId: string): void;
  clear(): void;
};

/** A new, empty store. */
export function createPasswordStore(): PasswordStore {
  const hashes = new Map<string, Promise<PasswordHash>>();
  return {
    set: (userId, password) => void hashes.set(userId, hashPassword(password)),
    async matches(userId, password) {
      const stored = await hashes.get(userId);
      if (stored === undefined) return false;
      const salt = Uint8Array.from(atob(stored.salt.replaceAll('-', '+').replaceAll('_', '/')), (character) =>
        character.charCodeAt(0),
      );
      return constantTimeEqual(await derive(password, salt), stored.hash);
    },
    hashOf: (userId) => hashes.get(userId),
    setHash: (userId, { salt, hash }) => void hashes.set(userId, Promise.resolve({ salt, hash })),
    forget: (userId) => void hashes.delete(userId),
    clear: () => hashes.clear(),
  };
}
