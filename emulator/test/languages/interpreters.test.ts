/** Finding the programs the language tests need, and the one line that says what to install when one is missing. */
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findInterpreter, inCi } from './interpreters.js';

const scratch = mkdtempSync(join(tmpdir(), 'auth0-user-patch-emulator-interpreters-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('findInterpreter', () => {
  it('finds a program on PATH', () => {
    writeFileSync(join(scratch, 'ruby'), '#!/bin/sh\n');
    chmodSync(join(scratch, 'ruby'), 0o755);
    expect(findInterpreter('ruby', { PATH: `/nonexistent:${scratch}` })).toEqual({
      found: true,
      path: join(scratch, 'ruby'),
    });
  });

  it.each([
    ['go', "the Go snippets need go: none on PATH; install Debian's golang-go (apt-get install golang-go)"],
    ['python', "the Python snippets need python3: none on PATH; install Debian's python3 (apt-get install python3)"],
  ] as const)('says what to install when %s is missing', (language, why) => {
    expect(findInterpreter(language, { PATH: '/nonexistent' })).toEqual({ found: false, why });
  });

  it('says so when php has no curl extension', () => {
    writeFileSync(join(scratch, 'php'), '#!/bin/sh\nexit 1\n');
    chmodSync(join(scratch, 'php'), 0o755);
    expect(findInterpreter('php', { PATH: scratch })).toEqual({
      found: false,
      why: "the PHP snippets need php with its curl extension; install Debian's php-cli php-curl (apt-get install php-cli php-curl)",
    });
  });
});

describe('inCi', () => {
  it.each([
    [{ CI: 'true' }, true],
    [{ CI: '1' }, true],
    [{ CI: 'false' }, false],
    [{ CI: '' }, false],
    [{}, false],
  ])('%j: %s', (env, expected) => {
    expect(inCi(env)).toBe(expected);
  });
});
