/** Unit tests of src/describe's helpers at their edges: JSON equality, sparse array indices and the JSON size of a profile. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sparseIndices } from '../../src/describe/array-indices.js';
import { jsonEqual } from '../../src/describe/json-equal.js';
import { profileSize } from '../../src/describe/profile-size.js';

const DENSE_LIMIT = 1 << 20;

/** A sparse array longer than the dense limit with the given elements. */
function sparse(length: number, elements: Record<number, unknown>): unknown[] {
  const array: unknown[] = [];
  array.length = length;
  for (const [index, value] of Object.entries(elements)) array[Number(index)] = value;
  return array;
}

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

describe('sparseIndices', () => {
  it('is undefined up to the dense limit, and walks own index keys past it', () => {
    expect(sparseIndices(sparse(DENSE_LIMIT, { 0: 1 }))).toBeUndefined();
    expect(sparseIndices([1, 2])).toBeUndefined();
    const array = sparse(DENSE_LIMIT + 1, { 0: 'first', 7: 'x', [DENSE_LIMIT]: 'last' }) as unknown[] &
      Record<string, unknown>;
    array['-1'] = 'negative';
    array['1.5'] = 'fraction';
    array['01'] = 'padded';
    array['name'] = 'named';
    array['1e3'] = 'exponent';
    expect(sparseIndices(array)).toEqual([0, 7, DENSE_LIMIT]);
    expect(sparseIndices(sparse(DENSE_LIMIT + 1, {}))).toEqual([]);
  });
});

describe('profileSize', () => {
  const utf8 = (value: unknown) => Buffer.byteLength(JSON.stringify(value));

  it.each([
    ['control characters', '\u0000\u0007\b\t\n\u000b\f\r\u001f'],
    ['the ASCII edges', '\u0020\u0021"\\\u007e\u007f'],
    ['the two-byte edges', '\u0080\u07ff'],
    ['the three-byte edges', '\u0800\ud7ff\ue000\uffff'],
    ['a surrogate pair', '\ud83d\ude00'],
    ['a lone high surrogate at the end', 'a\ud83d'],
    ['a lone high surrogate before a non-surrogate', '\ud83dx'],
    ['a high surrogate before another high', '\ud83d\ud83d\ude00'],
    ['a lone low surrogate', '\ude00a'],
    ['the surrogate edges', '\udbff\udc00 \udbff\udfff \ud800\udc00 \udc00\udbff'],
  ])('counts %s as JSON.stringify writes them in UTF-8', (_case, text) => {
    expect(profileSize({ [text]: text })).toBe(utf8({ [text]: text }));
  });

  it('agrees with JSON.stringify on any JSON value and any string', () => {
    fc.assert(
      fc.property(
        fc.jsonValue(),
        fc.string({ unit: 'binary' }),
        fc.string({ unit: fc.integer({ min: 0xd7f0, max: 0xe010 }).map((code) => String.fromCharCode(code)) }),
        (value, text, surrogates) => {
          const user = { value, text, surrogates };
          expect(profileSize(user)).toBe(utf8(user));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('counts what JSON drops or writes as null: undefined, functions, symbols, non-finite numbers, holes', () => {
    const user = {
      a: undefined,
      f: () => 1,
      s: Symbol('s'),
      list: [undefined, () => 1, Symbol('t'), Number.NaN, Number.POSITIVE_INFINITY, , true, false],
    };
    expect(profileSize(user)).toBe(utf8(user));
    const long = sparse(DENSE_LIMIT + 2, { 1: 'x' });
    expect(profileSize({ long })).toBe(utf8({ long }));
  });

  it('throws what JSON.stringify throws for a bigint and a cycle', () => {
    expect(() => profileSize({ n: 1n })).toThrow(new TypeError('Do not know how to serialize a BigInt'));
    const cyclic: Record<string, unknown> = {};
    cyclic['self'] = cyclic;
    expect(() => profileSize(cyclic)).toThrow(new TypeError('Converting circular structure to JSON'));
    const shared = { a: 1 };
    expect(profileSize({ x: shared, y: shared })).toBe(utf8({ x: shared, y: shared }));
  });
});
