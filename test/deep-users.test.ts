/** Deep users and null attributes through the lead's functions (issue 11, part 6): diffUsers, previewPatch, the CLI's apply and preview --json. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
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
});
