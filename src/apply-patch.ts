import { inexistentUserError } from './patch-error.js';
import { hasOwnKeys, setOwn } from './own-keys.js';
import { isPlainObject } from './is-plain-object.js';
import { preparePatch, type AttributeChange, type MetadataChanges, type PreparedPatch } from './prepare-patch.js';
import type { CheckPatch } from './patch-check.js';
import type { PatchedUser } from './patched-user.js';
import type { ApplyOptions, Auth0User, Metadata, UserInput, UserPatch } from './types.js';

/**
 * Returns the user Auth0 would store after `PATCH /api/v2/users/{id}` with this body, or throws the
 * {@link PatchError} Auth0 would answer with (400 for a refused body, 404 when `user` is `null` or `undefined`).
 *
 * Root attributes are replaced, and a nullable one set to `null` is removed. `user_metadata` and `app_metadata`
 * are merged at the first level only: existing keys keep their place, new keys are appended, nested values are
 * replaced whole, a first-level `null` deletes its key, and `{}` clears. An emptied `user_metadata` is `{}`; an
 * emptied `app_metadata` is removed. `password`, `connection`, `client_id`, `verify_email` and
 * `verify_phone_number` steer the request and are never stored.
 *
 * Neither argument is changed. Parts of `user` the patch does not touch are shared with the result; values taken
 * from the patch are copied.
 *
 * @example
 * const user = { email: 'jane.doe@example.com', user_metadata: { hobby: 'surfing' }, app_metadata: { plan: 'full' } };
 * applyPatch(user, { user_metadata: { addresses: { home: '123 Main Street, Anytown, ST 12345' } } });
 * // { email: 'jane.doe@example.com',
 * //   user_metadata: { hobby: 'surfing', addresses: { home: '123 Main Street, Anytown, ST 12345' } },
 * //   app_metadata: { plan: 'full' } }
 *
 * The return type follows the same rules when the types of `user` and `patch` are known (see
 * {@link PatchedUser}), and a literal patch with a key a PATCH may not write does not compile (see
 * {@link CheckPatch}). A user typed as possibly missing (`users.get(id)`) is accepted: missing, it is the 404.
 */
export function applyPatch<
  U extends UserInput | null | undefined,
  P extends UserPatch,
  O extends ApplyOptions = ApplyOptions,
>(user: U, patch: P & NoInfer<CheckPatch<P>>, options?: O): PatchedUser<NonNullable<U>, P, O>;
export function applyPatch(user: Auth0User, patch: UserPatch, options?: ApplyOptions): Auth0User {
  return patchUser(user, patch, options).user;
}

/** What {@link patchUser} found: the checked patch, and the user it makes. */
export type PatchOutcome = { readonly prepared: PreparedPatch; readonly user: Auth0User };

/**
 * {@link applyPatch} without its compile-time types, for callers that hold an unknown body (the CLI, the emulator,
 * previews), and with the checked patch, for what describes it.
 */
export function patchUser(user: unknown, body: unknown, options?: ApplyOptions): PatchOutcome {
  const prepared = preparePatch(body);
  // Own properties only: an `Object.prototype.now` planted by someone else is no option.
  const now = options !== undefined && options !== null && Object.hasOwn(options, 'now') ? options.now : undefined;
  if (now !== undefined && !(now instanceof Date && Number.isFinite(now.getTime()))) {
    throw new TypeError('applyPatch: options.now must be a valid Date');
  }
  if (user === null || user === undefined) throw inexistentUserError();
  if (typeof user !== 'object' || Array.isArray(user)) throw new TypeError('applyPatch: user must be an object');
  const stamp = now === undefined ? undefined : { at: now, passwordReset: prepared.setsPassword };
  return { prepared, user: mergeIntoUser(user as Auth0User, prepared.changes, stamp) };
}

/** What a write stamps on the user: `updated_at` at its time, and `last_password_reset` when it resets a password. */
export type Stamp = { readonly at: Date; readonly passwordReset: boolean };

/** Merges checked changes into a user (the second half of {@link applyPatch}), stamping it when asked. */
export function mergeIntoUser(user: Auth0User, changes: readonly AttributeChange[], stamp: Stamp | undefined): Auth0User {
  const values: unknown[] = [];
  let removes = false;
  let addsKeys = false;
  for (const change of changes) {
    const value = newValue(user, change);
    const exists = Object.hasOwn(user, change.key);
    if (value === REMOVED) removes ||= exists;
    else addsKeys ||= !exists;
    values.push(value);
  }
  // A spread clone is the cheapest copy as long as only existing keys change; growing it with new keys is
  // expensive in V8, so a user that gains or loses attributes is rebuilt key by key instead.
  const result: Auth0User = removes || addsKeys ? rebuild(user, changes, values) : { ...user };
  for (let index = 0; index < changes.length; index++) {
    const value = values[index];
    if (value !== REMOVED) result[(changes[index] as AttributeChange).key] = value;
  }
  if (stamp !== undefined) {
    const timestamp = stamp.at.toISOString();
    result.updated_at = timestamp;
    if (stamp.passwordReset) result.last_password_reset = timestamp;
  }
  return result;
}

/** Marks an attribute the patch takes off the user. */
const REMOVED = Symbol('removed');

function newValue(user: Auth0User, change: AttributeChange): unknown {
  switch (change.kind) {
    case 'set':
      return change.value;
    case 'unset':
      return REMOVED;
    case 'metadata': {
      const merged = mergeMetadata(user[change.key], change.changes);
      return change.emptied === 'removed' && !hasOwnKeys(merged) ? REMOVED : merged;
    }
  }
}

/**
 * Merges metadata one level deep into a new object, built key by key: growing a spread copy costs far more in
 * V8, and a for-in walk is the fastest way through a large (dictionary-mode) metadata object. Existing keys keep
 * their place and new ones come last, because assigning an existing key does not move it.
 */
function mergeMetadata(existing: unknown, changes: MetadataChanges): Metadata {
  const merged: Metadata = {};
  const { entries, names } = changes;
  // `{}` clears the metadata.
  if (names.length === 0) return merged;
  if (isPlainObject(existing)) {
    const base = existing as Metadata;
    const ownKeysOnly = !inheritsEnumerableKeys();
    for (const key in base) {
      if (!ownKeysOnly && !Object.hasOwn(base, key)) continue;
      if (changes.deletes && Object.hasOwn(entries, key) && entries[key] === null) continue;
      if (key === '__proto__') setOwn(merged, key, base[key]);
      else merged[key] = base[key] as Metadata[string];
    }
  }
  for (const name of names) {
    const value = entries[name] as Metadata[string];
    if (value !== null) merged[name] = value;
  }
  return merged;
}

/** Whether a for-in walk of a plain object would also meet keys of a polluted `Object.prototype`. */
function inheritsEnumerableKeys(): boolean {
  for (const _key in Object.prototype) return true;
  return false;
}

// Building the result without the removed keys keeps it a fast object (no `delete`).
function rebuild(user: Auth0User, changes: readonly AttributeChange[], values: readonly unknown[]): Auth0User {
  const removed = changes.filter((_change, index) => values[index] === REMOVED).map((change) => change.key);
  const result: Auth0User = {};
  for (const key of Object.keys(user)) {
    if (!removed.includes(key)) setOwn(result, key, user[key]);
  }
  return result;
}
