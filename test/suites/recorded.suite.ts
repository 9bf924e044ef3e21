/** The recorded cases of `auth0-semantics.md` and the three steps of Auth0's "Update Metadata" page. */
import { describe, expect, it } from 'vitest';
import type { Library } from '../support/library.js';

export function recordedSuite({ applyPatch }: Library): void {
  describe('the Auth0 page "Update Metadata with the Management API"', () => {
    const created = {
      email: 'jane.doe@example.com',
      user_metadata: { hobby: 'surfing' },
      app_metadata: { plan: 'full' },
    };
    const home = '123 Main Street, Anytown, ST 12345';
    const work = '100 Industrial Way, Anytown, ST 12345';

    it('step 1: adds a second-level property under user_metadata', () => {
      const after = applyPatch(created, { user_metadata: { addresses: { home } } });
      expect(JSON.stringify(after)).toBe(
        JSON.stringify({
          email: 'jane.doe@example.com',
          user_metadata: { hobby: 'surfing', addresses: { home } },
          app_metadata: { plan: 'full' },
        }),
      );
    });

    it('step 2: adding the work address needs the whole addresses object', () => {
      const withHome = applyPatch(created, { user_metadata: { addresses: { home } } });
      const onlyWork = applyPatch(withHome, { user_metadata: { addresses: { work } } });
      expect(onlyWork.user_metadata).toEqual({ hobby: 'surfing', addresses: { work } });
      const both = applyPatch(withHome, { user_metadata: { addresses: { home, work } } });
      expect(both.user_metadata).toEqual({ hobby: 'surfing', addresses: { home, work } });
    });

    it('step 3: an empty object removes app_metadata and clears user_metadata', () => {
      const withHome = applyPatch(created, { user_metadata: { addresses: { home } } });
      expect(applyPatch(withHome, { app_metadata: {} })).toEqual({
        email: 'jane.doe@example.com',
        user_metadata: { hobby: 'surfing', addresses: { home } },
      });
      expect(applyPatch(withHome, { user_metadata: {} })).toEqual({
        email: 'jane.doe@example.com',
        user_metadata: {},
        app_metadata: { plan: 'full' },
      });
    });
  });

  describe('recorded traffic', () => {
    it('[MMA] adds addresses and leaves app_metadata alone', () => {
      const user = { user_metadata: { hobby: 'surfing' }, app_metadata: { plan: 'full' } };
      const after = applyPatch(user, { user_metadata: { addresses: { home: '123 Main Street' } } });
      expect(after).toEqual({
        user_metadata: { hobby: 'surfing', addresses: { home: '123 Main Street' } },
        app_metadata: { plan: 'full' },
      });
      expect(after.app_metadata).toBe(user.app_metadata);
    });

    it('[TF] deletes with null and changes with a value, in both metadata objects', () => {
      const user = { user_metadata: { baz: 'qux', foo: 'bar' }, app_metadata: { baz: 'qux', foo: 'bar' } };
      const after = applyPatch(user, {
        user_metadata: { baz: null, foo: 'bars' },
        app_metadata: { baz: null, foo: 'bars' },
      });
      expect(after).toEqual({ user_metadata: { foo: 'bars' }, app_metadata: { foo: 'bars' } });
    });

    it('[TF] {"user_metadata":{},"app_metadata":{}} leaves user_metadata {} and no app_metadata', () => {
      const user = { user_id: 'auth0|1', user_metadata: { foo: 'bars' }, app_metadata: { foo: 'bars' } };
      expect(applyPatch(user, { user_metadata: {}, app_metadata: {} })).toEqual({
        user_id: 'auth0|1',
        user_metadata: {},
      });
    });

    it('[GO] a password change merges app_metadata and stamps last_password_reset and updated_at', () => {
      const facts = ['Alice is a good person', 'Alice likes to eat cheese'];
      const user = {
        user_id: 'auth0|1',
        created_at: '2024-01-01T00:00:00.000Z',
        updated_at: '2024-01-01T00:00:00.000Z',
        app_metadata: { facts },
      };
      const now = new Date('2024-02-02T10:20:30.000Z');
      const after = applyPatch(
        user,
        {
          connection: 'Username-Password-Authentication',
          password: 'I have a password and its a secret',
          app_metadata: { foo: 'bar' },
        },
        { now },
      );
      expect(after).toEqual({
        user_id: 'auth0|1',
        created_at: '2024-01-01T00:00:00.000Z',
        updated_at: '2024-02-02T10:20:30.000Z',
        app_metadata: { facts, foo: 'bar' },
        last_password_reset: '2024-02-02T10:20:30.000Z',
      });
      expect(Object.keys(after.app_metadata ?? {})).toEqual(['facts', 'foo']);
    });

    it('node-auth0 #522: null deletes one key with a colon in its name, the other stays', () => {
      const user = { app_metadata: { 'my:key': ['viewer'], 'my:otherkey': ['manager'] } };
      const after = applyPatch(user, { app_metadata: { 'my:key': ['viewer'], 'my:otherkey': null } });
      expect(after).toEqual({ app_metadata: { 'my:key': ['viewer'] } });
    });
  });
}
