/**
 * The rules that depend on the user's connection (rules 20 to 25 of docs/rules.md): one example test for each, with
 * the source it comes from, and the laws among them. Expected bodies are written from the sources, not read from src.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { user as anyUser, email, validPatch } from '../support/arbitraries.js';
import type { Library } from '../support/library.js';
import { kindOf } from '../support/reference-model.js';
import { thrownBy } from '../support/errors.js';
import { deepFreeze, ENTERPRISE_STRATEGIES } from '../support/fixtures.js';

const identity = (provider: string, connection: string, isSocial = false) => ({
  connection,
  provider,
  user_id: '1',
  isSocial,
});

/** A user of each kind of connection, as Auth0 returns them (rule 20). */
const database = deepFreeze({
  user_id: 'auth0|1',
  email: 'jane.doe@example.com',
  username: 'jane',
  name: 'Jane Doe',
  identities: [identity('auth0', 'Username-Password-Authentication')],
  user_metadata: { hobby: 'surfing' },
});
const google = deepFreeze({
  user_id: 'google-oauth2|1',
  email: 'Jo.Google@Gmail.example',
  email_verified: true,
  name: 'Jo Google',
  given_name: 'Jo',
  family_name: 'Google',
  picture: 'https://lh3.example/jo.png',
  identities: [identity('google-oauth2', 'google-oauth2', true)],
});
const saml = deepFreeze({
  user_id: 'samlp|acme|jo',
  email: 'jo@acme.example',
  name: 'Jo Acme',
  identities: [identity('samlp', 'acme')],
});
const sms = deepFreeze({ user_id: 'sms|1', phone_number: '+14155550100', identities: [identity('sms', 'sms')] });
const passwordlessEmail = deepFreeze({
  user_id: 'email|1',
  email: 'otp@example.com',
  identities: [identity('email', 'email')],
});

const NOT_SUPPORTED = 'Connection is not supported for this operation.';
const syncMessage = (attributes: string, connection: string) =>
  `The following user attributes cannot be updated: ${attributes}. The connection (${connection}) must either be a database connection (using the Auth0 store), a passwordless connection (email or sms) or has disabled 'Sync user profile attributes at each login'. For more information, see https://auth0.com/docs/dashboard/guides/connections/configure-connection-sync`;

export function connectionSuite(library: Library): void {
  const { applyPatch, applyPatchJson, applyPreparedPatch, preparePatch, previewPatch, diffUsers, validatePatch } =
    library;
  const { PatchError, UnreachableUserError, isPatchError } = library;
  const refusal = (run: () => unknown) => {
    const error = thrownBy(run, PatchError);
    return { body: error.toJSON(), rule: error.rule, path: error.path };
  };
  const unsupported = (message: string) => ({
    statusCode: 400,
    error: 'Bad Request',
    message,
    errorCode: 'operation_not_supported',
  });

  describe('rule 20: the rules read the primary identity', () => {
    it('leaves a user without identities, or whose first identity names no provider, to rules 1 to 19 (decision)', () => {
      for (const stored of [
        { email: 'a@example.com' },
        { identities: [] },
        { identities: [{ connection: 'x' }] },
        { identities: 'not a list' },
      ]) {
        expect(applyPatch(stored, { email: 'Jane.Doe@Example.com', email_verified: true }).email).toBe(
          'Jane.Doe@Example.com',
        );
        expect(applyPatch(stored, { name: 'N', username: 'Neo' }, { connection: {} })).toMatchObject({
          username: 'Neo',
        });
      }
    });

    it.each(ENTERPRISE_STRATEGIES)('counts %s as an enterprise strategy', (provider) => {
      const user = { identities: [identity(provider, `${provider}-connection`)] };
      expect(refusal(() => applyPatch(user, { email_verified: true })).rule).toBe(22);
    });

    it.each(['google-oauth2', 'facebook', 'github', 'oauth2', 'apple'])('counts %s as social', (provider) => {
      const user = { identities: [identity(provider, provider, true)] };
      expect(applyPatch(user, { email_verified: true }).email_verified).toBe(true);
      expect(refusal(() => applyPatch(user, { email: 'a@example.com' })).rule).toBe(23);
    });

    it('reads the first identity only: a linked social identity changes nothing for a database user', () => {
      const linked = { ...database, identities: [...database.identities, identity('google-oauth2', 'google', true)] };
      expect(applyPatch(linked, { name: 'Jane D.', email: 'JANE@example.com' })).toMatchObject({
        name: 'Jane D.',
        email: 'jane@example.com',
      });
    });

    it('refuses options.connection settings of the wrong type, naming them', () => {
      const cases: [unknown, string][] = [
        ['db', 'applyPatch: options.connection must be an object'],
        [{ options: [] }, 'applyPatch: options.connection.options must be an object'],
        [
          { options: { requires_username: 'yes' } },
          'applyPatch: options.connection.options.requires_username must be a boolean',
        ],
        [{ options: { import_mode: 1 } }, 'applyPatch: options.connection.options.import_mode must be a boolean'],
        [
          { options: { enabledDatabaseCustomization: null } },
          'applyPatch: options.connection.options.enabledDatabaseCustomization must be a boolean',
        ],
        [
          { options: { set_user_root_attributes: 'sometimes' } },
          'applyPatch: options.connection.options.set_user_root_attributes must be one of on_each_login, on_first_login, never_on_login',
        ],
        [
          { options: { attributes: 'username' } },
          'applyPatch: options.connection.options.attributes must be an object',
        ],
      ];
      for (const [connection, message] of cases) {
        expect(
          thrownBy(() => applyPatch(database, { blocked: true }, { connection } as never), TypeError).message,
        ).toBe(message);
      }
    });
  });

  describe('rule 21: the Auth0 store keeps emails, and database usernames, in lower case [OAS users-by-email, UPS]', () => {
    it('stores a database user’s email in lower case, so a lower-case lookup finds it', () => {
      const after = applyPatch(database, { email: 'Jane.Doe@Example.com' });
      expect(after.email).toBe('jane.doe@example.com');
      expect([after].filter((user) => user.email === 'jane.doe@example.com')).toHaveLength(1);
    });

    it('stores a database username in lower case', () => {
      expect(applyPatch(database, { username: 'Jane_Doe' }).username).toBe('jane_doe');
    });

    it('lower-cases on create, as the reported POST /api/v2/users with fooBAR@example.com answered', () => {
      const prepared = preparePatch({ email: 'fooBAR@example.com', password: 'x' }, { rules: 'create' });
      const base = { identities: [identity('auth0', 'EmailPassword')] };
      expect(applyPreparedPatch(base, prepared).email).toBe('foobar@example.com');
      const passwordless = { identities: [identity('email', 'email')] };
      expect(
        applyPreparedPatch(passwordless, preparePatch({ email: 'OTP@Example.com' }, { rules: 'create' })).email,
      ).toBe('otp@example.com');
    });

    it('keeps the case in a custom database without import mode, and lower-cases it with import mode [UPS]', () => {
      const custom = { options: { enabledDatabaseCustomization: true } };
      expect(applyPatch(database, { email: 'Jane@Example.com' }, { connection: custom }).email).toBe(
        'Jane@Example.com',
      );
      const imported = { options: { enabledDatabaseCustomization: true, import_mode: true } };
      expect(applyPatch(database, { email: 'Jane@Example.com' }, { connection: imported }).email).toBe(
        'jane@example.com',
      );
    });

    it('keeps the case of what a social or enterprise user brings (created through the create rules)', () => {
      const prepared = preparePatch({ email: 'Jo@Acme.example' }, { rules: 'create' });
      expect(applyPreparedPatch({ identities: [identity('samlp', 'acme')] }, prepared).email).toBe('Jo@Acme.example');
    });

    it('leaves the prepared patch, the user and the untouched parts alone (purity and sharing)', () => {
      const prepared = preparePatch({ email: 'Jane@Example.com', user_metadata: { color: 'pink' } });
      const before = JSON.stringify(prepared);
      const after = applyPreparedPatch(database, prepared);
      expect(after.email).toBe('jane@example.com');
      expect(JSON.stringify(prepared)).toBe(before);
      expect(applyPreparedPatch({ user_id: 'x' }, prepared).email).toBe('Jane@Example.com');
      expect(after.identities).toBe(database.identities);
      expect(database.email).toBe('jane.doe@example.com');
    });

    it('applies to applyPatchJson too', () => {
      expect(applyPatchJson(database, '{"email":"JANE@EXAMPLE.COM"}').email).toBe('jane@example.com');
    });

    it('is said by previewPatch, with the rule', () => {
      const { warnings, user } = previewPatch(database, { email: 'Jane@Example.com' });
      const renamed = previewPatch(database, { username: 'Jane' });
      expect(user?.email).toBe('jane@example.com');
      expect([...warnings, ...renamed.warnings].filter((warning) => warning.code === 'stored-in-lower-case')).toEqual([
        {
          code: 'stored-in-lower-case',
          path: 'email',
          pathSegments: ['email'],
          rule: 21,
          message:
            'email is stored in lower case, as jane@example.com, not as sent (Jane@Example.com): Auth0 lower-cases the email of a user in the Auth0 store (a database or passwordless user). Look the user up by the lower-case value.',
        },
        {
          code: 'stored-in-lower-case',
          path: 'username',
          pathSegments: ['username'],
          rule: 21,
          message:
            'username is stored in lower case, as jane, not as sent (Jane): Auth0 lower-cases the username of a user in a database connection. Look the user up by the lower-case value.',
        },
      ]);
      expect(previewPatch(database, { email: 'jane@example.com' }).warnings).toEqual([]);
    });

    it('is a law: a database user’s stored email is always in lower case after a PATCH that sets it', () => {
      fc.assert(
        fc.property(anyUser, validPatch, email, (user, patch, address) => {
          // Without password and username, which may not change with an email (rule 16).
          const { password: _password, username: _username, ...rest } = patch;
          const stored = applyPatch({ ...user, identities: database.identities }, { ...rest, email: address } as never);
          expect(stored.email).toBe(address.toLowerCase());
        }),
      );
    });
  });

  describe('rule 22: email_verified is refused for enterprise and passwordless SMS users [OAS, REP]', () => {
    it.each([true, false])('refuses email_verified: %s for a SAML user with the reported body', (value) => {
      expect(refusal(() => applyPatch(saml, { email_verified: value }))).toEqual({
        body: unsupported('Email verification is not supported for enterprise users'),
        rule: 22,
        path: 'email_verified',
      });
    });

    it('refuses it for an SMS user (the message is a decision)', () => {
      expect(refusal(() => applyPatch(sms, { email_verified: true }))).toEqual({
        body: unsupported('Email verification is not supported for sms users'),
        rule: 22,
        path: 'email_verified',
      });
    });

    it('accepts it for database, passwordless email and social users [VEM]', () => {
      for (const user of [database, passwordlessEmail, google]) {
        expect(applyPatch(user, { email_verified: false }).email_verified).toBe(false);
      }
    });
  });

  describe('rule 23: email is refused for users who are not database users [OAS]', () => {
    it.each([
      ['a social', google],
      ['an enterprise', saml],
      ['a passwordless email', passwordlessEmail],
      ['a passwordless SMS', sms],
    ])('refuses it for %s user, null included', (_kind, user) => {
      for (const email of ['new@example.com', null]) {
        expect(refusal(() => applyPatch(user, { email }))).toEqual({
          body: unsupported('Cannot update email for non-database user.'),
          rule: 23,
          path: 'email',
        });
      }
    });

    it('is a law: a social or enterprise user’s email never changes through a PATCH', () => {
      fc.assert(
        fc.property(anyUser, validPatch, (user, patch) => {
          fc.pre(kindOf(user) === 'social' || kindOf(user) === 'enterprise');
          try {
            expect(applyPatch(user, patch as never).email).toBe(user.email);
          } catch (error) {
            expect(isPatchError(error)).toBe(true);
          }
        }),
      );
    });
  });

  describe('rule 24: password and username only where the connection holds them [OAS]', () => {
    it.each([
      ['password', 'n3w-Passw0rd'],
      ['password', null],
      ['username', 'jo'],
    ])('refuses %s: %s for users who are not database users', (key, value) => {
      for (const user of [google, saml, passwordlessEmail, sms]) {
        expect(refusal(() => applyPatch(user, { [key]: value }))).toEqual({
          body: unsupported(NOT_SUPPORTED),
          rule: 24,
          path: key,
        });
      }
    });

    it('accepts a password for a database user [GO]', () => {
      expect(applyPatch(database, { password: 'I have a password and its a secret' })).toEqual(database);
    });

    it('refuses a username in a database connection without usernames (invalid_body)', () => {
      const { username: _none, ...withoutUsername } = database;
      const expected = {
        body: {
          statusCode: 400,
          error: 'Bad Request',
          message: 'Cannot set username for connection without requires_username.',
          errorCode: 'invalid_body',
        },
        rule: 24,
        path: 'username',
      };
      expect(refusal(() => applyPatch(withoutUsername, { username: 'neo' }))).toEqual(expected);
      const off = { options: { requires_username: false } };
      expect(refusal(() => applyPatch(database, { username: 'neo' }, { connection: off }))).toEqual(expected);
      // Unsetting sets no username.
      expect(applyPatch(withoutUsername, { username: null })).toEqual(withoutUsername);
    });

    it('accepts a username where the connection holds them: requires_username, attributes.username, or a user who has one', () => {
      const { username: _none, ...withoutUsername } = database;
      const requires = { options: { requires_username: true } };
      expect(applyPatch(withoutUsername, { username: 'neo' }, { connection: requires }).username).toBe('neo');
      const flexible = { options: { attributes: { username: { identifier: { active: true } } } } };
      expect(applyPatch(withoutUsername, { username: 'neo' }, { connection: flexible }).username).toBe('neo');
      expect(applyPatch(database, { username: 'user_x_terra' }).username).toBe('user_x_terra');
    });

    it('refuses a username on create in a connection without requires_username (POST /users in [OAS])', () => {
      const base = { identities: [identity('auth0', 'Username-Password-Authentication')] };
      const prepared = preparePatch({ email: 'neo@example.com', username: 'Neo' }, { rules: 'create' });
      expect(refusal(() => applyPreparedPatch(base, prepared)).body.message).toBe(
        'Cannot set username for connection without requires_username.',
      );
      const requires = { connection: { options: { requires_username: true } } };
      expect(applyPreparedPatch(base, prepared, requires).username).toBe('neo');
    });
  });

  describe('rule 25: a connection that syncs the profile at each login refuses its profile attributes [SYN, REP]', () => {
    it('refuses a Google user’s names and picture with the body rfcx/arbimon#1397 reports', () => {
      const patch = { picture: 'https://example.com/new.png', given_name: 'Joanna', family_name: 'G.' };
      expect(refusal(() => applyPatch(google, patch))).toEqual({
        body: unsupported(syncMessage('family_name, given_name, picture', 'google-oauth2')),
        rule: 25,
        path: undefined,
      });
    });

    it('refuses unchanged values too, as alexkappa/terraform-provider-auth0#292 reports for an OIDC connection', () => {
      const oidc = {
        name: 'N',
        nickname: 'n',
        given_name: 'G',
        family_name: 'F',
        picture: 'https://example.com/p.png',
        identities: [identity('oidc', 'main-tenant-oidc')],
      };
      const { identities: _identities, ...unchanged } = oidc;
      expect(refusal(() => applyPatch(oidc, unchanged)).body.message).toBe(
        syncMessage('family_name, given_name, name, nickname, picture', 'main-tenant-oidc'),
      );
    });

    it('refuses null too (decision), and names the provider when the identity names no connection', () => {
      const user = { identities: [{ provider: 'github' }], nickname: 'octo' };
      expect(refusal(() => applyPatch(user, { nickname: null })).body.message).toBe(syncMessage('nickname', 'github'));
    });

    it.each(['on_first_login', 'never_on_login'] as const)('accepts them with set_user_root_attributes %s', (sync) => {
      const connection = { options: { set_user_root_attributes: sync } };
      expect(applyPatch(google, { name: 'Joanna Google' }, { connection }).name).toBe('Joanna Google');
      expect(applyPatch(saml, { nickname: null }, { connection })).not.toHaveProperty('nickname');
    });

    it('accepts them for database and passwordless users, and blocked and metadata for every user', () => {
      for (const user of [database, passwordlessEmail, sms]) expect(applyPatch(user, { name: 'N' }).name).toBe('N');
      for (const user of [database, google, saml, sms, passwordlessEmail]) {
        expect(applyPatch(user, { blocked: true, app_metadata: { plan: 'pro' } })).toMatchObject({
          blocked: true,
          app_metadata: { plan: 'pro' },
        });
      }
    });
  });

  describe('the connection rules together', () => {
    it('refuses with the lowest rule first, after the body rules and the 404 (decision)', () => {
      expect(refusal(() => applyPatch(saml, { email: 'a@example.com', email_verified: true, name: 'x' })).rule).toBe(
        22,
      );
      expect(refusal(() => applyPatch(google, { name: 'x', email: 'a@example.com' })).rule).toBe(23);
      expect(refusal(() => applyPatch(google, { name: 'x', password: 'secret' })).rule).toBe(24);
      expect(refusal(() => applyPatch(google, { name: 'x', blocked: 'yes' } as never)).rule).toBeUndefined();
      expect(refusal(() => applyPatch(undefined, { name: 'x' })).body.errorCode).toBe('inexistent_user');
    });

    it('keeps toJSON Auth0’s body and isPatchError true', () => {
      const error = thrownBy(() => applyPatch(google, { email: 'a@example.com' }), PatchError);
      expect(isPatchError(error)).toBe(true);
      expect(JSON.stringify(error)).toBe(
        '{"statusCode":400,"error":"Bad Request","message":"Cannot update email for non-database user.","errorCode":"operation_not_supported"}',
      );
    });

    it('previewPatch returns the refusal with its rule, and validatePatch, which sees the body only, accepts it', () => {
      const preview = previewPatch(google, { given_name: 'Joanna' });
      expect(preview.error?.rule).toBe(25);
      expect(preview.changes).toEqual([]);
      expect(validatePatch({ given_name: 'Joanna' })).toBeUndefined();
    });
  });

  describe('diffUsers and the connection rules', () => {
    const unreachable = (run: () => unknown) => {
      const error = thrownBy(run, UnreachableUserError);
      return { attributes: error.attributes, message: error.message };
    };

    it('says a synced profile attribute cannot be reached, and reaches it when the connection allows', () => {
      const after = { ...google, name: 'Joanna Google', given_name: 'Joanna' };
      expect(unreachable(() => diffUsers(google, after))).toEqual({
        attributes: ['given_name', 'name'],
        message: `No PATCH turns this user into the other: Auth0 would refuse the PATCH it takes: ${syncMessage('given_name, name', 'google-oauth2')}`,
      });
      const connection = { options: { set_user_root_attributes: 'on_first_login' as const } };
      expect(diffUsers(google, after, { connection })).toEqual([{ name: 'Joanna Google', given_name: 'Joanna' }]);
    });

    it('says a social user’s email cannot change', () => {
      expect(unreachable(() => diffUsers(google, { ...google, email: 'jo@example.com' })).attributes).toEqual([
        'email',
      ]);
    });

    it('says an email or username a database user cannot have in that case', () => {
      expect(
        unreachable(() => diffUsers(database, { ...database, email: 'Jane@Example.com', username: 'Jane' })),
      ).toEqual({
        attributes: ['email', 'username'],
        message:
          'No PATCH turns this user into the other: Auth0 would store email as "jane@example.com" and username as "jane": the Auth0 store keeps a database user\'s email and username in lower case (rule 21).',
      });
      expect(diffUsers(database, { ...database, email: 'jd@example.com' })).toEqual([{ email: 'jd@example.com' }]);
    });

    it('says a username a database connection without usernames cannot take', () => {
      const { username: _none, ...withoutUsername } = database;
      expect(unreachable(() => diffUsers(withoutUsername, database)).attributes).toEqual(['username']);
      const connection = { options: { requires_username: true } };
      expect(diffUsers(withoutUsername, database, { connection })).toEqual([{ username: 'jane' }]);
    });
  });
}
