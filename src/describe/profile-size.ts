/** The profile size Auth0 documents (10 KB of JSON), and a user's size against it. */
import { sparseIndices } from './array-indices.js';

/** The profile size Auth0 documents: 10 KB of JSON. */
export const PROFILE_SIZE_LIMIT = 10 * 1024;

/**
 * The size of a user as JSON, in UTF-8 bytes: the length of `JSON.stringify(user)` encoded, whenever that
 * succeeds, computed without building the text and without recursion, so that users of any depth, and arrays of
 * any length (a hole counts as `null`, as JSON writes it), have a size. A user is JSON: `toJSON` methods are not
 * called (a `Date` counts as an object without keys). Throws a `TypeError`, as `JSON.stringify` does, on a cycle
 * or a `BigInt`.
 */
export function profileSize(user: object): number {
  let size = 0;
  // Values to measure, and `EXIT` markers that take a container off the ancestors when its children are done.
  const pending: unknown[] = [user];
  const ancestors = new Set<object>();
  while (pending.length > 0) {
    const value = pending.pop();
    if (value === EXIT) {
      ancestors.delete(pending.pop() as object);
      continue;
    }
    switch (typeof value) {
      case 'string':
        size += stringSize(value);
        continue;
      case 'number':
        size += Number.isFinite(value) ? String(value).length : 4;
        continue;
      case 'boolean':
        size += value ? 4 : 5;
        continue;
      case 'bigint':
        throw new TypeError('Do not know how to serialize a BigInt');
      case 'object':
        break;
      default:
        // undefined, a function or a symbol as an array element: JSON writes null.
        size += 4;
        continue;
    }
    if (value === null) {
      size += 4;
      continue;
    }
    if (ancestors.has(value)) throw new TypeError('Converting circular structure to JSON');
    ancestors.add(value);
    pending.push(value, EXIT);
    if (Array.isArray(value)) {
      const length = value.length;
      size += length === 0 ? 2 : length + 1;
      const indices = sparseIndices(value);
      if (indices === undefined) {
        for (let index = 0; index < length; index++) pending.push(value[index]);
      } else {
        size += (length - indices.length) * 4;
        for (const index of indices) pending.push(value[index]);
      }
      continue;
    }
    let entries = 0;
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      const item = record[key];
      if (item === undefined || typeof item === 'function' || typeof item === 'symbol') continue;
      entries++;
      size += stringSize(key) + 1;
      pending.push(item);
    }
    size += entries === 0 ? 2 : entries + 1;
  }
  return size;
}

const EXIT = Symbol('exit');

/** The UTF-8 size of a string as JSON writes it: quoted, with escapes (lone surrogates as `\udxxx`). */
function stringSize(text: string): number {
  let size = 2;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code < 0x20) size += code === 8 || code === 9 || code === 10 || code === 12 || code === 13 ? 2 : 6;
    else if (code === 0x22 || code === 0x5c) size += 2;
    else if (code < 0x80) size += 1;
    else if (code < 0x800) size += 2;
    else if (code < 0xd800 || code > 0xdfff) size += 3;
    else if (code <= 0xdbff && index + 1 < text.length && isLowSurrogate(text.charCodeAt(index + 1))) {
      size += 4;
      index++;
    } else size += 6;
  }
  return size;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
