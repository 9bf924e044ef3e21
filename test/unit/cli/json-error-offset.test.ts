/** findJsonErrorOffset: where the CLI says malformed JSON goes wrong (line, column, position), exactly where JSON.parse refuses. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findJsonErrorOffset } from '../../../src/cli/json-error-offset.js';

describe('findJsonErrorOffset', () => {
  it.each([
    ['{"a":}', 5],
    ['{"a":1,}', 7],
    ['{"a" 1}', 5],
    ['nope', 0],
    ['', 0],
    ['{"a":"b"', 8],
    ['[1,2', 4],
    ['{"a":1}x', 7],
    ['[01]', 2],
    ['"tab\there"', 4],
    ['"\\x"', 1],
    ['{"a":tru}', 5],
  ])('finds the fault in %j at %i', (text, offset) => {
    expect(findJsonErrorOffset(text)).toBe(offset);
  });

  it('finds none in any valid JSON', () => {
    fc.assert(
      fc.property(fc.json(), (text) => {
        expect(findJsonErrorOffset(text)).toBe(-1);
      }),
    );
    expect(findJsonErrorOffset(`${'['.repeat(100_000)}${']'.repeat(100_000)}`)).toBe(-1);
  });

  it('finds a fault exactly when JSON.parse refuses', () => {
    fc.assert(
      fc.property(fc.json(), fc.nat(), fc.constantFrom('', ',', '}', ']', '"', ':', 'x', '\\'), (text, at, insert) => {
        const position = at % (text.length + 1);
        const changed = text.slice(0, position) + insert + text.slice(position);
        let parses = true;
        try {
          JSON.parse(changed);
        } catch {
          parses = false;
        }
        expect(findJsonErrorOffset(changed) === -1).toBe(parses);
      }),
      { numRuns: 500 },
    );
  });
});
