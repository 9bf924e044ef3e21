/** `auth0-user-patch apply`, spawned from the build: the resulting user, Auth0's refusal, standard input, a deep user. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { deepUser, example, run, scratchFolder } from '../../support/cli.js';

const { file } = scratchFolder('cli');
const user = example('user-with-home-address.json');
const workOnly = example('2-add-work-address-only.json');

describe('auth0-user-patch apply', () => {
  it('prints the resulting user as JSON', () => {
    const { code, stdout, stderr } = run(['apply', example('user.json'), example('1-add-home-address.json')]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual(JSON.parse(readFileSync(user, 'utf8')));
  });

  it("exits 1 with Auth0's error body on standard error for a refused patch", () => {
    const { code, stdout, stderr } = run(['apply', user, file('bad.json', '{"user_metadata":null}')]);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(JSON.parse(stderr)).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message:
        "Payload validation error: 'Expected type object but found type null' on property user_metadata (User metadata to which this user has read/write access.).",
      errorCode: 'invalid_body',
    });
  });

  it('reads one argument from standard input with -', () => {
    const { code, stdout } = run(['apply', user, '-'], '{"app_metadata":{}}');
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).not.toHaveProperty('app_metadata');
    expect(JSON.parse(run(['apply', '-', workOnly], readFileSync(user, 'utf8')).stdout).user_metadata).toEqual({
      hobby: 'surfing',
      addresses: { work: '100 Industrial Way, Anytown, ST 12345' },
    });
  });

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
});
