import { isPlainObject } from './is-plain-object.js';

/**
 * Whether two JSON values are equal: same primitives (`0` equals `-0`), arrays equal element by element, objects
 * with the same own keys (in any order) and equal values. A shared reference is equal without a look inside, so
 * comparing a user with a patched copy of it only walks what the patch touched.
 *
 * @example
 * jsonEqual({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] }); // true
 * jsonEqual({ a: 1, b: 2 }, { b: 2, a: 1 }); // true
 */
export function jsonEqual(left: unknown, right: unknown): boolean {
  if (left === right) return true;
  if (Array.isArray(left)) {
    return Array.isArray(right) && left.length === right.length && left.every((item, index) => jsonEqual(item, right[index]));
  }
  if (!isPlainObject(left) || !isPlainObject(right)) return false;
  const keys = Object.keys(left);
  if (keys.length !== Object.keys(right).length) return false;
  return keys.every((key) => Object.hasOwn(right, key) && jsonEqual(left[key], right[key]));
}
