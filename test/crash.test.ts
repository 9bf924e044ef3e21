/** No crash on any input (issue 11, part 6): deep users, huge sparse arrays, huge strings, terminal controls, unbounded input. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonText, terminalText } from '../src/cli/terminal-text.js';
import { matchesFormat } from '../src/core/formats.js';
import { jsonEqual } from '../src/describe/json-equal.js';
import { listChanges } from '../src/describe/list-changes.js';
import { previewPatch } from '../src/describe/preview-patch.js';
import { profileSize } from '../src/describe/profile-size.js';

const deep = (levels: number, leaf: unknown = 1): unknown => {
  let value = leaf;
  for (let level = 0; level < levels; level++) value = { a: value };
  return value;
};
const sparse = (length: number, present: Record<number, unknown> = {}): unknown[] => {
  const array: unknown[] = [];
  array.length = length;
  for (const [index, value] of Object.entries(present)) array[Number(index)] = value;
  return array;
};
const utf8Size = (value: unknown) => new TextEncoder().encode(JSON.stringify(value)).length;

describe('deep users', () => {
  it('listChanges walks 10,000 levels and names the deepest change', () => {
    const changes = listChanges({ m: deep(10_000, 1) as object }, { m: deep(10_000, 2) as object });
    expect(changes).toHaveLength(1);
    expect(changes[0]?.path).toBe(`m${'.a'.repeat(10_000)}`);
    expect(changes[0]?.pathSegments).toEqual(['m', ...Array.from({ length: 10_000 }, () => 'a')]);
    expect(changes[0]).toMatchObject({ kind: 'changed', before: 1, after: 2 });
  });

  it('jsonEqual compares values 100,000 levels deep, in objects and arrays', () => {
    expect(jsonEqual(deep(100_000), deep(100_000))).toBe(true);
    expect(jsonEqual(deep(100_000, 1), deep(100_000, 2))).toBe(false);
    let left: unknown = 1;
    let right: unknown = 1;
    for (let level = 0; level < 100_000; level++) [left, right] = [[left], [right]];
    expect(jsonEqual(left, right)).toBe(true);
  });

  it('profileSize measures a 100,000-level user as JSON would', () => {
    const user = { user_metadata: deep(100_000) };
    expect(profileSize(user)).toBe('{"user_metadata":'.length + '{"a":'.length * 100_000 + 1 + 100_000 + 1);
  });

  it('previewPatch previews a patch that does not touch a 10,000-level value', () => {
    const user = { nickname: 'jd', user_metadata: { deep: deep(10_000) } };
    const preview = previewPatch(user, { nickname: 'jane' });
    expect(preview.changes).toEqual([
      { path: 'nickname', pathSegments: ['nickname'], kind: 'changed', before: 'jd', after: 'jane' },
    ]);
  });

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

describe('huge sparse arrays', () => {
  const huge = () => sparse(1e9, { 5: 'x', 999_999_999: { b: 1 } });

  it('jsonEqual compares them by length first, then by present elements only', () => {
    expect(jsonEqual(huge(), huge())).toBe(true);
    expect(jsonEqual(huge(), sparse(1e9 - 1))).toBe(false);
    expect(jsonEqual(huge(), sparse(1e9, { 5: 'x', 999_999_999: { b: 2 } }))).toBe(false);
    expect(jsonEqual(sparse(1e9, { 7: 1 }), sparse(1e9))).toBe(false);
    expect(jsonEqual(sparse(1e9), sparse(1e9, { 7: 1 }))).toBe(false);
  });

  it('listChanges reports a changed one whole', () => {
    const after = huge();
    after[6] = 'y';
    expect(listChanges({ a: huge() }, { a: huge() })).toEqual([]);
    expect(listChanges({ a: huge() }, { a: after }).map((change) => change.path)).toEqual(['a']);
  });

  it('profileSize counts holes as null, arithmetically', () => {
    expect(profileSize({ a: sparse(1e9) })).toBe('{"a":[]}'.length + 1e9 * 4 + (1e9 - 1));
    expect(profileSize({ a: huge() })).toBe('{"a":[]}'.length + (1e9 - 2) * 4 + 3 + 7 + (1e9 - 1));
    // Where JSON.stringify still works, the same rule gives its answer.
    expect(profileSize({ a: sparse(10, { 3: 'x' }) })).toBe(utf8Size({ a: sparse(10, { 3: 'x' }) }));
  });

  it('previewPatch warns about the size instead of throwing', () => {
    const preview = previewPatch({ user_metadata: { a: huge() } }, { nickname: 'jd' });
    expect(preview.warnings.map((warning) => warning.code)).toEqual(['profile-too-large']);
  });
});

describe('profileSize', () => {
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

describe('formats', () => {
  it('refuses a multi-megabyte email quickly, without throwing', () => {
    expect(matchesFormat('email', `${'a'.repeat(5e6)}@x.com`)).toBe(false);
    expect(matchesFormat('email', `a@${'a'.repeat(62)}.${`${'a'.repeat(63)}.`.repeat(1e5)}-`)).toBe(false);
    expect(matchesFormat('email', `a@${'a.'.repeat(5e6)}com`)).toBe(false);
  });

  it("keeps Auth0's documented lengths: 64 characters before the @, 256 after", () => {
    const domain = `${'d'.repeat(63)}.${'d'.repeat(63)}.${'d'.repeat(63)}.${'d'.repeat(63)}.com`.slice(-256);
    expect(domain).toHaveLength(256);
    expect(matchesFormat('email', `${'l'.repeat(64)}@${domain.replace(/^\./, 'x')}`)).toBe(true);
    expect(matchesFormat('email', `${'l'.repeat(65)}@example.com`)).toBe(false);
    expect(matchesFormat('email', `a@x${domain}`)).toBe(false);
  });

  it('checks a huge uri without throwing', () => {
    expect(matchesFormat('uri', `https://example.com/${'a'.repeat(5e7)}`)).toBe(true);
    expect(matchesFormat('uri', `h${'a'.repeat(5e7)}`)).toBe(false);
    expect(matchesFormat('uri', `h:${'a'.repeat(5e7)} `)).toBe(false);
    expect(matchesFormat('uri', `${'a+'.repeat(5e6)}`)).toBe(false);
  });

  it('agrees with the former patterns on strings within the lengths, and never backtracks far on adversarial ones', () => {
    const EMAIL =
      /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/;
    const URI = /^[A-Za-z][A-Za-z0-9+.-]*:\S+$/;
    const piece = fc.constantFrom('a', 'Z', '0', '-', '.', '@', ':', ' ', '+', '!', '\n', 'é', '/');
    const text = fc.array(piece, { maxLength: 80 }).map((pieces) => pieces.join(''));
    fc.assert(
      fc.property(text, (value) => {
        expect(matchesFormat('email', value)).toBe(EMAIL.test(value));
        expect(matchesFormat('uri', value)).toBe(URI.test(value));
      }),
      { numRuns: 5000 },
    );
    const started = Date.now();
    for (const unit of ['a', 'a-', 'a.', '-a', 'a@', '@a', ':a', 'a:', 'a ']) {
      for (const value of [unit.repeat(100_000), `${unit.repeat(100_000)}!`, `a@${unit.repeat(100_000)}-`]) {
        matchesFormat('email', value);
        matchesFormat('uri', value);
      }
    }
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});

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

describe('the CLI', () => {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const bin = join(root, 'dist', 'cli.js');
  const scratch = mkdtempSync(join(tmpdir(), 'auth0-user-patch-crash-'));
  const file = (name: string, text: string) => {
    const path = join(scratch, name);
    writeFileSync(path, text);
    return path;
  };
  const run = (args: string[], input: string | Buffer = '') => {
    const result = spawnSync(process.execPath, [bin, ...args], {
      input,
      encoding: 'utf8',
      timeout: 60_000,
      maxBuffer: 256 * 1024 * 1024,
    });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
  };
  const hasRawControl = (text: string) =>
    /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/.test(text);

  it('previews a user 5,000 levels deep that the patch does not touch', () => {
    const user = file(
      'deep-user.json',
      JSON.stringify({ nickname: 'jd' }).replace('}', `,"user_metadata":${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}}`),
    );
    const { code, stdout, stderr } = run(['preview', user, file('nick.json', '{"nickname":"jane"}')]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('~ nickname: "jd" -> "jane"');
  }, 60_000);

  it('escapes control and bidirectional characters of keys and values in the preview', () => {
    const user = file(
      'controls.json',
      JSON.stringify({ user_metadata: { ['k\u001b[2J\u009b31m']: 'v\u202e\u0007', keep: { ['\u2066x']: 1 } } }),
    );
    const patch = file(
      'controls-patch.json',
      JSON.stringify({
        user_metadata: { ['k\u001b[2J\u009b31m']: 'w\u009b', keep: { y: '\u202a' }, ['\u2069gone']: null },
      }),
    );
    const { stdout } = run(['preview', user, patch]);
    expect(stdout).toContain('Changes');
    expect(stdout).toContain('\\u009b');
    expect(hasRawControl(stdout)).toBe(false);
  });

  it('escapes a file name with control characters in its error line', () => {
    const { code, stderr } = run(['validate', join(scratch, 'no\u001b]0;pwned\u0007such\u202e.json')]);
    expect(code).toBe(2);
    expect(stderr).toContain('\\u001b]0;pwned\\u0007such\\u202e.json');
    expect(hasRawControl(stderr)).toBe(false);
    const bad = run(['validate', file('bad\u009b.json', '{"a":\u001b}')]);
    expect(bad.code).toBe(2);
    expect(hasRawControl(bad.stderr)).toBe(false);
  });

  it('refuses /dev/zero past 64 MiB with exit 2 and one line', () => {
    const { code, stdout, stderr } = run(['validate', '/dev/zero']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.split('\n')[0]).toBe(
      'auth0-user-patch: cannot read /dev/zero: larger than 64 MiB, the most the CLI reads',
    );
  }, 60_000);

  it('refuses standard input past 64 MiB with exit 2, and reads one just under it', () => {
    const over = run(['validate', '-'], Buffer.alloc(64 * 1024 * 1024 + 1, 0x20));
    expect(over.code).toBe(2);
    expect(over.stderr.split('\n')[0]).toBe(
      'auth0-user-patch: cannot read standard input: larger than 64 MiB, the most the CLI reads',
    );
    const body = '{"nickname":"jd"}';
    const under = run(
      ['validate', '-'],
      Buffer.concat([Buffer.alloc(64 * 1024 * 1024 - body.length, 0x20), Buffer.from(body)]),
    );
    expect(under.stderr).toBe('');
    expect(under.stdout).toBe('valid\n');
  }, 60_000);
});
