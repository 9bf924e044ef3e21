/** jsonEqual, the equality the describe functions use: what it tells apart, deep, cyclic and huge sparse values, its walk limit. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonEqual } from '../../../src/describe/json-equal.js';
import { listChanges } from '../../../src/describe/list-changes.js';
import { profileSize } from '../../../src/describe/profile-size.js';
import { deep, DENSE_LIMIT, sparse } from '../../support/values.js';

describe('jsonEqual', () => {
  it.each([
    [1, 2],
    ['a', 'b'],
    [1, {}],
    [{}, 1],
    [null, {}],
    [{}, null],
    [[], null],
    [null, []],
    ['{}', {}],
    [[1], [1, 2]],
    [[1, 2], [1]],
    [[], {}],
    [{}, []],
    [{ a: 1 }, { b: 1 }],
    [{ a: 1 }, { a: 1, b: 2 }],
    [{ a: 1, b: 2 }, { a: 1 }],
    [{ a: { b: [1, { c: 2 }] } }, { a: { b: [1, { c: 3 }] } }],
    [new Date(0), new Date(0)],
    [{}, new Date(0)],
    [new Date(0), {}],
    [{ a: undefined }, {}],
  ])('tells %j from %j', (a, b) => {
    expect(jsonEqual(a, b)).toBe(false);
    expect(jsonEqual(b, a)).toBe(false);
  });

  it.each([
    [0, -0],
    [null, null],
    [
      { a: 1, b: [1, 2] },
      { b: [1, 2], a: 1 },
    ],
    [
      [1, , 3],
      [1, undefined, 3],
    ],
    [Object.create(null) as object, {}],
  ])('equates %j and %j', (a, b) => {
    expect(jsonEqual(a, b)).toBe(true);
    expect(jsonEqual(b, a)).toBe(true);
  });

  it('compares long sparse arrays by their present elements, a hole equal to undefined', () => {
    const length = DENSE_LIMIT + 10;
    expect(jsonEqual(sparse(length, { 0: 1, [length - 1]: 2 }), sparse(length, { 0: 1, [length - 1]: 2 }))).toBe(true);
    expect(jsonEqual(sparse(length, { 0: 1, [length - 1]: 2 }), sparse(length, { 0: 1, [length - 1]: 3 }))).toBe(false);
    expect(jsonEqual(sparse(length, { 0: 1 }), sparse(length, { 0: 1, 5: 2 }))).toBe(false);
    expect(jsonEqual(sparse(length, { 0: 1, 5: 2 }), sparse(length, { 0: 1 }))).toBe(false);
    expect(jsonEqual(sparse(length, { 5: undefined }), sparse(length, {}))).toBe(true);
    expect(jsonEqual(sparse(length, {}), sparse(length, { 5: undefined }))).toBe(true);
    expect(jsonEqual(sparse(length, { 0: 1 }), sparse(length + 1, { 0: 1 }))).toBe(false);
  });

  it('agrees with comparing JSON texts of objects with sorted keys', () => {
    const sorted = (value: unknown): unknown =>
      Array.isArray(value)
        ? value.map(sorted)
        : typeof value === 'object' && value !== null
          ? Object.fromEntries(
              Object.keys(value)
                .sort()
                .map((key) => [key, sorted((value as Record<string, unknown>)[key])]),
            )
          : value;
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 3 }), fc.jsonValue({ maxDepth: 3 }), (a, b) => {
        expect(jsonEqual(a, b)).toBe(JSON.stringify(sorted(a)) === JSON.stringify(sorted(b)));
        expect(jsonEqual(a, structuredClone(a))).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('stops on cyclic values past its walk limit, equal when the cycles match and not when they differ', () => {
    const cycle = (value: number) => {
      const node: Record<string, unknown> = { value };
      node['self'] = node;
      return node;
    };
    expect(jsonEqual(cycle(1), cycle(1))).toBe(true);
    expect(jsonEqual(cycle(1), cycle(2))).toBe(false);
    const wide = (last: number) =>
      Array.from({ length: 150_000 }, (_, index) => ({ index: index === 149_999 ? last : index }));
    expect(jsonEqual(wide(1), wide(1))).toBe(true);
    expect(jsonEqual(wide(1), wide(2))).toBe(false);
  });
});

describe('jsonEqual on deep values', () => {
  it('jsonEqual compares values 100,000 levels deep, in objects and arrays', () => {
    expect(jsonEqual(deep(100_000), deep(100_000))).toBe(true);
    expect(jsonEqual(deep(100_000, 1), deep(100_000, 2))).toBe(false);
    let left: unknown = 1;
    let right: unknown = 1;
    for (let level = 0; level < 100_000; level++) [left, right] = [[left], [right]];
    expect(jsonEqual(left, right)).toBe(true);
  });
});

describe('jsonEqual, listChanges and profileSize on cyclic values', () => {
  it('stops on cyclic values instead of hanging or overflowing', () => {
    const left: Record<string, unknown> = {};
    left['self'] = left;
    const inner: Record<string, unknown> = {};
    const right: Record<string, unknown> = { self: { self: inner } };
    inner['self'] = right;
    expect(jsonEqual(left, right)).toBe(true);
    expect(listChanges(left, right)).toEqual([]);
    expect(() => profileSize(left)).toThrow(TypeError);
  });
});

describe('jsonEqual on huge sparse arrays', () => {
  const huge = () => sparse(1e9, { 5: 'x', 999_999_999: { b: 1 } });

  it('jsonEqual compares them by length first, then by present elements only', () => {
    expect(jsonEqual(huge(), huge())).toBe(true);
    expect(jsonEqual(huge(), sparse(1e9 - 1))).toBe(false);
    expect(jsonEqual(huge(), sparse(1e9, { 5: 'x', 999_999_999: { b: 2 } }))).toBe(false);
    expect(jsonEqual(sparse(1e9, { 7: 1 }), sparse(1e9))).toBe(false);
    expect(jsonEqual(sparse(1e9), sparse(1e9, { 7: 1 }))).toBe(false);
  });
});

describe('jsonEqual past its walk limit', () => {
  it('still reads every pair: a difference walked last is found', () => {
    const wide = (first: number) =>
      Array.from({ length: 150_000 }, (_, index) => ({ index: index === 0 ? first : index }));
    expect(jsonEqual(wide(0), wide(0))).toBe(true);
    expect(jsonEqual(wide(0), wide(-1))).toBe(false);
  });
});
