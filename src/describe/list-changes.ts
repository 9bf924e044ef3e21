import { jsonEqual } from './json-equal.js';
import { extendPath, type PathSegment } from '../core/path.js';
import { isPlainObject } from '../internal/is-plain-object.js';

/**
 * One difference between a user before and after a PATCH, at `pathSegments` (frozen), which `path` writes as
 * JavaScript reads it. Objects are compared key by key down to the deepest difference; arrays and other values are
 * compared whole.
 *
 * @example
 * const change: UserChange = {
 *   path: 'user_metadata.addresses.work',
 *   pathSegments: ['user_metadata', 'addresses', 'work'],
 *   kind: 'added',
 *   after: '100 Industrial Way',
 * };
 */
export type UserChange =
  | { path: string; pathSegments: readonly PathSegment[]; kind: 'added'; after: unknown }
  | { path: string; pathSegments: readonly PathSegment[]; kind: 'changed'; before: unknown; after: unknown }
  | { path: string; pathSegments: readonly PathSegment[]; kind: 'removed'; before: unknown };

/** Every difference between two users (or JSON objects), one entry per path: `before`'s keys in order, then those only `after` has; no recursion, so any depth. */
export function listChanges(before: object, after: object): UserChange[] {
  const changes: UserChange[] = [];
  const frames: Frame[] = [frame(before as Record<string, unknown>, after as Record<string, unknown>, '')];
  // The keys from the root to the object the top frame walks (one fewer than the frames: the root has none).
  const trail: string[] = [];
  let seen: Map<object, Set<object>> | undefined;
  while (frames.length > 0) {
    const top = frames[frames.length - 1] as Frame;
    if (top.index === top.keys.length) {
      frames.pop();
      for (const key of Object.keys(top.after)) {
        if (!Object.hasOwn(top.before, key))
          changes.push({
            path: extendPath(top.path, key),
            pathSegments: steps(trail, key),
            kind: 'added',
            after: top.after[key],
          });
      }
      trail.pop();
      continue;
    }
    const key = top.keys[top.index++] as string;
    if (!Object.hasOwn(top.after, key)) {
      changes.push({
        path: extendPath(top.path, key),
        pathSegments: steps(trail, key),
        kind: 'removed',
        before: top.before[key],
      });
      continue;
    }
    const was = top.before[key];
    const now = top.after[key];
    if (was === now) continue;
    if (isPlainObject(was) && isPlainObject(now)) {
      // Past this depth only a cycle is likely: a pair already being walked is not walked again.
      if (frames.length > CYCLE_CHECK_DEPTH) {
        seen ??= new Map();
        const nows = seen.get(was) ?? new Set();
        seen.set(was, nows);
        if (nows.has(now)) continue;
        nows.add(now);
      }
      frames.push(frame(was, now, extendPath(top.path, key)));
      trail.push(key);
    } else if (!jsonEqual(was, now)) {
      changes.push({
        path: extendPath(top.path, key),
        pathSegments: steps(trail, key),
        kind: 'changed',
        before: was,
        after: now,
      });
    }
  }
  return changes;
}

const CYCLE_CHECK_DEPTH = 1000;

/** An object pair being walked, with the text of its path (built a step at a time, so any depth costs little). */
type Frame = {
  before: Record<string, unknown>;
  after: Record<string, unknown>;
  path: string;
  keys: string[];
  index: number;
};

function frame(before: Record<string, unknown>, after: Record<string, unknown>, path: string): Frame {
  return { before, after, path, keys: Object.keys(before), index: 0 };
}

/** The steps to a key of the top frame, frozen. */
function steps(trail: readonly string[], key: string): readonly PathSegment[] {
  const segments: PathSegment[] = trail.slice();
  segments.push(key);
  return Object.freeze(segments);
}
