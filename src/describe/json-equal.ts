import { sparseIndices } from './array-indices.js';
import { isPlainObject } from '../internal/is-plain-object.js';

/** JSON equality (`0` equals `-0`, a hole reads as `undefined`, own keys in any order); a shared reference is equal unread, and it walks without recursion. */
export function jsonEqual(left: unknown, right: unknown): boolean {
  const pending: unknown[] = [left, right];
  let walked = 0;
  let seen: PairSet | undefined;
  while (pending.length > 0) {
    const b = pending.pop();
    const a = pending.pop();
    if (a === b) continue;
    if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
    // Only a cycle can make a walk this long revisit a pair; skipping a pair already queued is always sound.
    if (++walked > CYCLE_CHECK_AFTER && (seen ??= new PairSet()).addIfNew(a, b) === false) continue;
    if (Array.isArray(a)) {
      if (!Array.isArray(b) || a.length !== b.length) return false;
      const indices = sparseIndices(a);
      if (indices === undefined) {
        for (let index = 0; index < a.length; index++) pending.push(a[index], b[index]);
      } else {
        for (const index of indices) pending.push(a[index], b[index]);
        for (const index of sparseIndices(b) as number[])
          if (!Object.hasOwn(a, index)) pending.push(undefined, b[index]);
      }
      continue;
    }
    if (!isPlainObject(a) || !isPlainObject(b)) return false;
    const keys = Object.keys(a);
    if (keys.length !== Object.keys(b).length) return false;
    for (const key of keys) {
      if (!Object.hasOwn(b, key)) return false;
      pending.push(a[key], b[key]);
    }
  }
  return true;
}

const CYCLE_CHECK_AFTER = 100_000;

/** Pairs of objects already met, to stop on cyclic values (which are not JSON, but must not hang). */
class PairSet {
  readonly #pairs = new Map<object, Set<object>>();

  addIfNew(left: object, right: object): boolean {
    let rights = this.#pairs.get(left);
    if (rights === undefined) this.#pairs.set(left, (rights = new Set()));
    if (rights.has(right)) return false;
    rights.add(right);
    return true;
  }
}
