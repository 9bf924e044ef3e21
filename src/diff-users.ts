import { ATTRIBUTES, STAMPED_ATTRIBUTES } from './attributes.js';
import { jsonEqual } from './json-equal.js';
import { setOwn } from './own-keys.js';
import { formatPath } from './path.js';
import { isPlainObject } from './is-plain-object.js';
import type { Auth0User, Metadata, UserInput, UserPatch } from './types.js';
import { validatePatch } from './validate-patch.js';

/**
 * Thrown by {@link diffUsers} when no PATCH can turn one user into the other, naming what stands in the way.
 *
 * @example
 * try {
 *   diffUsers({ user_id: 'auth0|1' }, { user_id: 'auth0|2' });
 * } catch (error) {
 *   if (error instanceof UnreachableUserError) error.attributes; // ['user_id']
 * }
 */
export class UnreachableUserError extends Error {
  override readonly name = 'UnreachableUserError';
  /** The attributes (or metadata paths) that no PATCH can give their `after` value. */
  readonly attributes: readonly string[];

  constructor(attributes: readonly string[], reason: string) {
    super(`No PATCH turns this user into the other: ${reason}`);
    this.attributes = attributes;
  }
}


/**
 * The shortest list of PATCH bodies that, applied in order with {@link applyPatch}, turn `before` into `after`:
 * `[]` when they are equal, one body almost always, and two when Auth0 forbids changing the attributes together
 * (`username` goes alone in the second). Bodies are minimal: unchanged keys are left out, a removed metadata key is
 * a first-level `null`, emptied metadata is `{}`, a removed nullable attribute is `null`. Metadata key order is not
 * reproduced (no PATCH can reorder keys); `updated_at` and `last_password_reset` are ignored (a PATCH moves them).
 * Throws an {@link UnreachableUserError} naming the attributes when no PATCH can reach `after`.
 *
 * @example
 * diffUsers(
 *   { email: 'a@example.com', username: 'jane', user_metadata: { hobby: 'surfing', color: 'pink' } },
 *   { email: 'b@example.com', username: 'jane_doe', user_metadata: { hobby: 'surfing' } },
 * );
 * // [ { email: 'b@example.com', user_metadata: { color: null } }, { username: 'jane_doe' } ]
 */
export function diffUsers(before: UserInput, after: UserInput): UserPatch[] {
  const from = before as Auth0User;
  const to = after as Auth0User;
  const body: Record<string, unknown> = {};
  const unreachable: string[] = [];
  const keys = new Set([...Object.keys(from), ...Object.keys(to)]);
  for (const key of keys) {
    if (STAMPED_ATTRIBUTES.has(key) || jsonEqual(from[key], to[key])) continue;
    const spec = ATTRIBUTES.get(key);
    if (spec === undefined || !spec.stored) unreachable.push(key);
    else if (spec.kind === 'metadata') diffMetadata(key, from[key], to, body, unreachable);
    else if (Object.hasOwn(to, key)) body[key] = to[key];
    else if (spec.kind === 'string' && spec.nullable) body[key] = null;
    else unreachable.push(key);
  }
  if (unreachable.length > 0) {
    throw new UnreachableUserError(unreachable, `a PATCH cannot give ${unreachable.join(', ')} the values of the second user.`);
  }
  const bodies = splitForbiddenPairs(body);
  for (const patch of bodies) {
    const refusal = validatePatch(patch);
    if (refusal !== undefined) {
      const attribute = refusal.path?.match(/^\w+/)?.[0];
      throw new UnreachableUserError(attribute === undefined ? [] : [attribute], `Auth0 would refuse the PATCH it takes: ${refusal.message}`);
    }
  }
  // Copies, so that changing a body never reaches `after`.
  return structuredClone(bodies) as UserPatch[];
}

function diffMetadata(
  key: string,
  was: unknown,
  after: Auth0User,
  body: Record<string, unknown>,
  unreachable: string[],
): void {
  const now = after[key];
  if (!Object.hasOwn(after, key)) {
    // Only app_metadata can leave a user, by being emptied.
    if (key === 'app_metadata') body[key] = {};
    else unreachable.push(key);
    return;
  }
  if (!isPlainObject(now)) {
    unreachable.push(key);
    return;
  }
  const old: Record<string, unknown> = isPlainObject(was) ? was : {};
  const names = Object.keys(now);
  if (names.length === 0) {
    // An emptied app_metadata is removed, never stored as {}.
    if (key === 'app_metadata') unreachable.push(key);
    else body[key] = {};
    return;
  }
  const changes: Metadata = {};
  for (const name of Object.keys(old)) {
    if (!Object.hasOwn(now, name)) setOwn(changes, name, null);
  }
  for (const name of names) {
    if (now[name] === null) unreachable.push(formatPath([key, name]));
    else if (!Object.hasOwn(old, name) || !jsonEqual(old[name], now[name])) setOwn(changes, name, now[name]);
  }
  body[key] = changes;
}

/** Auth0 refuses `username` together with `email` or `email_verified`: such a change takes two PATCHes. */
function splitForbiddenPairs(body: Record<string, unknown>): Record<string, unknown>[] {
  const keys = Object.keys(body);
  if (keys.length === 0) return [];
  const conflicts = Object.hasOwn(body, 'username') && (Object.hasOwn(body, 'email') || Object.hasOwn(body, 'email_verified'));
  if (!conflicts) return [body];
  const { username, ...rest } = body;
  return [rest, { username }];
}
