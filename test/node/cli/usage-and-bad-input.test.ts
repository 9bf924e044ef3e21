/** The CLI's usage, --help, --version, serve, and bad input: one clear line and exit 2 (missing, malformed, huge or oddly named files). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { example, hasRawControl, root, run, scratchFolder } from '../../support/cli.js';

const { dir: scratch, file } = scratchFolder('cli-usage');
const workOnly = example('2-add-work-address-only.json');

describe('usage and bad input (exit code 2)', () => {
  it.each([
    [[], 'a command is missing'],
    [['frobnicate'], 'unknown command: frobnicate'],
    [['apply', 'one.json'], 'apply takes two files: <user.json> <patch.json>'],
    [['validate'], 'validate takes one file: <patch.json>'],
    [['apply', '-', '-'], 'only one argument can read standard input (-)'],
    [['validate', '--json', 'x.json'], '--json goes with preview only'],
    [['validate', '--nope', 'x.json'], "Unknown option '--nope'"],
  ])('%j says: %s', (args, message) => {
    const { code, stderr } = run(args);
    expect(code).toBe(2);
    expect(stderr).toContain(message);
    expect(stderr).toContain('Run auth0-user-patch --help for usage.');
  });

  it('names a file it cannot read', () => {
    const { code, stderr } = run(['validate', join(scratch, 'missing.json')]);
    expect(code).toBe(2);
    expect(stderr).toContain(`cannot read ${join(scratch, 'missing.json')}: ENOENT`);
  });

  it.each([
    ['{\n  "user_metadata": {\n    "a": 1,\n  }\n}', 'line 4, column 3 (position 37)'],
    ['{"a":}', 'line 1, column 6 (position 5)'],
    ['', 'line 1, column 1 (position 0)'],
  ])('names the file and the place of malformed JSON %j', (text, place) => {
    const path = file('malformed.json', text);
    const { code, stderr } = run(['validate', path]);
    expect(code).toBe(2);
    expect(stderr).toContain(`${path} is not valid JSON at ${place}`);
    expect(run(['validate', '-'], text).stderr).toContain(`standard input is not valid JSON at ${place}`);
  });

  it('requires the user to be a JSON object', () => {
    const { code, stderr } = run(['apply', file('array.json', '[]'), workOnly]);
    expect(code).toBe(2);
    expect(stderr).toContain('array.json must hold a user (a JSON object)');
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

describe('--help and --version', () => {
  it('prints the usage', () => {
    const { code, stdout } = run(['--help']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Usage: auth0-user-patch <command> \[options\]/);
    for (const command of ['apply', 'preview', 'diff', 'validate']) expect(stdout).toContain(`  ${command} <`);
  });

  it('prints the version of package.json', () => {
    const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
    expect(run(['--version'])).toMatchObject({ code: 0, stdout: `${version}\n` });
  });
});

describe('auth0-user-patch serve', () => {
  it("points to the emulator's package, which has the command, with exit 2", () => {
    expect(run(['serve'])).toMatchObject({
      code: 2,
      stderr:
        "auth0-user-patch: serve is the emulator's command: npx auth0-user-patch-emulator serve (package auth0-user-patch-emulator)\n",
    });
  });

  it('knows no option of serve', () => {
    const { code, stderr } = run(['validate', '--port', '1', 'x.json']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^auth0-user-patch: Unknown option '--port'/);
  });
});
