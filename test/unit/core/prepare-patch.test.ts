/** preparePatch: the body rules of user creation, and steering attributes set to null. */
import { describe, expect, it } from 'vitest';
import { preparePatch } from '../../../src/core/prepare-patch.js';
import { applyPatch, PatchError } from '../../../src/index.js';
import { thrownBy } from '../../support/errors.js';

describe('preparePatch', () => {
  it('skips the pair rules when the body rules say so (creating a user)', () => {
    const body = { username: 'jane', email: 'jane@example.com', password: 'secret' };
    expect(preparePatch(body, { rules: 'create' }).changes).toEqual([
      { key: 'username', kind: 'set', value: 'jane' },
      { key: 'email', kind: 'set', value: 'jane@example.com' },
    ]);
    expect(thrownBy(() => preparePatch(body), PatchError).message).toBe(
      'Cannot update password and email simultaneously.',
    );
  });

  it('changes nothing stored for a steering attribute set to null', () => {
    expect(preparePatch({ password: null })).toEqual({
      changes: [],
      setsPassword: false,
      steering: { password: null },
      rules: 'update',
    });
    expect(preparePatch({ password: null }, { rules: 'create' }).rules).toBe('create');
    expect(applyPatch({ password: 'kept' } as never, { password: null } as never)).toEqual({ password: 'kept' });
  });
});
