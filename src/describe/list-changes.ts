import { jsonEqual } from './json-equal.js';
import { formatPath } from '../core/path.js';
import { isPlainObject } from '../internal/is-plain-object.js';

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

/** Every difference between two users (or JSON objects), one entry per path: `before`'s keys in order, then those only `after` has; no recursion, so any depth. */
export function listChanges(before: object, after: object): UserChange[] {
  const changes: UserChange[] = [];
  const frames: Frame[] = [frame(before as Record<string, unknown>, after as Record<string, unknown>, '')];
  let seen: Map<object, Set<object>> | undefined;
  while (frames.length > 0) {
    const top = frames[frames.length - 1] as Frame;
    if (top.index === top.keys.length) {
      frames.pop();
      for (const key of Object.keys(top.after)) {
        if (!Object.hasOwn(top.before, key))
          changes.push({ path: join(top.path, key), kind: 'added', after: top.after[key] });
      }
      continue;
    }
    const key = top.keys[top.index++] as string;
    if (!Object.hasOwn(top.after, key)) {
      changes.push({ path: join(top.path, key), kind: 'removed', before: top.before[key] });
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
      frames.push(frame(was, now, join(top.path, key)));
    } else if (!jsonEqual(was, now)) {
      changes.push({ path: join(top.path, key), kind: 'changed', before: was, after: now });
    }
  }
  return changes;
}

const CYCLE_CHECK_DEPTH = 1000;

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

/** The formatted path one key below a formatted path (the same text as {@link formatPath} of the whole path). */
function join(path: string, key: string): string {
  const step = formatPath([key]);
  return path === '' ? step : step.startsWith('[') ? path + step : `${path}.${step}`;
}
