import { mergePrepared, type PatchOutcome } from './apply-patch.js';
import { INVALID_JSON_MESSAGE } from './messages.js';
import { invalidJsonError, PatchError } from './patch-error.js';
import type { PathSegment } from './path.js';
import { prepareParsedBody, type PreparedPatch, type PrepareOptions } from './prepare-patch.js';
import type { ApplyOptions, Auth0User, UserInput } from './types.js';

/**
 * {@link applyPatch} for a body held as JSON text, as a server receives it: returns the user Auth0 would store
 * after `PATCH /api/v2/users/{id}` with this body, or throws the {@link PatchError} Auth0 would answer with.
 *
 * Auth0's JSON parser answers first: text that is not JSON, and a `__proto__` key at any depth, are refused with
 * `Invalid request payload JSON format` (400) before any other rule, the latter with the key's place as `path`.
 * A key given twice in one object keeps its last value, at the place of its first appearance, as `JSON.parse`
 * and Auth0's parser (hapi's bourne) do. Then every rule of {@link applyPatch} applies, with the same messages and
 * paths; a number too large for a double (`1e400`) is refused as it is by `applyPatch`, and `-0` is stored as `0`.
 *
 * It is faster than `applyPatch(user, JSON.parse(text))`: what the parse made is fresh, so it is checked in
 * place and used as it is instead of copied (no symbol, cycle or foreign object can be in it). `user` is never
 * changed; parts of it the patch does not touch are shared with the result.
 *
 * @example
 * const user = { email: 'jane.doe@example.com', user_metadata: { hobby: 'surfing' } };
 * applyPatchJson(user, '{"user_metadata":{"addresses":{"home":"123 Main Street, Anytown, ST 12345"}}}');
 * // { email: 'jane.doe@example.com',
 * //   user_metadata: { hobby: 'surfing', addresses: { home: '123 Main Street, Anytown, ST 12345' } } }
 * applyPatchJson(user, '{"user_metadata": {'); // throws PatchError: Invalid request payload JSON format
 */
export function applyPatchJson(user: UserInput | null | undefined, text: string, options?: ApplyOptions): Auth0User {
  return patchUserJson(user, text, options).user;
}

/** {@link applyPatchJson} without its types, with the checked patch. */
export function patchUserJson(user: unknown, text: unknown, options?: ApplyOptions): PatchOutcome {
  return mergePrepared(user, preparePatchJson(text as string), options);
}

/**
 * {@link preparePatch} for a body held as JSON text, as {@link applyPatchJson} reads it: Auth0's parser answers
 * first (`Invalid request payload JSON format` for text that is not JSON or holds a `__proto__` key), then every
 * rule. What the parse made is checked in place instead of copied.
 *
 * @example
 * const prepared = preparePatchJson('{"verify_email":true,"email":"jane@example.com"}');
 * prepared.steering; // { verify_email: true }
 * applyPreparedPatch({ user_id: 'auth0|1' }, prepared); // { user_id: 'auth0|1', email: 'jane@example.com' }
 * preparePatchJson('{"user_metadata": {'); // throws PatchError: Invalid request payload JSON format
 */
export function preparePatchJson(text: string, options?: PrepareOptions): PreparedPatch {
  if (typeof text !== 'string') throw new TypeError('applyPatchJson: text must be a string');
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw invalidJsonError();
  }
  if (mayHoldProtoKey(text)) {
    const path = findProtoKey(body);
    if (path !== undefined) throw new PatchError(INVALID_JSON_MESSAGE, { path });
  }
  return prepareParsedBody(body, options);
}

// Whether the text may spell a `__proto__` key, literally or with \u escapes; a cheap test before the walk.
function mayHoldProtoKey(text: string): boolean {
  return text.includes('__proto__') || (text.includes('\\u') && SPELLED_PROTO.test(text));
}

const SPELLED_PROTO =
  /"(?:_|\\u005[fF]){2}(?:p|\\u0070)(?:r|\\u0072)(?:o|\\u006[fF])(?:t|\\u0074)(?:o|\\u006[fF])(?:_|\\u005[fF]){2}"/;

/** The place of the first own `__proto__` key: the body's own keys first, then depth first in key order (iterative: parsed text may nest deeply). */
function findProtoKey(body: unknown): PathSegment[] | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  if (!Array.isArray(body) && Object.hasOwn(body, '__proto__')) return ['__proto__'];
  type Frame = { readonly node: Record<string, unknown>; readonly keys: readonly PathSegment[]; index: number };
  const frames: Frame[] = [{ node: body as Record<string, unknown>, keys: keysOf(body), index: 0 }];
  while (frames.length > 0) {
    const frame = frames[frames.length - 1] as Frame;
    if (frame.index === frame.keys.length) {
      frames.pop();
      continue;
    }
    const key = frame.keys[frame.index++] as PathSegment;
    if (key === '__proto__') return frames.map((each) => each.keys[each.index - 1] as PathSegment);
    const value = frame.node[key];
    if (typeof value === 'object' && value !== null)
      frames.push({ node: value as Record<string, unknown>, keys: keysOf(value), index: 0 });
  }
  return undefined;
}

function keysOf(node: object): readonly PathSegment[] {
  return Array.isArray(node) ? Array.from(node, (_item, index) => index) : Object.keys(node);
}
