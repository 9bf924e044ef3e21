/** profileSize, the JSON size previewPatch checks against Auth0's 10 KB (rule 17): exactly the UTF-8 length of JSON.stringify. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { profileSize } from '../../../src/describe/profile-size.js';
import { deep, DENSE_LIMIT, sparse, utf8Size } from '../../support/values.js';

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

describe('profileSize on any value', () => {
  const key = fc.oneof(fc.string({ unit: 'binary' }), fc.constantFrom('__proto__', 'constructor', '', '"', '\\'));
  const leaf = fc.oneof(
    fc.string({ unit: 'binary' }),
    fc.string({ unit: 'grapheme' }),
    fc.constantFrom(
      '\ud800',
      '\udfff',
      'a\udc00b\ud83d',
      '\u2028\u2029',
      '\u0000\u001f\u007f\u009b',
      -0,
      0,
      1e21,
      1e-7,
      Number.NaN,
      Infinity,
      -Infinity,
    ),
    fc.double(),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.constant(undefined),
    fc.constant(() => 1),
    fc.constant(Symbol('s')),
  );
  const value = fc.letrec((tie) => ({
    value: fc.oneof({ depthSize: 'small' }, leaf, tie('array'), tie('object')),
    array: fc.oneof(
      fc.array(tie('value'), { maxLength: 5 }),
      fc.tuple(fc.array(tie('value'), { maxLength: 5 }), fc.nat(8)).map(([items, holes]) => {
        const array = [...items];
        array.length += holes;
        return array;
      }),
    ),
    object: fc.array(fc.tuple(key, tie('value')), { maxLength: 5 }).map((entries) => {
      const object: Record<string, unknown> = {};
      for (const [name, item] of entries)
        Object.defineProperty(object, name, { value: item, enumerable: true, writable: true, configurable: true });
      return object;
    }),
  }));

  it('equals the UTF-8 length of JSON.stringify (-0, lone surrogates, __proto__ keys, holes, undefined and functions)', () => {
    fc.assert(
      fc.property(value.object, (user) => {
        expect(profileSize(user)).toBe(utf8Size(user));
      }),
      { numRuns: 2000 },
    );
  });

  it('measures the documented cases exactly', () => {
    const proto = JSON.parse('{"__proto__":{"a":-0}}') as object;
    for (const user of [
      { a: -0 },
      { s: '\ud800x\udc00' },
      { e: '😀é€' },
      proto,
      { h: [, 1, ,] },
      { u: undefined, f: () => 1, l: [undefined, () => 1] },
    ]) {
      expect(profileSize(user)).toBe(utf8Size(user));
    }
  });
});

describe('profileSize on deep values', () => {
  it('profileSize measures a 100,000-level user as JSON would', () => {
    const user = { user_metadata: deep(100_000) };
    expect(profileSize(user)).toBe('{"user_metadata":'.length + '{"a":'.length * 100_000 + 1 + 100_000 + 1);
  });
});

describe('profileSize on huge sparse arrays', () => {
  const huge = () => sparse(1e9, { 5: 'x', 999_999_999: { b: 1 } });

  it('profileSize counts holes as null, arithmetically', () => {
    expect(profileSize({ a: sparse(1e9) })).toBe('{"a":[]}'.length + 1e9 * 4 + (1e9 - 1));
    expect(profileSize({ a: huge() })).toBe('{"a":[]}'.length + (1e9 - 2) * 4 + 3 + 7 + (1e9 - 1));
    // Where JSON.stringify still works, the same rule gives its answer.
    expect(profileSize({ a: sparse(10, { 3: 'x' }) })).toBe(utf8Size({ a: sparse(10, { 3: 'x' }) }));
  });
});
