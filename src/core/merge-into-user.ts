/**
 * The merge of a checked patch into a user: root attributes replaced or removed, metadata merged one level deep,
 * emptied metadata kept as `{}` or removed as the schema says, and the stamps of the write.
 */
import { isPlainObject } from '../internal/is-plain-object.js';
import { hasOwnKeys, inheritedKeysAppear, setOwn } from '../internal/own-keys.js';
import type { AttributeChange, MetadataChanges } from './prepare-patch.js';
import type { Auth0User, Metadata } from './types.js';

/** What a write stamps on the user: `updated_at` at its time, and `last_password_reset` when it resets a password. */
export type Stamp = { readonly at: Date; readonly passwordReset: boolean };

/** Merges checked changes into a user (the second half of {@link applyPatch}), stamping it when asked. */
export function mergeIntoUser(
  user: Auth0User,
  changes: readonly AttributeChange[],
  stamp: Stamp | undefined,
): Auth0User {
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
      // The user's own metadata only: one planted on a polluted Object.prototype is no part of it.
      const merged = mergeMetadata(Object.hasOwn(user, change.key) ? user[change.key] : undefined, change.changes);
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
    const skipInherited = inheritedKeysAppear();
    for (const key in base) {
      if (skipInherited && !Object.hasOwn(base, key)) continue;
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

// Building the result without the removed keys keeps it a fast object (no `delete`).
function rebuild(user: Auth0User, changes: readonly AttributeChange[], values: readonly unknown[]): Auth0User {
  const removed = changes.filter((_change, index) => values[index] === REMOVED).map((change) => change.key);
  const result: Auth0User = {};
  for (const key of Object.keys(user)) {
    if (!removed.includes(key)) setOwn(result, key, user[key]);
  }
  return result;
}
