/** Immutability and structural sharing: what the result shares with the user, and what it never shares with the patch. */
import { describe, expect, it } from 'vitest';
import type { Library } from '../support/library.js';

export function sharingSuite({ applyPatch }: Library): void {
  const user = Object.freeze({
    user_id: 'auth0|1',
    identities: Object.freeze([Object.freeze({ provider: 'auth0', user_id: '1', connection: 'db', isSocial: false })]),
    user_metadata: Object.freeze({ big: Object.freeze({ list: Object.freeze([1, 2, 3]) }), other: 'x' }),
    app_metadata: Object.freeze({ plan: 'full' }),
  });

  describe('sharing', () => {
    it('returns a new user and shares every part the patch does not touch', () => {
      const result = applyPatch(user, { user_metadata: { other: 'y' } });
      expect(result).not.toBe(user);
      expect(result.user_metadata).not.toBe(user.user_metadata);
      expect(result.user_metadata?.['big']).toBe(user.user_metadata.big);
      expect(result.app_metadata).toBe(user.app_metadata);
      expect(result.identities).toBe(user.identities);
    });

    it('copies the values it takes from the patch, so later changes to the patch never reach the result', () => {
      const patch = {
        user_metadata: { addresses: { home: '1 Home Road', tags: ['a'] } },
        app_metadata: { roles: ['viewer'] },
      };
      const result = applyPatch(user, patch);
      patch.user_metadata.addresses.home = 'changed';
      patch.user_metadata.addresses.tags.push('b');
      patch.app_metadata.roles[0] = 'admin';
      expect(result.user_metadata?.['addresses']).toEqual({ home: '1 Home Road', tags: ['a'] });
      expect(result.app_metadata).toEqual({ plan: 'full', roles: ['viewer'] });
    });

    it('works on deep-frozen inputs and returns a result the caller may change', () => {
      const patch = Object.freeze({
        user_metadata: Object.freeze({ other: null, extra: Object.freeze({ a: 1 }) }),
        nickname: null,
      });
      const result = applyPatch(user, patch);
      expect(Object.isFrozen(result)).toBe(false);
      expect(Object.isFrozen(result.user_metadata)).toBe(false);
      expect(result.user_metadata).toEqual({ big: { list: [1, 2, 3] }, extra: { a: 1 } });
    });
  });
}
