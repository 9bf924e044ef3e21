/** The connection rules (rules 20 to 25) beyond the shared suites: how the connection is read, the create rules, previewPatch. */
import { describe, expect, it } from 'vitest';
import {
  applyPatch,
  applyPreparedPatch,
  PatchError,
  preparePatch,
  previewPatch,
  type ApplyOptions,
} from '../../../src/index.js';
import { thrownBy } from '../../support/errors.js';

const database = { user_id: 'auth0|1', identities: [{ provider: 'auth0', connection: 'db' }] };
const google = { user_id: 'google-oauth2|1', identities: [{ provider: 'google-oauth2', connection: 'google-oauth2' }] };
const passwordless = { user_id: 'email|1', identities: [{ provider: 'email', connection: 'email' }] };
const rule = (run: () => unknown) => thrownBy(run, PatchError).rule;

describe('the connection a user has', () => {
  it('is none for a first identity that is not an object, or whose provider is not a string', () => {
    for (const identities of [[null], ['auth0'], [['auth0']], [{ provider: 7 }]]) {
      expect(applyPatch({ identities } as never, { email: 'A@Example.com' }).email).toBe('A@Example.com');
    }
  });

  it('reads options.connection as an object only', () => {
    expect(
      thrownBy(() => applyPatch(database, { blocked: true }, { connection: [] } as never), TypeError).message,
    ).toBe('applyPatch: options.connection must be an object');
    expect(
      thrownBy(() => applyPatch(database, { blocked: true }, { connection: null } as never), TypeError).message,
    ).toBe('applyPatch: options.connection must be an object');
    const absent = { connection: undefined } as unknown as ApplyOptions;
    expect(applyPatch(database, { blocked: true }, absent).blocked).toBe(true);
  });

  it('holds usernames through attributes.username only, not other attributes', () => {
    const email = { connection: { options: { attributes: { email: { identifier: { active: true } } } } } };
    expect(rule(() => applyPatch(database, { username: 'neo' }, email))).toBe(24);
  });

  it('does not take a username that is not a string as proof that the connection holds them', () => {
    expect(rule(() => applyPatch({ ...database, username: 42 } as never, { username: 'neo' }))).toBe(24);
  });

  it('refuses the synced attributes with set_user_root_attributes on_each_login given explicitly', () => {
    const options: ApplyOptions = { connection: { options: { set_user_root_attributes: 'on_each_login' } } };
    expect(rule(() => applyPatch(google, { picture: 'https://example.com/p.png' }, options))).toBe(25);
  });

  it('keeps the case only for a custom database, whatever a passwordless connection says', () => {
    const custom = { connection: { options: { enabledDatabaseCustomization: true } } };
    const prepared = preparePatch({ email: 'OTP@Example.com' }, { rules: 'create' });
    expect(applyPreparedPatch(passwordless, prepared, custom).email).toBe('otp@example.com');
  });
});

describe('the create rules', () => {
  it('let a social user’s names and email through (no PATCH refusal applies on create)', () => {
    const prepared = preparePatch({ email: 'Jo@Example.com', name: 'Jo', email_verified: true }, { rules: 'create' });
    expect(applyPreparedPatch(google, prepared)).toMatchObject({ email: 'Jo@Example.com', name: 'Jo' });
  });

  it('refuse a username in a social connection, which holds none', () => {
    const prepared = preparePatch({ email: 'jo@example.com', username: 'jo' }, { rules: 'create' });
    const requires = { connection: { options: { requires_username: true } } };
    expect(thrownBy(() => applyPreparedPatch(google, prepared, requires), PatchError).rule).toBe(24);
  });

  it('refuse a username in a passwordless connection, which holds none', () => {
    const prepared = preparePatch({ email: 'otp@example.com', username: 'otp' }, { rules: 'create' });
    const error = thrownBy(() => applyPreparedPatch(passwordless, prepared), PatchError);
    expect([error.message, error.errorCode, error.rule, error.path]).toEqual([
      'Cannot set username for connection without requires_username.',
      'invalid_body',
      24,
      'username',
    ]);
    // Whatever the settings say: requires_username is a database connection's.
    const requires = { connection: { options: { requires_username: true } } };
    expect(thrownBy(() => applyPreparedPatch(passwordless, prepared, requires), PatchError).rule).toBe(24);
  });
});

describe('previewPatch and the connection rules', () => {
  it('warns about lower case before saying that nothing changes', () => {
    const user = { ...database, email: 'jane@example.com' };
    expect(previewPatch(user, { email: 'JANE@example.com' }).warnings.map((warning) => warning.code)).toEqual([
      'stored-in-lower-case',
      'no-change',
    ]);
  });

  it('warns about no lower case for a social user', () => {
    expect(previewPatch(google, { email_verified: false }).warnings).toEqual([]);
  });

  it('passes its options on, the connection included', () => {
    const options: ApplyOptions = { connection: { options: { set_user_root_attributes: 'never_on_login' } } };
    expect(previewPatch(google, { name: 'Jo' }, options).user?.name).toBe('Jo');
    expect(previewPatch(google, { name: 'Jo' }).error?.rule).toBe(25);
  });
});
