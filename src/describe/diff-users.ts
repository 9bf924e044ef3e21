import { ATTRIBUTES, EXCLUSIVE_PAIRS, STAMPED_ATTRIBUTES, type AttributeSchema } from '../core/schema.js';
import { jsonEqual } from './json-equal.js';
import { setOwn } from '../internal/own-keys.js';
import { formatPath } from '../core/path.js';
import { isPlainObject } from '../internal/is-plain-object.js';
import type { ApplyOptions, Auth0User, Metadata, UserInput, UserPatch } from '../core/types.js';
import { patchUser } from '../core/apply-patch.js';
import { SYNCED_PROFILE_ATTRIBUTES } from '../core/connection-rules.js';
import { PatchError } from '../core/patch-error.js';

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
  /**
   * Always `'UnreachableUserError'`.
   *
   * @example
   * new UnreachableUserError(['user_id'], 'a PATCH cannot change user_id').name; // 'UnreachableUserError'
   */
  override readonly name = 'UnreachableUserError';
  /**
   * The attributes (or metadata paths) that no PATCH can give their `after` value.
   *
   * @example
   * try {
   *   diffUsers({ user_id: 'auth0|1', created_at: '2026-01-01T00:00:00.000Z' }, { user_id: 'auth0|2', created_at: '2026-02-01T00:00:00.000Z' });
   * } catch (error) {
   *   if (error instanceof UnreachableUserError) error.attributes; // ['user_id', 'created_at']
   * }
   */
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
 * The bodies meet the rules of `before`'s connection (`options.connection` as for {@link applyPatch}). Throws an
 * {@link UnreachableUserError} naming the attributes when no PATCH can reach `after`: one Auth0 would refuse, or
 * one it would store otherwise (a database user's email in lower case).
 *
 * @example
 * diffUsers(
 *   { email: 'a@example.com', username: 'jane', user_metadata: { hobby: 'surfing', color: 'pink' } },
 *   { email: 'b@example.com', username: 'jane_doe', user_metadata: { hobby: 'surfing' } },
 * );
 * // [ { email: 'b@example.com', user_metadata: { color: null } }, { username: 'jane_doe' } ]
 * diffUsers({ identities: [{ provider: 'google-oauth2' }], name: 'Jo' }, { identities: [{ provider: 'google-oauth2' }], name: 'Joanna' });
 * // throws UnreachableUserError (attributes: ['name']): Google writes the name at each login
 */
export function diffUsers(before: UserInput, after: UserInput, options?: DiffOptions): UserPatch[] {
  const from = before as Auth0User;
  const to = after as Auth0User;
  const body: Record<string, unknown> = {};
  const unreachable: string[] = [];
  const keys = new Set([...Object.keys(from), ...Object.keys(to)]);
  for (const key of keys) {
    const had = Object.hasOwn(from, key);
    const has = Object.hasOwn(to, key);
    if (STAMPED.has(key) || (had && has && jsonEqual(from[key], to[key]))) continue;
    const schema = ATTRIBUTES.get(key);
    if (schema === undefined || !schema.stored) unreachable.push(key);
    else if (schema.type === 'metadata')
      diffMetadata(key, schema.emptied, had ? from[key] : undefined, to, body, unreachable);
    // A PATCH stores no `null` at the root: `null` unsets.
    else if (has) to[key] === null ? unreachable.push(key) : setOwn(body, key, to[key]);
    else if (isNullable(schema)) setOwn(body, key, null);
    else unreachable.push(key);
  }
  if (unreachable.length > 0) {
    throw new UnreachableUserError(
      unreachable,
      `a PATCH cannot give ${unreachable.join(', ')} the values of the second user.`,
    );
  }
  const bodies = splitForbiddenPairs(body);
  const reached = applyInTurn(from, bodies, options);
  const stored = Object.keys(body).filter((key) => !jsonEqual(ownValue(reached, key), ownValue(to, key)));
  if (stored.length > 0) {
    const values = stored.map((key) => `${key} as ${JSON.stringify(ownValue(reached, key))}`).join(' and ');
    throw new UnreachableUserError(
      stored,
      `Auth0 would store ${values}: the Auth0 store keeps a database user's email and username in lower case (rule 21).`,
    );
  }
  // Copies, so that changing a body never reaches `after`.
  return structuredClone(bodies) as UserPatch[];
}

/**
 * Options of {@link diffUsers}: the connection of `before`'s primary identity, as {@link ApplyOptions} takes it.
 *
 * @example
 * const options: DiffOptions = { connection: { options: { requires_username: true } } };
 */
export type DiffOptions = Pick<ApplyOptions, 'connection'>;

/** The user the bodies make, one after the other, or the refusal that stops them, as an {@link UnreachableUserError}. */
function applyInTurn(from: Auth0User, bodies: readonly Record<string, unknown>[], options: DiffOptions | undefined) {
  let user = from;
  for (const patch of bodies) {
    try {
      user = patchUser(user, patch, options).user;
    } catch (refusal) {
      if (!(refusal instanceof PatchError)) throw refusal;
      throw new UnreachableUserError(
        refusedAttributes(refusal, patch),
        `Auth0 would refuse the PATCH it takes: ${refusal.message}`,
      );
    }
  }
  return user;
}

/** The attributes a refusal is about: the synced profile attributes of the body, or the first step of its path. */
function refusedAttributes(refusal: PatchError, patch: Record<string, unknown>): string[] {
  if (refusal.rule === 25) return SYNCED_PROFILE_ATTRIBUTES.filter((key) => Object.hasOwn(patch, key));
  return (refusal.pathSegments ?? []).slice(0, 1).map(String);
}

function ownValue(user: Auth0User, key: string): unknown {
  return Object.hasOwn(user, key) ? user[key] : undefined;
}

const STAMPED: ReadonlySet<string> = new Set(STAMPED_ATTRIBUTES);

function isNullable(schema: AttributeSchema): boolean {
  return schema.type === 'string' && schema.nullable;
}

function diffMetadata(
  key: string,
  emptied: 'empty-object' | 'removed',
  was: unknown,
  after: Auth0User,
  body: Record<string, unknown>,
  unreachable: string[],
): void {
  if (!Object.hasOwn(after, key)) {
    // Only metadata that the schema removes when emptied can leave a user, by being emptied.
    if (emptied === 'removed') setOwn(body, key, {});
    else unreachable.push(key);
    return;
  }
  const now = after[key];
  if (!isPlainObject(now)) {
    unreachable.push(key);
    return;
  }
  const old: Record<string, unknown> = isPlainObject(was) ? was : {};
  const names = Object.keys(now);
  if (names.length === 0) {
    // Emptied metadata of that kind is removed, never stored as {}.
    if (emptied === 'removed') unreachable.push(key);
    else setOwn(body, key, {});
    return;
  }
  const changes: Metadata = {};
  for (const name of Object.keys(old)) {
    if (!Object.hasOwn(now, name)) setOwn(changes, name, null);
  }
  for (const name of names) {
    const kept = Object.hasOwn(old, name) && jsonEqual(old[name], now[name]);
    // A first-level null deletes: a PATCH can keep a stored null, never write one.
    if (kept) continue;
    if (now[name] === null) unreachable.push(formatPath([key, name]));
    else setOwn(changes, name, now[name]);
  }
  setOwn(body, key, changes);
}

/** The body split so that no pair Auth0 refuses together shares a PATCH: each key goes into the first body it fits. */
function splitForbiddenPairs(body: Record<string, unknown>): Record<string, unknown>[] {
  const bodies: Record<string, unknown>[] = [];
  for (const key of Object.keys(body)) {
    let target = bodies.find((candidate) => !Object.keys(candidate).some((other) => isForbiddenPair(key, other)));
    if (target === undefined) bodies.push((target = {}));
    setOwn(target, key, body[key]);
  }
  return bodies;
}

function isForbiddenPair(one: string, other: string): boolean {
  return EXCLUSIVE_PAIRS.some(
    ([first, second]) => (first === one && second === other) || (first === other && second === one),
  );
}
