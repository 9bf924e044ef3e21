/** diffUsers: minimal PATCH bodies, the split for forbidden pairs, unreachable users, and the round-trip law. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { user, validPatch } from '../support/arbitraries.js';
import type { Auth0User } from '../../src/core/types.js';
import type { Library } from '../support/library.js';
import { thrownBy } from '../support/errors.js';
import { jane } from '../support/fixtures.js';

export function diffSuite({ diffUsers, applyPatch, validatePatch, PatchError, UnreachableUserError }: Library): void {
  const applyAll = (start: Auth0User, bodies: readonly object[]) =>
    bodies.reduce<Auth0User>((current, body) => applyPatch(current, body as never), start);

  function unreachable(before: Auth0User, after: Auth0User): readonly string[] {
    const error = thrownBy(() => diffUsers(before, after), UnreachableUserError);
    expect(error).toBeInstanceOf(Error);
    return error.attributes;
  }

  describe('diffUsers', () => {
    it('is [] for equal users, whatever their key order', () => {
      expect(diffUsers(jane, jane)).toEqual([]);
      expect(diffUsers(jane, structuredClone(jane))).toEqual([]);
      expect(diffUsers({ a: 1, b: 2 } as never, { b: 2, a: 1 } as never)).toEqual([]);
    });

    it('writes one minimal body: changed keys only, nulls for deletions', () => {
      const after = {
        ...jane,
        nickname: 'jane',
        user_metadata: { addresses: { home: '1 Home Road', work: '2 Work Way' }, color: 'pink' },
        app_metadata: { plan: 'full', roles: ['viewer', 'editor'] },
      };
      const bodies = diffUsers(jane, after);
      expect(bodies).toEqual([
        {
          nickname: 'jane',
          user_metadata: { hobby: null, addresses: { home: '1 Home Road', work: '2 Work Way' }, color: 'pink' },
          app_metadata: { roles: ['viewer', 'editor'] },
        },
      ]);
      expect(applyAll(jane, bodies)).toEqual(after);
    });

    it('unsets a removed nullable attribute with null', () => {
      const { nickname: _removed, ...after } = jane;
      expect(diffUsers(jane, after)).toEqual([{ nickname: null }]);
    });

    it('empties metadata with {}, and removes app_metadata with {}', () => {
      expect(diffUsers(jane, { ...jane, user_metadata: {} })).toEqual([{ user_metadata: {} }]);
      const { app_metadata: _gone, ...withoutApp } = jane;
      expect(diffUsers(jane, withoutApp)).toEqual([{ app_metadata: {} }]);
      expect(diffUsers({ email: 'a@example.com' }, { email: 'a@example.com', user_metadata: {} })).toEqual([
        { user_metadata: {} },
      ]);
    });

    it('splits username from email and email_verified into two bodies', () => {
      const after = { ...jane, username: 'jane_doe', email: 'jane@example.org', email_verified: true };
      const bodies = diffUsers(jane, after);
      expect(bodies).toEqual([{ email: 'jane@example.org', email_verified: true }, { username: 'jane_doe' }]);
      expect(bodies.every((body) => validatePatch(body) === undefined)).toBe(true);
      expect(applyAll(jane, bodies)).toEqual(after);
    });

    it('ignores updated_at and last_password_reset, which a PATCH moves by itself', () => {
      expect(diffUsers(jane, { ...jane, updated_at: '2026-01-01T00:00:00.000Z', last_password_reset: 'x' })).toEqual(
        [],
      );
    });

    it('returns copies that share nothing with after', () => {
      const after = { ...jane, user_metadata: { ...jane.user_metadata, extra: { deep: [1] } } };
      const [body] = diffUsers(jane, after);
      expect(body?.user_metadata?.['extra']).toEqual({ deep: [1] });
      expect(body?.user_metadata?.['extra']).not.toBe(after.user_metadata.extra);
    });

    it.each([
      ['user_id', { ...jane, user_id: 'auth0|2' }, ['user_id']],
      ['created_at and identities', { ...jane, created_at: 'x', identities: [] }, ['created_at', 'identities']],
      ['an unknown attribute', { ...jane, favourite: 'tea' }, ['favourite']],
      ['a removed flag', { ...jane, blocked: true }, ['blocked'], true],
      ['a first-level null in metadata', { ...jane, user_metadata: { hobby: null } }, ['user_metadata.hobby']],
      ['an empty app_metadata', { ...jane, app_metadata: {} }, ['app_metadata']],
      ['a removed user_metadata', { ...jane, user_metadata: undefined }, ['user_metadata']],
      ['a value Auth0 refuses', { ...jane, nickname: '' }, ['nickname']],
      [
        'a reserved app_metadata name',
        { ...jane, app_metadata: { plan: 'full', roles: ['viewer'], email: 'x' } },
        ['app_metadata'],
      ],
    ])('throws for %s, naming it', (_case, after, attributes, reversed = false) => {
      const clean = JSON.parse(JSON.stringify(after)) as Auth0User;
      expect(reversed ? unreachable(clean, jane) : unreachable(jane, clean)).toEqual(attributes);
    });

    it('turns any user into any user a PATCH reaches (the law)', () => {
      // The patches the user's connection refuses reach nothing, and are skipped.
      const reach = (start: Auth0User, patches: readonly object[]) =>
        patches.reduce<Auth0User>((current, body) => {
          try {
            return applyPatch(current, body as never);
          } catch (error) {
            if (error instanceof PatchError) return current;
            throw error;
          }
        }, start);
      fc.assert(
        fc.property(user, fc.array(validPatch, { minLength: 1, maxLength: 3 }), (before, patches) => {
          const after = reach(before, patches);
          const bodies = diffUsers(before, after);
          expect(bodies.length).toBeLessThanOrEqual(2);
          for (const body of bodies) {
            expect(validatePatch(body)).toBeUndefined();
            expect(Object.keys(body).length).toBeGreaterThan(0);
          }
          expect(applyAll(before, bodies)).toEqual(after);
          expect(diffUsers(after, applyAll(before, bodies))).toEqual([]);
        }),
        { numRuns: 300 },
      );
    });
  });
}
