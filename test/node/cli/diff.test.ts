/** `auth0-user-patch diff`, spawned from the build: the PATCH bodies, equal users, an unreachable user, deep users. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { deepUser, example, run, scratchFolder } from '../../support/cli.js';

const { file } = scratchFolder('cli');
const user = example('user-with-home-address.json');

describe('auth0-user-patch diff', () => {
  it('prints the PATCH bodies as JSON', () => {
    const after = file(
      'after.json',
      JSON.stringify({ ...JSON.parse(readFileSync(user, 'utf8')), username: 'jane', email: 'jane@example.org' }),
    );
    const { code, stdout } = run(['diff', user, after]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual([{ email: 'jane@example.org' }, { username: 'jane' }]);
  });

  it('prints [] for equal users', () => {
    expect(JSON.parse(run(['diff', user, user]).stdout)).toEqual([]);
  });

  it('exits 1 naming what no PATCH can change', () => {
    const after = file('moved.json', JSON.stringify({ ...JSON.parse(readFileSync(user, 'utf8')), user_id: 'auth0|2' }));
    const { code, stdout, stderr } = run(['diff', user, after]);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      'No PATCH turns this user into the other: a PATCH cannot give user_id the values of the second user.\n',
    );
  });

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
