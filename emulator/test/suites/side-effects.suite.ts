/**
 * What creating and updating users does besides storing them, as Auth0 does it: the verification email in the
 * outbox, and each database connection's password policy.
 */
import { Management } from 'auth0';
import fc from 'fast-check';
import passwordSheriff from 'password-sheriff';
import { describe, expect, it } from 'vitest';
import { CLIENT, DATABASE, NOW, raw, rejection, sdk, TOKEN, type EmulatorModule } from './harness.js';

const STRONG = 'Sturdy-Pass-2026';
const JANE = {
  user_id: 'auth0|jane',
  email: 'jane@example.com',
  identities: [{ connection: DATABASE, provider: 'auth0', user_id: 'jane', isSocial: false }],
};
/** Auth0's refusal, as reported on its forum ("PasswordStrengthError on Management API doesn't include [reasons]"). */
const TOO_WEAK = { statusCode: 400, error: 'Bad Request', message: 'PasswordStrengthError: Password is too weak' };

export function sideEffectsSuite({ createEmulator }: EmulatorModule): void {
  describe('the verification email Auth0 sends', () => {
    const fresh = () =>
      createEmulator({
        clients: [CLIENT],
        users: [JANE],
        connections: [
          { name: DATABASE, strategy: 'auth0' },
          { name: 'email', strategy: 'email' },
        ],
        now: () => NOW,
      });
    const sent = (auth0: ReturnType<typeof fresh>) =>
      auth0.outbox.map(({ type, user_id, email }) => ({ type, user_id, email }));

    // "The verify_email parameter, when supplied, takes precedence. … If verify_email is set to false, no
    // verification email is sent. When verify_email is not supplied: If email_verified is set to true, no
    // verification email is sent. If email_verified is set to false or is not supplied, a verification email is
    // sent." (Auth0 support: "User Verification Email via Create a User API (Management API) in Auth0", 2026-05-14)
    it.each([
      ['neither verify_email nor email_verified', {}, true],
      ['email_verified false', { email_verified: false }, true],
      ['email_verified true', { email_verified: true }, false],
      ['verify_email false', { verify_email: false }, false],
      ['verify_email true, email_verified true', { verify_email: true, email_verified: true }, true],
      ['verify_email false, email_verified false', { verify_email: false, email_verified: false }, false],
    ])('POST /users with %s: sent is %s', async (_case, flags, expected) => {
      const auth0 = fresh();
      const management = sdk((request) => auth0.fetch(request));
      const user = await management.users.create({
        connection: DATABASE,
        email: 'new@example.com',
        password: STRONG,
        ...flags,
      });
      expect(sent(auth0)).toEqual(
        expected ? [{ type: 'verification_email', user_id: user.user_id, email: 'new@example.com' }] : [],
      );
      if (expected) expect(auth0.outbox[0]?.created_at).toBe(NOW.toISOString());
    });

    it('sends none for a passwordless email user, nor for a create Auth0 refuses', async () => {
      const auth0 = fresh();
      const management = sdk((request) => auth0.fetch(request));
      await management.users.create({ connection: 'email', email: 'otp@example.com' });
      await rejection(management.users.create({ connection: DATABASE, email: 'jane@example.com', password: STRONG }));
      await rejection(management.users.create({ connection: DATABASE, email: 'weak@example.com', password: 'short' }));
      expect(sent(auth0)).toEqual([]);
    });

    // A decision: the OAS's `email_verified` on PATCH, "If set to false the user will not receive a verification
    // email unless `verify_email` is set to true", and Auth0's "PATCH /api/v2/users/{id} - Can trigger verification
    // email when email is updated" (docs-v2 customize/custom-domains/multiple-custom-domains/default-domain.mdx).
    it.each([
      ['a new email and verify_email true', { email: 'jane@new.example', verify_email: true }, 'jane@new.example'],
      ['a new email without verify_email', { email: 'jane@new.example' }, undefined],
      ['a new email and verify_email false', { email: 'jane@new.example', verify_email: false }, undefined],
      ['verify_email true and the same email', { email: 'jane@example.com', verify_email: true }, undefined],
      ['verify_email true alone', { verify_email: true }, undefined],
    ])('PATCH /users/{id} with %s', async (_case, patch, expected) => {
      const auth0 = fresh();
      const management = sdk((request) => auth0.fetch(request));
      await management.users.update('auth0|jane', { ...patch, connection: DATABASE });
      expect(sent(auth0)).toEqual(
        expected === undefined ? [] : [{ type: 'verification_email', user_id: 'auth0|jane', email: expected }],
      );
    });
  });

  describe('the password policy of a database connection', () => {
    const tenant = (connection: Record<string, unknown> = {}) =>
      createEmulator({
        clients: [CLIENT],
        token: TOKEN,
        users: [JANE],
        connections: [{ name: DATABASE, strategy: 'auth0', ...connection }],
      });
    const patchPassword = async (auth0: ReturnType<typeof tenant>, password: string) => {
      const response = await raw(auth0, 'PATCH', '/api/v2/users/auth0%7Cjane', {
        body: JSON.stringify({ password, connection: DATABASE }),
      });
      return { status: response.status, body: (await response.json()) as unknown };
    };

    it('refuses a weak password on POST with Auth0’s body (no errorCode), through the SDK, and stores nothing', async () => {
      const auth0 = tenant();
      const management = sdk((request) => auth0.fetch(request));
      const error = await rejection(
        management.users.create({ connection: DATABASE, email: 'x@example.com', password: 'x' }),
      );
      expect(error).toBeInstanceOf(Management.BadRequestError);
      expect(error.body).toEqual(TOO_WEAK);
      expect(auth0.users.size).toBe(1);
    });

    it('refuses a weak password on PATCH and changes nothing', async () => {
      const auth0 = tenant();
      const before = auth0.users.get('auth0|jane');
      expect(await patchPassword(auth0, '1')).toEqual({ status: 400, body: TOO_WEAK });
      expect(auth0.users.get('auth0|jane')).toBe(before);
    });

    // The default of a new database connection since August 2026 (terraform-provider-auth0
    // TestAccConnectionAddEmailAttributeUnique.yaml, 2026-08-07): the Flexible Password Policy, min_length 15, no
    // character types, max_length_exceeded "error" ("reject passwords longer than 72 bytes", docs-v2
    // authenticate/database-connections/flexible-password-policy.mdx).
    it.each([
      ['14 characters', 'a'.repeat(14), 400],
      ['15 characters of one kind', 'a'.repeat(15), 200],
      ['15 spaces', ' '.repeat(15), 200],
      ['72 bytes', 'a'.repeat(72), 200],
      ['73 bytes', 'a'.repeat(73), 400],
      ['36 two-byte characters (72 bytes)', 'é'.repeat(36), 200],
      ['37 two-byte characters (74 bytes)', 'é'.repeat(37), 400],
    ])('by default: %s → %s', async (_case, password, status) => {
      expect((await patchPassword(tenant(), password)).status).toBe(status);
    });

    // password-sheriff (github.com/auth0/password-sheriff index.js, lib/rules/*.js), whose words Auth0 answers.
    it.each([
      ['none', 'a', 200],
      ['low', 'abcde', 400],
      ['low', 'abcdef', 200],
      ['fair', 'abcdefg1', 400],
      ['fair', 'Abcdefg1', 200],
      ['good', 'abcdefg1', 400],
      ['good', 'abcdef 1', 200], // a space is a special character
      ['good', 'Passwords hide their chuck', 200], // recorded: go-auth0 TestUserManager_Create.yaml, a "good" tenant
      ['excellent', 'Abcdefgh1', 400],
      ['excellent', 'Abcdefghi1', 200],
      ['excellent', 'Abcdefgh111', 400], // 3 identical characters in a row
      ['excellent', 'Abcdefgh11', 200],
      ['excellent', 'a'.repeat(80) + 'B1', 400],
    ])('passwordPolicy %s: %j → %s', async (passwordPolicy, password, status) => {
      expect((await patchPassword(tenant({ passwordPolicy }), password)).status).toBe(status);
    });

    // "If you provide a minimum password length, this value supersedes that indicated by the password policy."
    it('takes password_complexity_options.min_length over the level’s and the default’s minimum', async () => {
      expect(
        (
          await patchPassword(
            tenant({ passwordPolicy: 'good', password_complexity_options: { min_length: 12 } }),
            'Abcdefgh123',
          )
        ).status,
      ).toBe(400);
      expect(
        (
          await patchPassword(
            tenant({ passwordPolicy: 'good', password_complexity_options: { min_length: 12 } }),
            'Abcdefgh1234',
          )
        ).status,
      ).toBe(200);
      expect(
        (
          await patchPassword(
            tenant({ passwordPolicy: 'excellent', password_complexity_options: { min_length: 4 } }),
            'Ab1!',
          )
        ).status,
      ).toBe(200);
      expect((await patchPassword(tenant({ password_complexity_options: { min_length: 8 } }), 'abcdefgh')).status).toBe(
        200,
      );
      expect((await patchPassword(tenant({ password_complexity_options: { min_length: 8 } }), 'abcdefg')).status).toBe(
        400,
      );
    });

    it('checks only database users', async () => {
      const auth0 = createEmulator({
        token: TOKEN,
        users: [
          {
            user_id: 'email|otp',
            email: 'otp@example.com',
            identities: [{ connection: 'email', provider: 'email', user_id: 'otp', isSocial: false }],
          },
        ],
        connections: [
          { name: DATABASE, strategy: 'auth0' },
          { name: 'email', strategy: 'email' },
        ],
      });
      const response = await raw(auth0, 'PATCH', '/api/v2/users/email%7Cotp', {
        body: JSON.stringify({ password: 'x' }),
      });
      expect(await response.json()).not.toEqual(TOO_WEAK);
    });

    const units = fc.constantFrom('a', 'b', 'Z', 'Q', '1', '7', ' ', '!', '~', 'é', 'ß', '中', '😀', 'a', 'a', 'A');
    const passwords = fc.string({ unit: units, minLength: 1, maxLength: 24 });

    it('accepts exactly what Auth0’s password-sheriff accepts, at each legacy level (differential)', async () => {
      for (const level of ['none', 'low', 'fair', 'good', 'excellent']) {
        const auth0 = tenant({ passwordPolicy: level });
        await fc.assert(
          fc.asyncProperty(passwords, async (password) => {
            const { status } = await patchPassword(auth0, password);
            expect(status).toBe(passwordSheriff(level).check(password) ? 200 : 400);
          }),
          { numRuns: 150 },
        );
      }
    });

    it('by default, accepts exactly 15 UTF-16 units and more, up to 72 bytes (law)', async () => {
      const auth0 = tenant();
      await fc.assert(
        fc.asyncProperty(fc.string({ unit: units, minLength: 1, maxLength: 40 }), async (password) => {
          const fits = password.length >= 15 && new TextEncoder().encode(password).length <= 72;
          expect((await patchPassword(auth0, password)).status).toBe(fits ? 200 : 400);
        }),
        { numRuns: 200 },
      );
    });

    it.each([
      [
        { name: 'db', strategy: 'auth0', passwordPolicy: 'strong' },
        'createEmulator: options.connections[0].passwordPolicy must be one of none, low, fair, good, excellent',
      ],
      [
        { name: 'db', strategy: 'auth0', password_complexity_options: { min_length: 0 } },
        'createEmulator: options.connections[0].password_complexity_options must be { min_length?: an integer from 1 to 128 }',
      ],
      [
        { name: 'db', strategy: 'auth0', password_complexity_options: { min_length: 129 } },
        'createEmulator: options.connections[0].password_complexity_options must be { min_length?: an integer from 1 to 128 }',
      ],
      [
        { name: 'db', strategy: 'auth0', password_complexity_options: { minLength: 8 } },
        'createEmulator: options.connections[0].password_complexity_options must be { min_length?: an integer from 1 to 128 }',
      ],
      [
        { name: 'db', strategy: 'auth0', password_complexity_options: null },
        'createEmulator: options.connections[0].password_complexity_options must be { min_length?: an integer from 1 to 128 }',
      ],
      [
        { name: 'google-oauth2', strategy: 'google-oauth2', passwordPolicy: 'good' },
        'createEmulator: options.connections[0]: a password policy is for database connections (strategy auth0) only',
      ],
    ])('refuses a malformed connection option %j', (connection, message) => {
      expect(() => createEmulator({ token: TOKEN, connections: [connection as never] })).toThrow(
        new TypeError(message),
      );
    });
  });
}
