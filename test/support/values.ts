/** Values that test the library's walks: deep nesting, long sparse arrays, and the UTF-8 size of JSON. */

/** An object `levels` levels deep (`{ a: { a: ... leaf } }`). */
export const deep = (levels: number, leaf: unknown = 1): unknown => {
  let value = leaf;
  for (let level = 0; level < levels; level++) value = { a: value };
  return value;
};

/** A sparse array of `length` with only the `present` elements. */
export const sparse = (length: number, present: Record<number, unknown> = {}): unknown[] => {
  const array: unknown[] = [];
  array.length = length;
  for (const [index, value] of Object.entries(present)) array[Number(index)] = value;
  return array;
};

/** The length past which the describe walks read a sparse array's own keys instead of every index. */
export const DENSE_LIMIT = 1 << 20;

/** The UTF-8 size of `JSON.stringify(value)`. */
export const utf8Size = (value: unknown) => new TextEncoder().encode(JSON.stringify(value)).length;
