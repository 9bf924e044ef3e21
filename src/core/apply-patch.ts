import { applyConnectionRules, concernsConnection, type LowerCased } from './connection-rules.js';
import { readConnectionSettings, userConnection } from './connection.js';
import { inexistentUserError } from './patch-error.js';
import { mergeIntoUser } from './merge-into-user.js';
import { preparePatch, type PreparedPatch } from './prepare-patch.js';
import type { CheckPatch } from './patch-check.js';
import type { PatchedUser } from './patched-user.js';
import type { ApplyOptions, Auth0User, UserInput, UserPatch } from './types.js';

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
 * The return type follows the same rules when the types of `user` and `patch` are known (see
 * {@link PatchedUser}), and a literal patch with a key a PATCH may not write does not compile (see
 * {@link CheckPatch}). A user typed as possibly missing (`users.get(id)`) is accepted: missing, it is the 404.
 *
 * @example
 * const user = { email: 'jane.doe@example.com', user_metadata: { hobby: 'surfing' }, app_metadata: { plan: 'full' } };
 * applyPatch(user, { user_metadata: { addresses: { home: '123 Main Street, Anytown, ST 12345' } } });
 * // { email: 'jane.doe@example.com',
 * //   user_metadata: { hobby: 'surfing', addresses: { home: '123 Main Street, Anytown, ST 12345' } },
 * //   app_metadata: { plan: 'full' } }
 */
export function applyPatch<
  U extends UserInput | null | undefined,
  P extends UserPatch,
  O extends ApplyOptions = ApplyOptions,
>(user: U, patch: P & NoInfer<CheckPatch<P>>, options?: O): PatchedUser<NonNullable<U>, P, O>;
export function applyPatch(user: Auth0User, patch: UserPatch, options?: ApplyOptions): Auth0User {
  return patchUser(user, patch, options).user;
}

/**
 * Applies a body checked once by {@link preparePatch} or {@link preparePatchJson} to a user: the user Auth0 would
 * store, exactly as {@link applyPatch} returns it (the 404 for a `null` or `undefined` user included). The same
 * prepared patch can be applied to any number of users; neither it nor `user` is changed.
 *
 * @example
 * const prepared = preparePatch({ app_metadata: { plan: 'pro' } });
 * applyPreparedPatch({ user_id: 'auth0|1' }, prepared); // { user_id: 'auth0|1', app_metadata: { plan: 'pro' } }
 * applyPreparedPatch({ user_id: 'auth0|2', app_metadata: { seats: 3 } }, prepared).app_metadata; // { seats: 3, plan: 'pro' }
 */
export function applyPreparedPatch(
  user: UserInput | null | undefined,
  prepared: PreparedPatch,
  options?: ApplyOptions,
): Auth0User {
  return mergePrepared(user, prepared, options).user;
}

/** What {@link patchUser} found: the checked patch, the user it makes, and what the user's connection lower-cased. */
export type PatchOutcome = {
  readonly prepared: PreparedPatch;
  readonly user: Auth0User;
  readonly lowerCased: readonly LowerCased[];
};

/**
 * {@link applyPatch} without its compile-time types, for callers that hold an unknown body (the CLI, the emulator,
 * previews), and with the checked patch, for what describes it.
 */
export function patchUser(user: unknown, body: unknown, options?: ApplyOptions): PatchOutcome {
  return mergePrepared(user, preparePatch(body), options);
}

/**
 * The checks of `user` and `options`, then the rules of the user's connection, then the merge of a checked patch
 * (shared by the object and text paths).
 */
export function mergePrepared(user: unknown, prepared: PreparedPatch, options: ApplyOptions | undefined): PatchOutcome {
  // Own properties only: an `Object.prototype.now` planted by someone else is no option.
  const now = options !== undefined && options !== null && Object.hasOwn(options, 'now') ? options.now : undefined;
  if (now !== undefined && !(now instanceof Date && Number.isFinite(now.getTime()))) {
    throw new TypeError('applyPatch: options.now must be a valid Date');
  }
  const settings = readConnectionSettings(options);
  if (user === null || user === undefined) throw inexistentUserError();
  if (typeof user !== 'object' || Array.isArray(user)) throw new TypeError('applyPatch: user must be an object');
  const connection = concernsConnection(prepared) ? userConnection(user as Auth0User, settings) : undefined;
  const { changes, lowerCased } =
    connection === undefined
      ? { changes: prepared.changes, lowerCased: [] }
      : applyConnectionRules(connection, prepared);
  const stamp = now === undefined ? undefined : { at: now, passwordReset: prepared.setsPassword };
  return { prepared, user: mergeIntoUser(user as Auth0User, changes, stamp), lowerCased };
}
