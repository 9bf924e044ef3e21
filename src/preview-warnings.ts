/**
 * The surprises Auth0 users keep filing issues about, found in a PATCH before it is sent: each says what will
 * happen and how to avoid it.
 */
import { STAMPED_ATTRIBUTES } from './attributes.js';
import { formatPath, type PathSegment } from './path.js';
import { isPlainObject } from './is-plain-object.js';
import type { UserChange } from './list-changes.js';
import type { Auth0User } from './types.js';

/**
 * What a preview warns about:
 * - `nested-key-dropped`: a nested object is replaced whole and loses a key the user had;
 * - `metadata-cleared`: `{}` deletes every key of the metadata;
 * - `delete-missing-key`: a first-level `null` deletes a key the user does not have;
 * - `app-metadata-removed`: `app_metadata` is emptied, so it disappears from the user;
 * - `no-change`: the patch changes nothing Auth0 stores;
 * - `profile-too-large`: the user is past the 10 KB profile size Auth0 documents.
 *
 * @example
 * const code: PreviewWarningCode = 'nested-key-dropped';
 */
export type PreviewWarningCode =
  | 'nested-key-dropped'
  | 'metadata-cleared'
  | 'delete-missing-key'
  | 'app-metadata-removed'
  | 'no-change'
  | 'profile-too-large';

/**
 * One warning of a preview: its code, the path it is about (`''` for the whole user) and a sentence saying what
 * happens and how to avoid it.
 *
 * @example
 * const warning: PreviewWarning = {
 *   code: 'delete-missing-key',
 *   path: 'user_metadata.colour',
 *   message: 'user_metadata.colour is null, which deletes that key, but the user has no such key: nothing changes. Check the spelling.',
 * };
 */
export type PreviewWarning = { code: PreviewWarningCode; path: string; message: string };

/**
 * The profile size Auth0 documents: 10 KB of JSON.
 *
 * @example
 * profileSize(user) > PROFILE_SIZE_LIMIT; // past Auth0's documented profile size
 */
export const PROFILE_SIZE_LIMIT = 10 * 1024;

const METADATA_KEYS = ['user_metadata', 'app_metadata'] as const;

/**
 * The warnings for a PATCH that Auth0 accepts.
 *
 * @example
 * const before = { user_metadata: { addresses: { home: '1 Home Road', work: '2 Work Way' } } };
 * const patch = { user_metadata: { addresses: { home: '3 New Road' } } };
 * findWarnings(before, patch, applyPatch(before, patch), changes)[0].path; // 'user_metadata.addresses.work'
 */
export function findWarnings(
  before: Auth0User,
  patch: Readonly<Record<string, unknown>>,
  after: Auth0User,
  changes: readonly UserChange[],
): PreviewWarning[] {
  const warnings: PreviewWarning[] = [];
  for (const key of METADATA_KEYS) {
    const changed = patch[key];
    if (!isPlainObject(changed)) continue;
    const had: Record<string, unknown> = isPlainObject(before[key]) ? before[key] : {};
    const names = Object.keys(changed);
    if (names.length === 0) {
      const lost = Object.keys(had);
      if (lost.length > 0) warnings.push(cleared(key, lost));
    }
    for (const name of names) {
      if (changed[name] === null) {
        if (!Object.hasOwn(had, name)) warnings.push(deletesNothing([key, name]));
      } else {
        droppedKeys(had[name], changed[name], [key, name], [key, name], warnings);
      }
    }
  }
  if (Object.hasOwn(before, 'app_metadata') && !Object.hasOwn(after, 'app_metadata')) warnings.push(appMetadataRemoved());
  if (changes.every((change) => STAMPED_ATTRIBUTES.has(change.path)) && typeof patch['password'] !== 'string') {
    warnings.push({
      code: 'no-change',
      path: '',
      message: 'This patch changes nothing Auth0 stores on the user: every value it sends is already there.',
    });
  }
  const size = profileSize(after);
  if (size > PROFILE_SIZE_LIMIT) warnings.push(tooLarge(size));
  return warnings;
}

function droppedKeys(
  had: unknown,
  sent: unknown,
  replaced: readonly PathSegment[],
  at: readonly PathSegment[],
  warnings: PreviewWarning[],
): void {
  if (!isPlainObject(had) || !isPlainObject(sent)) return;
  for (const key of Object.keys(had)) {
    const path = [...at, key];
    if (Object.hasOwn(sent, key)) {
      droppedKeys(had[key], sent[key], replaced, path, warnings);
      continue;
    }
    const whole = formatPath(replaced);
    warnings.push({
      code: 'nested-key-dropped',
      path: formatPath(path),
      message: `${whole} is replaced whole (Auth0 merges metadata one level deep only), so ${formatPath(path)}, which the user has, is lost. To keep it, include it in the patch's ${formatPath(at)}.`,
    });
  }
}

function cleared(key: string, lost: readonly string[]): PreviewWarning {
  const count = lost.length === 1 ? 'its only key' : `all ${lost.length} of its keys`;
  return {
    code: 'metadata-cleared',
    path: key,
    message: `${key}: {} clears ${key}: ${count} (${lost.join(', ')}) ${lost.length === 1 ? 'is' : 'are'} deleted. To change some keys only, send just those keys; to delete one, set it to null.`,
  };
}

function deletesNothing(path: readonly PathSegment[]): PreviewWarning {
  const text = formatPath(path);
  return {
    code: 'delete-missing-key',
    path: text,
    message: `${text} is null, which deletes that key, but the user has no such key: nothing changes. Check the spelling of the key.`,
  };
}

function appMetadataRemoved(): PreviewWarning {
  return {
    code: 'app-metadata-removed',
    path: 'app_metadata',
    message:
      'app_metadata is left empty, so Auth0 removes it: the user comes back without app_metadata, not with {}. Code that reads user.app_metadata must allow it to be missing.',
  };
}

function tooLarge(size: number): PreviewWarning {
  return {
    code: 'profile-too-large',
    path: '',
    message: `The user is ${size} bytes of JSON, past the 10 KB (${PROFILE_SIZE_LIMIT} bytes) Auth0 documents for a profile. Auth0 does not refuse such writes yet but has scheduled the end of larger profiles (2027-03-04): keep bulky data outside the user.`,
  };
}

/**
 * The size of a user as JSON, in UTF-8 bytes.
 *
 * @example
 * profileSize({ name: 'Zoë' }); // 15
 */
export function profileSize(user: Auth0User): number {
  return new TextEncoder().encode(JSON.stringify(user)).length;
}
