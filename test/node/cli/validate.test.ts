/** `auth0-user-patch validate`, spawned from the build: exit 0 for a valid patch, 1 and Auth0's body for a refused one. */
import { describe, expect, it } from 'vitest';
import { example, run } from '../../support/cli.js';

const workOnly = example('2-add-work-address-only.json');

describe('auth0-user-patch validate', () => {
  it('exits 0 for a valid patch and 1 for a refused one', () => {
    expect(run(['validate', workOnly])).toMatchObject({ code: 0, stdout: 'valid\n' });
    const refused = run(['validate', '-'], '{"user_id":"auth0|2"}');
    expect(refused.code).toBe(1);
    expect(JSON.parse(refused.stderr).errorCode).toBe('invalid_body');
  });
});
