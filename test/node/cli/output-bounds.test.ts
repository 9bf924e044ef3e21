/** The CLI's bounds, spawned from the build: at most 64 MiB printed, and the HTML report's 1,000 levels, each one line and exit 2. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run, scratchFolder } from '../../support/cli.js';

const { dir, file } = scratchFolder('bounds');
const nested = (levels: number) => `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`;

describe('what the CLI prints is bounded', () => {
  const tooLarge =
    'auth0-user-patch: the output would be longer than 64 MiB (67,108,864 characters), the most the CLI prints\n';
  it('refuses, in one line and exit 2, to print more than 64 MiB: a 90 KB user 15,000 levels deep would print 450 MB', () => {
    const input = file('deeper.json', `{"nickname":"jd","user_metadata":${nested(15_000)}}`);
    const nick = file('nick.json', '{"nickname":"jane"}');
    for (const args of [
      ['apply', input, nick],
      ['preview', input, nick],
      ['preview', '--json', input, nick],
    ]) {
      expect(run(args)).toEqual({ code: 2, stdout: '', stderr: tooLarge });
    }
    // 20,000 levels: the text would pass the longest string V8 can hold.
    const deepest = file('deepest.json', `{"user_metadata":${nested(20_000)}}`);
    expect(run(['apply', deepest, nick])).toEqual({ code: 2, stdout: '', stderr: tooLarge });
  }, 60_000);
});

describe('the HTML report is bounded in depth', () => {
  it('refuses, in one line and exit 2, a user or patch deeper than 1,000 levels, and shows 1,000', () => {
    const report = join(dir, 'report.html');
    const nick = file('nick.json', '{"nickname":"jane"}');
    const user = file('user-6000.json', `{"nickname":"jd","user_metadata":${nested(6000)}}`);
    expect(run(['preview', '--html', report, user, nick])).toEqual({
      code: 2,
      stdout: '',
      stderr: `auth0-user-patch: ${user} nests deeper than 1,000 levels, too deep for the HTML report\n`,
    });
    const patch = file('patch-6000.json', `{"user_metadata":${nested(6000)}}`);
    const shallow = file('user.json', '{"nickname":"jd"}');
    expect(run(['preview', '--html', '-', shallow, patch]).stderr).toBe(
      `auth0-user-patch: ${patch} nests deeper than 1,000 levels, too deep for the HTML report\n`,
    );
    // 1,000 levels are shown, and Auth0's refusal of so deep a patch is in the report.
    const deepPatch = file('patch-1000.json', `{"user_metadata":${nested(999)}}`);
    const page = run(['preview', '--html', '-', shallow, deepPatch]);
    expect(page.code).toBe(1);
    expect(page.stdout).toContain('Nesting deeper than 100 levels');
  }, 60_000);
});
