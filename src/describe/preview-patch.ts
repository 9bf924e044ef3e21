import { patchUser, type PatchOutcome } from '../core/apply-patch.js';
import { listChanges, type UserChange } from './list-changes.js';
import { PatchError } from '../core/patch-error.js';
import { findWarnings, type PreviewWarning } from './preview-warnings.js';
import type { ApplyOptions, Auth0User, UserInput } from '../core/types.js';

/**
 * What a PATCH would do: the resulting user, every change, the surprises, or Auth0's refusal.
 *
 * @example
 * const preview: PatchPreview = {
 *   user: { nickname: 'jd' },
 *   changes: [{ path: 'nickname', pathSegments: ['nickname'], kind: 'added', after: 'jd' }],
 *   warnings: [],
 * };
 */
export type PatchPreview = {
  /** The user Auth0 would store; absent when the patch is refused. */
  user?: Auth0User;
  /** Every difference between the user before and after, one entry per path. */
  changes: UserChange[];
  /** What may surprise: dropped nested keys, clearing, deletes of missing keys, a vanishing app_metadata, ... */
  warnings: PreviewWarning[];
  /** Auth0's refusal, when it would answer 400 (or 404 for a missing user). */
  error?: PatchError;
};

/**
 * Previews a PATCH without sending it: never throws for a bad patch, and says what changes and what is silently
 * lost.
 *
 * @example
 * const user = { user_metadata: { addresses: { home: '1 Home Road', work: '2 Work Way' } } };
 * const { changes, warnings } = previewPatch(user, { user_metadata: { addresses: { home: '3 New Road' } } });
 * // changes:  [{ path: 'user_metadata.addresses.home', pathSegments: ['user_metadata', 'addresses', 'home'], kind: 'changed', ... },
 * //            { path: 'user_metadata.addresses.work', pathSegments: ['user_metadata', 'addresses', 'work'], kind: 'removed', before: '2 Work Way' }]
 * // warnings: [{ code: 'nested-key-dropped', path: 'user_metadata.addresses.work', pathSegments: [...], message: '...' }]
 */
export function previewPatch(user: UserInput, patch: unknown, options: ApplyOptions = {}): PatchPreview {
  let outcome: PatchOutcome;
  try {
    outcome = patchUser(user, patch, options);
  } catch (error) {
    if (error instanceof PatchError) return { changes: [], warnings: [], error };
    throw error;
  }
  const after = outcome.user;
  const changes = listChanges(user, after);
  return { user: after, changes, warnings: findWarnings(user as Auth0User, outcome, after, changes) };
}
