/** Deep users and null attributes through the lead's functions (issue 11, part 6): diffUsers, previewPatch, the CLI's apply and preview --json. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { applyPatch, diffUsers, previewPatch, UnreachableUserError } from '../src/index.js';
import { thrownBy } from './support/errors.js';

const deep = (levels: number, leaf: unknown = 1): unknown => {
  let value = leaf;
  for (let level = 0; level < levels; level++) value = { a: value };
  return value;
};

describe('deep users through the library', () => {
  it('diffUsers finds the one change beside an unchanged 10,000-level value', () => {
    expect(
      diffUsers(
        { nickname: 'jd', user_metadata: { d: deep(10_000) } },
        { nickname: 'jane', user_metadata: { d: deep(10_000) } },
      ),
    ).toEqual([{ nickname: 'jane' }]);
  });

  it('diffUsers calls a 10,000-level change unreachable instead of throwing RangeError', () => {
    expect(() =>
      diffUsers({ user_metadata: { d: deep(10_000, 1) } }, { user_metadata: { d: deep(10_000, 2) } }),
    ).toThrow(UnreachableUserError);
    expect(() => diffUsers({}, { app_metadata: { d: deep(10_000) } })).toThrow(UnreachableUserError);
  });

  it('previewPatch replaces a 10,000-level value with a patch as deep as Auth0 allows', () => {
    const patch = { user_metadata: { d: deep(90, 2) } };
    const preview = previewPatch({ user_metadata: { d: deep(10_000) } }, patch);
    expect(preview.error).toBeUndefined();
    expect(preview.changes.map(({ path, kind }) => `${kind} ${path}`)).toEqual([
      `changed user_metadata.d${'.a'.repeat(90)}`,
    ]);
  });

  it('applyPatch keeps a 10,000-level value it does not touch', () => {
    const kept = deep(10_000);
    expect(applyPatch({ user_metadata: { d: kept } }, { nickname: 'jd' }).user_metadata?.['d']).toBe(kept);
  });
});

describe('null attributes in diffUsers', () => {
  it('calls an after whose email is null unreachable, not [{ email: null }] (null removes the email)', () => {
    expect(() => diffUsers({ email: 'jane@example.com' }, { email: null } as never)).toThrow(UnreachableUserError);
    expect(
      thrownBy(() => diffUsers({ email: 'jane@example.com' }, { email: null } as never), UnreachableUserError)
        .attributes,
    ).toEqual(['email']);
  });

  it('reaches a user whose stored metadata keeps a first-level null that one body leaves alone', () => {
    const before = { user_metadata: { legacy: null, color: 'pink' } };
    const after = { user_metadata: { legacy: null, color: 'blue' } };
    const bodies = diffUsers(before, after);
    expect(bodies).toEqual([{ user_metadata: { color: 'blue' } }]);
    expect(applyPatch(before, bodies[0] as never)).toEqual(after);
  });
});

describe('deep users through the CLI', () => {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const scratch = mkdtempSync(join(tmpdir(), 'auth0-user-patch-deep-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));
  const file = (name: string, text: string) => {
    const path = join(scratch, name);
    writeFileSync(path, text);
    return path;
  };
  const run = (args: string[]) => {
    const result = spawnSync(process.execPath, [join(root, 'dist', 'cli.js'), ...args], {
      encoding: 'utf8',
      timeout: 60_000,
      maxBuffer: 256 * 1024 * 1024,
    });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
  };
  const deepUser = (nickname: string) =>
    `{"nickname":"${nickname}","user_metadata":${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}}`;

  it('apply prints a user 5,000 levels deep', () => {
    const { code, stdout, stderr } = run([
      'apply',
      file('deep.json', deepUser('jd')),
      file('nick.json', '{"nickname":"jane"}'),
    ]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    // Compared as text without white space: a deep equality check, or JSON.stringify, would itself overflow here.
    expect(stdout.replace(/\s+/g, '')).toBe(deepUser('jane').replace(/\s+/g, ''));
  }, 60_000);

  it('preview --json prints a user 5,000 levels deep', () => {
    const { code, stdout, stderr } = run([
      'preview',
      '--json',
      file('deep.json', deepUser('jd')),
      file('nick.json', '{"nickname":"jane"}'),
    ]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(JSON.parse(stdout).changes).toEqual([
      { path: 'nickname', pathSegments: ['nickname'], kind: 'changed', before: 'jd', after: 'jane' },
    ]);
  }, 60_000);

  it('diff compares users 5,000 levels deep', () => {
    const { code, stdout, stderr } = run([
      'diff',
      file('deep-before.json', deepUser('jd')),
      file('deep-after.json', deepUser('jane')),
    ]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual([{ nickname: 'jane' }]);
  }, 60_000);

  const tooLarge =
    'auth0-user-patch: the output would be longer than 64 MiB (67,108,864 characters), the most the CLI prints\n';
  it('refuses, in one line and exit 2, to print more than 64 MiB: a 90 KB user 15,000 levels deep would print 450 MB', () => {
    const deep = `{"nickname":"jd","user_metadata":${'{"a":'.repeat(15_000)}1${'}'.repeat(15_000)}}`;
    const input = file('deeper.json', deep);
    const nick = file('nick.json', '{"nickname":"jane"}');
    for (const args of [
      ['apply', input, nick],
      ['preview', input, nick],
      ['preview', '--json', input, nick],
    ]) {
      expect(run(args)).toEqual({ code: 2, stdout: '', stderr: tooLarge });
    }
    // 20,000 levels: the text would pass the longest string V8 can hold.
    const deepest = file('deepest.json', `{"user_metadata":${'{"a":'.repeat(20_000)}1${'}'.repeat(20_000)}}`);
    expect(run(['apply', deepest, nick])).toEqual({ code: 2, stdout: '', stderr: tooLarge });
  }, 60_000);

  it('refuses, in one line and exit 2, a user or patch too deep for the HTML report (more than 1,000 levels)', () => {
    const nested = (levels: number) => `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`;
    const report = join(scratch, 'report.html');
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
