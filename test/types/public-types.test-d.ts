/** The merge rules in the types: what applyPatch returns, and which patches do not compile. */
import type { EmptyObject } from 'type-fest';
import { describe, expectTypeOf, it } from 'vitest';
import { applyPatch, type Auth0User, type PatchedUser, type UserPatch } from '../../src/index.js';

const user = {
  user_id: 'auth0|1',
  email: 'jane.doe@example.com',
  nickname: 'jd',
  logins_count: 3,
  user_metadata: { hobby: 'surfing', addresses: { home: '1 Home Road', work: '2 Work Way' } },
  app_metadata: { plan: 'full' as 'full' | 'free' },
};
type User = typeof user;
type HasKey<T, K extends string> = K extends keyof T ? true : false;
/** Type identity, without a deep walk of the recursive JSON types. */
type Equals<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

describe('result types', () => {
  it('merges metadata one level deep: first-level keys override, nested values take the patch type whole', () => {
    const after = applyPatch(user, { user_metadata: { addresses: { home: 'x' }, color: 'pink' } });
    expectTypeOf(after.user_metadata).toEqualTypeOf<{ hobby: string; addresses: { home: string }; color: string }>();
    expectTypeOf(after.app_metadata).toEqualTypeOf<{ plan: 'full' | 'free' }>();
    expectTypeOf(after.logins_count).toEqualTypeOf<number>();
  });

  it('drops metadata keys set to null', () => {
    const after = applyPatch(user, { user_metadata: { hobby: null } });
    expectTypeOf(after.user_metadata).toEqualTypeOf<{ addresses: { home: string; work: string } }>();
  });

  it('leaves an empty user_metadata and no app_metadata after {}', () => {
    const after = applyPatch(user, { user_metadata: {}, app_metadata: {} });
    expectTypeOf(after.user_metadata).toEqualTypeOf<EmptyObject>();
    expectTypeOf<HasKey<typeof after, 'app_metadata'>>().toEqualTypeOf<false>();
  });

  it('removes app_metadata emptied by nulls', () => {
    const emptied = applyPatch(user, { app_metadata: { plan: null } });
    expectTypeOf<HasKey<typeof emptied, 'app_metadata'>>().toEqualTypeOf<false>();
    expectTypeOf(applyPatch(user, { app_metadata: { plan: null, tier: 2 } }).app_metadata).toEqualTypeOf<{
      tier: number;
    }>();
  });

  it('creates metadata the user did not have', () => {
    expectTypeOf(applyPatch({ user_id: 'auth0|1' }, { app_metadata: { plan: 'free' } })).toEqualTypeOf<{
      user_id: string;
      app_metadata: { plan: string };
    }>();
  });

  it('replaces root attributes, removes those set to null, and stores no steering attribute', () => {
    const after = applyPatch(user, { nickname: null, blocked: true, password: 'secret', connection: 'db' });
    expectTypeOf(after).toEqualTypeOf<{
      user_id: string;
      email: string;
      logins_count: number;
      user_metadata: User['user_metadata'];
      app_metadata: User['app_metadata'];
      blocked: true;
    }>();
    const email: string | null = Math.random() > 0.5 ? 'a@example.com' : null;
    expectTypeOf(applyPatch(user, { email }).email).toEqualTypeOf<string | undefined>();
  });

  it('adds updated_at with options.now, and last_password_reset for a new password', () => {
    const now = new Date();
    expectTypeOf(applyPatch(user, { blocked: true }, { now }).updated_at).toEqualTypeOf<string>();
    const blocked = applyPatch(user, { blocked: true }, { now });
    expectTypeOf<HasKey<typeof blocked, 'last_password_reset'>>().toEqualTypeOf<false>();
    expectTypeOf(applyPatch(user, { password: 'secret' }, { now }).last_password_reset).toEqualTypeOf<string>();
    const unstamped = applyPatch(user, { blocked: true });
    expectTypeOf<HasKey<typeof unstamped, 'updated_at'>>().toEqualTypeOf<false>();
  });

  it('is Auth0User when either side is only known as Auth0User or UserPatch', () => {
    const known: Auth0User = user;
    const patch: UserPatch = { blocked: true };
    const fromKnownUser = applyPatch(known, { blocked: true });
    const fromKnownPatch = applyPatch(user, patch);
    const fromParsedPatch = applyPatch(user, JSON.parse('{}'));
    expectTypeOf<Equals<typeof fromKnownUser, Auth0User>>().toEqualTypeOf<true>();
    expectTypeOf<Equals<typeof fromKnownPatch, Auth0User>>().toEqualTypeOf<true>();
    expectTypeOf<Equals<typeof fromParsedPatch, Auth0User>>().toEqualTypeOf<true>();
    expectTypeOf<Equals<PatchedUser<Record<string, unknown>, { blocked: true }>, Auth0User>>().toEqualTypeOf<true>();
  });

  it('accepts frozen users and `as const` patches', () => {
    const frozen = Object.freeze({
      identities: Object.freeze([{ provider: 'auth0' }] as const),
      user_metadata: Object.freeze({ a: 1 }),
    });
    const after = applyPatch(frozen, { user_metadata: { tags: ['x', 'y'] } } as const);
    expectTypeOf(after.user_metadata).toEqualTypeOf<{ readonly a: 1; readonly tags: readonly ['x', 'y'] }>();
  });
});

describe('the other functions take readonly users too', () => {
  it('accepts a frozen user in previewPatch and diffUsers', async () => {
    const { previewPatch, diffUsers } = await import('../../src/index.js');
    const frozen = Object.freeze({ user_id: 'auth0|1', identities: Object.freeze([{ provider: 'auth0' }] as const) });
    expectTypeOf(previewPatch(frozen, { blocked: true }).user).toEqualTypeOf<Auth0User | undefined>();
    expectTypeOf(diffUsers(frozen, frozen)).toEqualTypeOf<UserPatch[]>();
  });
});

describe('a user that may be missing', () => {
  it('compiles, and types the result from the user that is there', () => {
    const store = new Map([['auth0|1', user]]);
    expectTypeOf(applyPatch(store.get('auth0|1'), { blocked: true }).logins_count).toEqualTypeOf<number>();
  });
});

describe('users typed by an interface', () => {
  it('are accepted, and the result is computed from them', () => {
    interface MyUser {
      user_id: string;
      user_metadata: { hobby: string };
    }
    const mine: MyUser = { user_id: 'auth0|1', user_metadata: { hobby: 'surfing' } };
    expectTypeOf(applyPatch(mine, { user_metadata: { color: 'pink' } }).user_metadata).toEqualTypeOf<{
      hobby: string;
      color: string;
    }>();
  });
});

describe('the README example', () => {
  it('has the type the README shows', () => {
    const jd = {
      user_id: 'auth0|1',
      nickname: 'jd',
      user_metadata: { hobby: 'surfing', addresses: { home: '1 Home Road' } },
    };
    const after = applyPatch(jd, { user_metadata: { addresses: { work: '2 Work Way' } }, nickname: null });
    expectTypeOf(after).toEqualTypeOf<{
      user_id: string;
      user_metadata: { hobby: string; addresses: { work: string } };
    }>();
  });
});

describe('patches that do not compile', () => {
  it('refuses read-only and unknown root attributes', () => {
    // @ts-expect-error user_id is read-only
    applyPatch(user, { user_id: 'auth0|2', blocked: true });
    // @ts-expect-error created_at is read-only
    applyPatch(user, { created_at: 'now', nickname: 'x' });
    // @ts-expect-error favourite is no attribute of a PATCH
    applyPatch(user, { favourite: 'tea', nickname: 'x' });
  });

  it('refuses wrong attribute types', () => {
    // @ts-expect-error blocked is a boolean
    applyPatch(user, { blocked: 'yes' });
    // @ts-expect-error connection is not nullable
    applyPatch(user, { connection: null });
  });

  it('refuses metadata that is not an object, and metadata set to null', () => {
    // @ts-expect-error metadata is an object
    applyPatch(user, { user_metadata: 'pink' });
    // @ts-expect-error metadata is an object, not an array
    applyPatch(user, { app_metadata: ['pink'] });
    // @ts-expect-error user_metadata: null is refused
    applyPatch(user, { user_metadata: null });
  });

  it('refuses values that are not JSON', () => {
    // @ts-expect-error a function is not JSON
    applyPatch(user, { user_metadata: { callback: () => 1 } });
    // @ts-expect-error a Date is not JSON
    applyPatch(user, { user_metadata: { when: new Date() } });
    // @ts-expect-error undefined is not JSON
    applyPatch(user, { user_metadata: { gone: undefined } });
    // @ts-expect-error a bigint is not JSON
    applyPatch(user, { app_metadata: { big: 1n } });
  });

  it('refuses literal key names with "." or "$", at any depth, and reserved app_metadata names', () => {
    // @ts-expect-error "." in a first-level key
    applyPatch(user, { user_metadata: { 'preference.color': 'pink' } });
    // @ts-expect-error "$" in a nested key
    applyPatch(user, { user_metadata: { preference: { $set: 'pink' } } });
    // @ts-expect-error "." in a key inside an array
    applyPatch(user, { app_metadata: { list: [{ 'a.b': 1 }] } });
    // @ts-expect-error email is a reserved app_metadata name
    applyPatch(user, { app_metadata: { email: 'x' } });
    applyPatch(user, { user_metadata: { email: 'fine in user_metadata' } });
  });

  it('refuses those keys set to null too, and leaves null elsewhere alone', () => {
    // @ts-expect-error email is a reserved app_metadata name, even to delete
    applyPatch(user, { app_metadata: { email: null, plan: 'free' } });
    // @ts-expect-error "$" in a nested key set to null
    applyPatch(user, { user_metadata: { preference: { $set: null } } });
    // @ts-expect-error user_id is read-only, even to delete
    applyPatch(user, { user_id: null, blocked: true });
    applyPatch(user, {
      user_metadata: { hobby: null, preference: { color: null } },
      app_metadata: { plan: null },
      nickname: null,
    });
  });
});

describe('the connection rules in the types', () => {
  it('types a written email or username as sent or in lower case (rule 21)', () => {
    const database = { user_id: 'auth0|1', identities: [{ provider: 'auth0' }] };
    expectTypeOf(applyPatch(database, { email: 'Jane@Example.com' }).email).toEqualTypeOf<
      'Jane@Example.com' | 'jane@example.com'
    >();
    expectTypeOf(applyPatch(database, { username: 'Neo' }).username).toEqualTypeOf<'Neo' | 'neo'>();
    const email: string = 'a@example.com';
    expectTypeOf(applyPatch(database, { email }).email).toEqualTypeOf<string>();
    expectTypeOf(applyPatch(database, { name: 'Jane' }).name).toEqualTypeOf<'Jane'>();
  });
});
