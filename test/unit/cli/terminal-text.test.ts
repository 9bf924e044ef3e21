/** What the CLI prints to a terminal: terminalText and jsonText escape every control and bidirectional character. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonText, terminalText } from '../../../src/cli/terminal-text.js';
import { deep } from '../../support/values.js';

describe('terminal text', () => {
  const unsafe = [
    '\u001b',
    '\u0007',
    '\u0000',
    '\r',
    '\n',
    '\u007f',
    '\u0085',
    '\u009b',
    '\u202a',
    '\u202e',
    '\u2066',
    '\u2069',
    '\u200f',
    '\u061c',
  ];

  it('escapes every control and bidirectional character', () => {
    for (const character of unsafe)
      expect(terminalText(`x${character}y`)).toBe(`x\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}y`);
    expect(terminalText('plain é 😀 text')).toBe('plain é 😀 text');
  });

  it('jsonText writes what JSON.stringify writes, with C1 and bidirectional controls escaped, at any depth', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.constantFrom(0, 2), (value, indent) => {
        const text = jsonText(value, indent) as string;
        expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(value)));
        expect(text).toBe(
          JSON.stringify(value, null, indent).replace(
            /[\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g,
            (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
          ),
        );
      }),
      { numRuns: 1000 },
    );
    const value = { ['k\u009b']: ['\u202e', undefined, () => 1], u: undefined };
    expect(jsonText(value)).toBe('{"k\\u009b":["\\u202e",null,null]}');
    expect(jsonText(deep(100_000))).toBe(`${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`);
  });
});
