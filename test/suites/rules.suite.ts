/** One example test for every merge rule of `auth0-semantics.md` (rules 1-9 and 18). */
import { describe, expect, it } from 'vitest';
import type { Library } from '../support/library.js';
import { thrownBy } from '../support/errors.js';
import { jane } from '../support/fixtures.js';

export function rulesSuite({ applyPatch, PatchError }: Library): void {
  describe('rule 1: root attributes are replaced', () => {
    it('replaces a root attribute and leaves the others', () => {
      const result = applyPatch(jane, { name: 'Jane Q. Doe', blocked: true });
      expect(result).toEqual({ ...jane, name: 'Jane Q. Doe', blocked: true });
      expect(Object.keys(result)).toEqual([...Object.keys(jane), 'blocked']);
    });
  });

  describe('rule 2: metadata is merged at the first level', () => {
    it('keeps absent keys, keeps the order of existing keys and appends new ones', () => {
      const result = applyPatch(jane, { user_metadata: { color: 'pink', hobby: 'diving' } });
      expect(result.user_metadata).toEqual({ hobby: 'diving', addresses: jane.user_metadata.addresses, color: 'pink' });
      expect(Object.keys(result.user_metadata ?? {})).toEqual(['hobby', 'addresses', 'color']);
      expect(result.app_metadata).toBe(jane.app_metadata);
    });

    it('creates metadata the user did not have', () => {
      expect(applyPatch({ email: 'a@example.com' }, { app_metadata: { plan: 'free' } })).toEqual({
        email: 'a@example.com',
        app_metadata: { plan: 'free' },
      });
    });
  });

  describe('rule 3: below the first level, values are replaced whole', () => {
    it('replaces a nested object, dropping the sibling keys it had', () => {
      const result = applyPatch(jane, { user_metadata: { addresses: { home: '3 New Street' } } });
      expect(result.user_metadata?.['addresses']).toEqual({ home: '3 New Street' });
    });

    it('replaces an array instead of concatenating or merging by index', () => {
      const result = applyPatch(jane, { app_metadata: { roles: ['admin'] } });
      expect(result.app_metadata).toEqual({ plan: 'full', roles: ['admin'] });
    });
  });

  describe('rule 4: a first-level null deletes the key', () => {
    it('deletes the key and keeps the others in order', () => {
      const result = applyPatch(jane, { user_metadata: { hobby: null, color: 'pink' } });
      expect(result.user_metadata).toEqual({ addresses: jane.user_metadata.addresses, color: 'pink' });
      expect(Object.keys(result.user_metadata ?? {})).toEqual(['addresses', 'color']);
    });

    it('changes nothing for a key that does not exist', () => {
      const result = applyPatch(jane, { user_metadata: { nothing: null, toString: null } });
      expect(result.user_metadata).toEqual(jane.user_metadata);
    });
  });

  describe('rule 5 (decision): null below the first level is stored as written', () => {
    it('keeps a nested null', () => {
      const result = applyPatch(jane, { user_metadata: { addresses: { home: null, work: '2 Work Way' } } });
      expect(result.user_metadata?.['addresses']).toEqual({ home: null, work: '2 Work Way' });
    });

    it('keeps null inside arrays', () => {
      expect(applyPatch(jane, { app_metadata: { roles: [null] } }).app_metadata?.['roles']).toEqual([null]);
    });
  });

  describe('rule 6: an empty object clears the metadata', () => {
    it('leaves user_metadata as {}', () => {
      expect(applyPatch(jane, { user_metadata: {} }).user_metadata).toEqual({});
    });

    it('removes app_metadata from the user', () => {
      const result = applyPatch(jane, { app_metadata: {} });
      expect(result).not.toHaveProperty('app_metadata');
      expect(Object.keys(result)).toEqual(Object.keys(jane).filter((key) => key !== 'app_metadata'));
    });

    it('treats metadata emptied by nulls the same way', () => {
      const result = applyPatch(jane, {
        user_metadata: { hobby: null, addresses: null },
        app_metadata: { plan: null, roles: null },
      });
      expect(result.user_metadata).toEqual({});
      expect(result).not.toHaveProperty('app_metadata');
    });

    it('gives a user without metadata an empty user_metadata and still no app_metadata', () => {
      expect(applyPatch({ email: 'a@example.com' }, { user_metadata: {}, app_metadata: {} })).toEqual({
        email: 'a@example.com',
        user_metadata: {},
      });
    });
  });

  describe('rule 7 (decision): metadata set to null is refused', () => {
    it.each([
      ['user_metadata', 'User metadata to which this user has read/write access.'],
      ['app_metadata', 'User metadata to which this user has read-only access.'],
    ])('refuses %s: null', (key, description) => {
      expect(() => applyPatch(jane, { [key]: null })).toThrow(
        new PatchError(
          `Payload validation error: 'Expected type object but found type null' on property ${key} (${description}).`,
          {
            path: [key],
          },
        ),
      );
    });
  });

  describe('rule 8: nullable root attributes are unset with null', () => {
    it.each(['email', 'phone_number', 'given_name', 'family_name', 'name', 'nickname', 'picture', 'username'])(
      'removes %s',
      (key) => {
        const user = { ...jane, [key]: 'x', logins_count: 3 };
        const result = applyPatch(user, { [key]: null });
        expect(result).not.toHaveProperty(key);
        expect(result.logins_count).toBe(3);
      },
    );

    it('accepts password: null and stores nothing', () => {
      expect(applyPatch(jane, { password: null }, { now: new Date(0) })).toEqual({
        ...jane,
        updated_at: '1970-01-01T00:00:00.000Z',
      });
    });

    it.each([
      ['blocked', 'boolean'],
      ['email_verified', 'boolean'],
      ['phone_verified', 'boolean'],
      ['verify_email', 'boolean'],
      ['verify_phone_number', 'boolean'],
      ['connection', 'string'],
      ['client_id', 'string'],
    ])('refuses %s: null', (key, type) => {
      const error = captureError(() => applyPatch(jane, { [key]: null }));
      expect(error.message).toMatch(
        new RegExp(`^Payload validation error: 'Expected type ${type} but found type null' on property ${key} \\(`),
      );
      expect(error.path).toBe(key);
    });
  });

  describe('rule 9: what a PATCH writes and what it only steers', () => {
    it('stores the profile attributes', () => {
      const patch = {
        blocked: true,
        email_verified: false,
        phone_number: '+14155550100',
        phone_verified: true,
        given_name: 'Jane',
        family_name: 'Doe',
        picture: 'https://example.com/jane.png',
      };
      expect(applyPatch({ user_id: 'auth0|1' }, patch)).toEqual({ user_id: 'auth0|1', ...patch });
    });

    it('never stores password, connection, client_id, verify_email or verify_phone_number', () => {
      const result = applyPatch(jane, {
        password: 'correct horse battery staple',
        connection: 'Username-Password-Authentication',
        verify_email: true,
        verify_phone_number: false,
      });
      expect(result).toEqual(jane);
      expect(applyPatch(jane, { client_id: 'abc', email: 'new@example.com' })).toEqual({
        ...jane,
        email: 'new@example.com',
      });
    });

    it('moves updated_at, and last_password_reset on a password change, only when given now', () => {
      const now = new Date('2026-11-26T12:00:00.000Z');
      expect(applyPatch(jane, { password: 'hunter2!' }, { now })).toEqual({
        ...jane,
        updated_at: '2026-11-26T12:00:00.000Z',
        last_password_reset: '2026-11-26T12:00:00.000Z',
      });
      expect(applyPatch(jane, { nickname: 'jane' }, { now })).toEqual({
        ...jane,
        nickname: 'jane',
        updated_at: '2026-11-26T12:00:00.000Z',
      });
      expect(applyPatch(jane, { password: 'hunter2!' })).toEqual(jane);
    });

    it('refuses a now that is not a valid date', () => {
      expect(() => applyPatch(jane, { blocked: true }, { now: new Date(Number.NaN) })).toThrow(TypeError);
    });
  });

  describe('rule 18: a user that does not exist', () => {
    it.each([undefined, null])('answers 404 for %s', (missing) => {
      const error = captureError(() => applyPatch(missing, { blocked: true }));
      expect(error.toJSON()).toEqual({
        statusCode: 404,
        error: 'Not Found',
        message: 'The user does not exist.',
        errorCode: 'inexistent_user',
      });
    });

    it('validates the body first, as Auth0 does', () => {
      expect(captureError(() => applyPatch(undefined, {} as never)).statusCode).toBe(400);
    });
  });

  const captureError = (run: () => unknown) => thrownBy(run, PatchError);
}
