import { jsonEqual } from './json-equal.js';
import { formatPath, type PathSegment } from './path.js';
import { isPlainObject } from './is-plain-object.js';

/**
 * One difference between a user before and after a PATCH. Objects are compared key by key down to the deepest
 * difference; arrays and other values are compared whole.
 *
 * @example
 * const change: UserChange = { path: 'user_metadata.addresses.work', kind: 'added', after: '100 Industrial Way' };
 */
export type UserChange =
  | { path: string; kind: 'added'; after: unknown }
  | { path: string; kind: 'changed'; before: unknown; after: unknown }
  | { path: string; kind: 'removed'; before: unknown };

/**
 * Every difference between two users (or any two JSON objects), one entry per path: the keys of `before` in their
 * order, then the keys only `after` has.
 *
 * @example
 * listChanges({ user_metadata: { hobby: 'surfing' } }, { user_metadata: { hobby: 'diving' }, blocked: true });
 * // [ { path: 'user_metadata.hobby', kind: 'changed', before: 'surfing', after: 'diving' },
 * //   { path: 'blocked', kind: 'added', after: true } ]
 */
export function listChanges(before: object, after: object): UserChange[] {
  const changes: UserChange[] = [];
  collect(before as Record<string, unknown>, after as Record<string, unknown>, [], changes);
  return changes;
}

function collect(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  at: readonly PathSegment[],
  changes: UserChange[],
): void {
  for (const key of Object.keys(before)) {
    const path = [...at, key];
    if (!Object.hasOwn(after, key)) {
      changes.push({ path: formatPath(path), kind: 'removed', before: before[key] });
      continue;
    }
    const was = before[key];
    const now = after[key];
    if (was === now) continue;
    if (isPlainObject(was) && isPlainObject(now)) collect(was, now, path, changes);
    else if (!jsonEqual(was, now)) changes.push({ path: formatPath(path), kind: 'changed', before: was, after: now });
  }
  for (const key of Object.keys(after)) {
    if (!Object.hasOwn(before, key)) changes.push({ path: formatPath([...at, key]), kind: 'added', after: after[key] });
  }
}
