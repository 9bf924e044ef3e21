/**
 * The surprises Auth0 users keep filing issues about, found in a PATCH before it is sent: each says what will
 * happen and how to avoid it.
 */
import { formatPath, type PathSegment } from '../core/path.js';
import { isPlainObject } from '../internal/is-plain-object.js';
import type { PatchOutcome } from '../core/apply-patch.js';
import type { LowerCased } from '../core/connection-rules.js';
import type { UserChange } from './list-changes.js';
import { PROFILE_SIZE_LIMIT, profileSize } from './profile-size.js';
import { STAMPED_ATTRIBUTES } from '../core/schema.js';
import type { Auth0User } from '../core/types.js';

/**
 * What a preview warns about:
 * - `nested-key-dropped`: a nested object is replaced whole and loses a key the user had;
 * - `metadata-cleared`: `{}` deletes every key of the metadata;
 * - `delete-missing-key`: a first-level `null` deletes a key the user does not have;
 * - `app-metadata-removed`: `app_metadata` is emptied, so it disappears from the user;
 * - `no-change`: the patch changes nothing Auth0 stores;
 * - `profile-too-large`: the user is past the 10 KB profile size Auth0 documents;
 * - `stored-in-lower-case`: the user's connection stores the `email` (or `username`) in lower case (rule 21).
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
  | 'profile-too-large'
  | 'stored-in-lower-case';

/**
 * One warning of a preview: its code, the place it is about as `pathSegments` (frozen; `[]` for the whole user) and
 * as `path`, its text (`''` for the whole user), a sentence saying what happens and how to avoid it, and, for a rule
 * that depends on the user's connection, its number in docs/rules.md.
 *
 * @example
 * const warning: PreviewWarning = {
 *   code: 'delete-missing-key',
 *   path: 'user_metadata.colour',
 *   pathSegments: ['user_metadata', 'colour'],
 *   message: 'user_metadata.colour is null, which deletes that key, but the user has no such key: nothing changes. Check the spelling of the key.',
 * };
 */
export type PreviewWarning = {
  code: PreviewWarningCode;
  path: string;
  pathSegments: readonly PathSegment[];
  message: string;
  rule?: number;
};

const STAMPED: ReadonlySet<string> = new Set(STAMPED_ATTRIBUTES);

/** The warnings for a checked PATCH that Auth0 accepts, from what it changes and the users before and after. */
export function findWarnings(
  before: Auth0User,
  { prepared, lowerCased }: Pick<PatchOutcome, 'prepared' | 'lowerCased'>,
  after: Auth0User,
  changes: readonly UserChange[],
): PreviewWarning[] {
  const warnings: PreviewWarning[] = lowerCased.map(storedInLowerCase);
  for (const change of prepared.changes) {
    if (change.kind !== 'metadata') continue;
    const { key, changes: metadata } = change;
    const had = ownObject(before, key);
    if (metadata.names.length === 0) {
      const lost = Object.keys(had);
      if (lost.length > 0) warnings.push(cleared(key, lost));
    }
    for (const name of metadata.names) {
      const value = metadata.entries[name];
      if (value === null) {
        if (!Object.hasOwn(had, name)) warnings.push(deletesNothing([key, name]));
      } else if (Object.hasOwn(had, name)) {
        droppedKeys(had[name], value, [key, name], [key, name], warnings);
      }
    }
    if (change.emptied === 'removed' && Object.hasOwn(before, key) && !Object.hasOwn(after, key))
      warnings.push(emptiedAndRemoved(key));
  }
  if (changes.every(isStamp) && !prepared.setsPassword) {
    warnings.push(
      warning(
        'no-change',
        [],
        'This patch changes nothing Auth0 stores on the user: every value it sends is already there.',
      ),
    );
  }
  const size = profileSize(after);
  if (size > PROFILE_SIZE_LIMIT) warnings.push(tooLarge(size));
  return warnings;
}

/** A warning about a place, given as its segments. */
function warning(code: PreviewWarningCode, segments: readonly PathSegment[], message: string): PreviewWarning {
  const pathSegments = Object.freeze([...segments]);
  return { code, path: formatPath(pathSegments), pathSegments, message };
}

/** Whether a change is one of the stamps a PATCH writes itself (`updated_at`, ...). */
function isStamp({ pathSegments }: UserChange): boolean {
  return pathSegments.length === 1 && STAMPED.has(String(pathSegments[0]));
}

/** A user's own metadata object by name, or an empty one (stored data that is not an object counts as none). */
function ownObject(user: Auth0User, key: string): Record<string, unknown> {
  const value = Object.hasOwn(user, key) ? user[key] : undefined;
  return isPlainObject(value) ? value : {};
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
    warnings.push(
      warning(
        'nested-key-dropped',
        path,
        `${formatPath(replaced)} is replaced whole (Auth0 merges metadata one level deep only), so ${formatPath(path)}, which the user has, is lost. To keep it, include it in the patch's ${formatPath(at)}.`,
      ),
    );
  }
}

function cleared(key: string, lost: readonly string[]): PreviewWarning {
  const count = lost.length === 1 ? 'its only key' : `all ${lost.length} of its keys`;
  return warning(
    'metadata-cleared',
    [key],
    `${key}: {} clears ${key}: ${count} (${lost.join(', ')}) ${lost.length === 1 ? 'is' : 'are'} deleted. To change some keys only, send just those keys; to delete one, set it to null.`,
  );
}

function deletesNothing(path: readonly PathSegment[]): PreviewWarning {
  return warning(
    'delete-missing-key',
    path,
    `${formatPath(path)} is null, which deletes that key, but the user has no such key: nothing changes. Check the spelling of the key.`,
  );
}

function emptiedAndRemoved(key: string): PreviewWarning {
  return warning(
    'app-metadata-removed',
    [key],
    `${key} is left empty, so Auth0 removes it: the user comes back without ${key}, not with {}. Code that reads user.${key} must allow it to be missing.`,
  );
}

function tooLarge(size: number): PreviewWarning {
  return warning(
    'profile-too-large',
    [],
    `The user is ${size} bytes of JSON, past the 10 KB (${PROFILE_SIZE_LIMIT} bytes) Auth0 documents for a profile. Auth0 does not refuse such writes yet but has scheduled the end of larger profiles (2027-03-04): keep bulky data outside the user.`,
  );
}

function storedInLowerCase({ key, sent, stored }: LowerCased): PreviewWarning {
  const owner = key === 'email' ? 'the Auth0 store (a database or passwordless user)' : 'a database connection';
  const message = `${key} is stored in lower case, as ${stored}, not as sent (${sent}): Auth0 lower-cases the ${key} of a user in ${owner}. Look the user up by the lower-case value.`;
  return { ...warning('stored-in-lower-case', [key], message), rule: 21 };
}
