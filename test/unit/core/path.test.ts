/** formatPath, the one writer of paths (extendPath a step at a time): one text per place, read by JavaScript as it. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extendPath, formatPath, type PathSegment } from '../../../src/core/path.js';
import { validatePatch } from '../../../src/index.js';

/** Steps that need quoting or look alike once written: dots, brackets, quotes, backslashes, numbers as strings. */
const segment: fc.Arbitrary<PathSegment> = fc.oneof(
  fc.string(),
  fc.constantFrom('a', '$x', '_1', '0', '12', 'a.b', 'my:key', '"', '\\', '[0]', 'a"]', '', ' '),
  fc.nat(100),
);

describe('formatPath', () => {
  it('writes different places as different texts', () => {
    const small = fc.array(fc.constantFrom<PathSegment>('a', '0', 0, 'a.b', '', '"', '[0]', 'a"].b'), {
      maxLength: 3,
    });
    fc.assert(
      fc.property(small, small, (one, other) => {
        expect(formatPath(one) === formatPath(other)).toBe(JSON.stringify(one) === JSON.stringify(other));
      }),
    );
  });

  it('writes text that JavaScript reads as the same place', () => {
    fc.assert(
      fc.property(fc.array(segment, { minLength: 1, maxLength: 6 }), (segments) => {
        const text = formatPath(segments);
        let value: unknown = 'found';
        for (const step of [...segments].reverse()) value = { [step]: value };
        const read = new Function('value', `return value${text.startsWith('[') ? '' : '.'}${text};`);
        expect(read(value)).toBe('found');
      }),
    );
  });

  it('writes a path a step at a time as it writes it whole', () => {
    fc.assert(
      fc.property(fc.array(segment, { maxLength: 6 }), segment, (segments, last) => {
        expect(extendPath(formatPath(segments), last)).toBe(formatPath([...segments, last]));
      }),
    );
  });

  it('never writes a leading dot, an empty step, a bare non-identifier or a number-like key after a dot', () => {
    expect(formatPath(['a'])).toBe('a');
    expect(formatPath(['', 'a'])).toBe('[""].a');
    expect(formatPath(['a', '', 'b'])).toBe('a[""].b');
    expect(formatPath(['a b'])).toBe('["a b"]');
    expect(formatPath(['x'])).toBe('x');
    expect(formatPath(['a', 'b"'])).toBe('a["b\\""]');
    expect(formatPath(['a', '0'])).toBe('a["0"]');
    expect(formatPath(['a', 0])).toBe('a[0]');
    expect(formatPath(['a.b', 'c'])).toBe('["a.b"].c');
    expect(formatPath([])).toBe('');
  });

  it('writes array indices in brackets, other non-identifiers quoted', () => {
    expect(formatPath(['user_metadata', 'tags', 0, 'a b', 'c', 12])).toBe('user_metadata.tags[0]["a b"].c[12]');
    expect(validatePatch({ user_metadata: { tags: ['a', Number.NaN] } })?.path).toBe('user_metadata.tags[1]');
  });
});
