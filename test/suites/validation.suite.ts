/** Validation rules 10-16: every refusal, with Auth0's message, the error body and the path. */
import { describe, expect, it } from 'vitest';
import type { Library } from '../support/library.js';
import { thrownBy } from '../support/errors.js';
import { RESERVED_APP_METADATA_NAMES } from '../support/fixtures.js';

const UM = 'User metadata to which this user has read/write access.';
const AM = 'User metadata to which this user has read-only access.';

export function validationSuite({ applyPatch, validatePatch, PatchError }: Library): void {
  /** The refusal of a patch, checked to be the same whether thrown by applyPatch or returned by validatePatch. */
  function refusal(patch: unknown): { message: string; path: string | undefined } {
    const returned = validatePatch(patch);
    if (returned === undefined) throw new Error(`expected ${JSON.stringify(patch)} to be refused`);
    const thrown = thrownBy(() => applyPatch({}, patch as never), PatchError);
    expect(thrown.message).toBe(returned.message);
    expect(returned.toJSON()).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: returned.message,
      errorCode: 'invalid_body',
    });
    return { message: returned.message, path: returned.path };
  }

  describe('the error', () => {
    it("is an Error whose JSON is exactly Auth0's body", () => {
      const error = validatePatch({ blocked: 'yes' });
      expect(error).toBeInstanceOf(Error);
      expect(error).toBeInstanceOf(PatchError);
      expect(error?.name).toBe('PatchError');
      expect(error?.statusCode).toBe(400);
      expect(error?.error).toBe('Bad Request');
      expect(error?.errorCode).toBe('invalid_body');
      expect(error?.path).toBe('blocked');
      expect(JSON.parse(JSON.stringify(error))).toEqual({
        statusCode: 400,
        error: 'Bad Request',
        message:
          "Payload validation error: 'Expected type boolean but found type string' on property blocked (Whether this user was blocked by an administrator (true) or not (false).).",
        errorCode: 'invalid_body',
      });
    });

    it('validatePatch returns undefined for a body Auth0 accepts', () => {
      expect(validatePatch({ user_metadata: { color: 'pink' }, connection: 'db' })).toBeUndefined();
    });
  });

  describe('rule 10: the body is a JSON object', () => {
    it.each([
      [[], 'array'],
      ['text', 'string'],
      [42, 'integer'],
      [4.2, 'number'],
      [true, 'boolean'],
      [null, 'null'],
      [undefined, 'undefined'],
      [new Date(0), 'Date'],
    ])('refuses %o', (body, type) => {
      expect(refusal(body)).toEqual({
        message: `Payload validation error: 'Expected type object but found type ${type}'.`,
        path: undefined,
      });
    });
  });

  describe('rule 11: unknown and read-only root properties', () => {
    it('names every one, in the order of the patch', () => {
      expect(refusal({ logins_count: 1, blocked: true, last_login: 'x', identities: [] }).message).toBe(
        'Payload validation error: \'Additional properties not allowed: logins_count,last_login,identities (consider storing them in app_metadata or user_metadata. See "Users Metadata" in https://auth0.com/docs/api/v2/changes for more details)\'.',
      );
    });

    it.each([
      'user_id',
      'created_at',
      'updated_at',
      'identities',
      'last_password_reset',
      'multifactor',
      'audience',
      'constructor',
      'toString',
    ])('refuses %s', (key) => {
      expect(refusal({ [key]: 'x' }).message).toContain(
        `'Additional properties not allowed: ${key} (consider storing them`,
      );
    });
  });

  describe('rule 12: a body with nothing to update', () => {
    it('refuses {} with the inner error of every attribute', () => {
      const missing = [
        'blocked',
        'email_verified',
        'email',
        'phone_number',
        'phone_verified',
        'user_metadata',
        'app_metadata',
        'given_name',
        'family_name',
        'name',
        'nickname',
        'picture',
        'verify_email',
        'verify_phone_number',
        'password',
        'connection',
        'client_id',
        'username',
      ].map((key) => `Payload validation error: 'Missing required property: ${key}'.`);
      expect(refusal({}).message).toBe(
        `Payload validation error: 'None of the valid schemas were met'. Inner errors: [ ${missing.join(' (also) ')} ].`,
      );
    });
  });

  describe('rule 13: metadata key names without "." or "$", at any depth', () => {
    it.each([
      [{ user_metadata: { 'preference.color': 'pink' } }, 'user_metadata["preference.color"]', 'preference.color', UM],
      [{ app_metadata: { $set: 1 } }, 'app_metadata.$set', '$set', AM],
      [{ user_metadata: { a: { b: [{ 'c.d': 1 }] } } }, 'user_metadata.a.b[0]["c.d"]', 'c.d', UM],
    ])('refuses %j', (patch, path, key, description) => {
      expect(refusal(patch)).toEqual({
        message: `Payload validation error: 'Invalid key name (must not contain "." or "$"): ${key}' on property ${path} (${description}).`,
        path,
      });
    });
  });

  describe('rule 14: reserved app_metadata names', () => {
    it.each(RESERVED_APP_METADATA_NAMES)('refuses app_metadata.%s, even to delete it', (key) => {
      for (const value of ['x', null]) {
        expect(refusal({ app_metadata: { [key]: value } })).toEqual({
          message: `Payload validation error: 'Key name is reserved by Auth0: ${key}' on property app_metadata.${key} (${AM}).`,
          path: `app_metadata.${key}`,
        });
      }
    });

    it('allows the same names in user_metadata and below the first level of app_metadata', () => {
      expect(
        validatePatch({ user_metadata: { blocked: true }, app_metadata: { nested: { blocked: true } } }),
      ).toBeUndefined();
    });
  });

  describe('rule 15: values must be JSON', () => {
    const symbol = Symbol('id');
    it.each([
      ['undefined', undefined, 'undefined'],
      ['a function', () => 1, 'function'],
      ['a symbol', symbol, 'symbol'],
      ['a bigint', 10n, 'bigint'],
      ['NaN', Number.NaN, 'not-a-number'],
      ['Infinity', Number.POSITIVE_INFINITY, 'unknown-number'],
      ['a Date', new Date(0), 'Date'],
      ['a Map', new Map(), 'Map'],
      ['a class instance', new (class Point {})(), 'Point'],
      ['a typed array', new Uint8Array(1), 'Uint8Array'],
    ])('refuses %s, naming the path', (_name, value, type) => {
      expect(refusal({ user_metadata: { a: [{ b: value }] } })).toEqual({
        message: `Payload validation error: 'Expected a JSON value but found type ${type}' on property user_metadata.a[0].b (${UM}).`,
        path: 'user_metadata.a[0].b',
      });
    });

    it('refuses an object with a custom prototype', () => {
      const value = Object.create({ inherited: true }) as object;
      expect(refusal({ app_metadata: { value } }).path).toBe('app_metadata.value');
    });

    it('refuses a hole in an array', () => {
      // eslint-disable-next-line no-sparse-arrays
      expect(refusal({ user_metadata: { list: [1, , 3] } }).path).toBe('user_metadata.list[1]');
    });

    it('keeps the path as segments too, with keys that are not identifiers and indexes as numbers', () => {
      expect(validatePatch({ user_metadata: { 'my key': [1, { 'a.b': 1 }] } })?.pathSegments).toEqual([
        'user_metadata',
        'my key',
        1,
        'a.b',
      ]);
      expect(validatePatch({ user_metadata: { 'my key': [1, { 'a.b': 1 }] } })?.path).toBe(
        'user_metadata["my key"][1]["a.b"]',
      );
      expect(validatePatch({ nickname: '' })?.pathSegments).toEqual(['nickname']);
      expect(validatePatch({ user_id: 'x' })?.pathSegments).toBeUndefined();
      expect(Object.isFrozen(validatePatch({ nickname: '' })?.pathSegments)).toBe(true);
    });

    it('refuses symbol keys, at the root and in metadata', () => {
      expect(refusal({ blocked: true, [Symbol('x')]: 1 }).message).toBe(
        "Payload validation error: 'Expected a JSON object but found a symbol key'.",
      );
      expect(refusal({ user_metadata: { nested: { [Symbol('x')]: 1 } } })).toEqual({
        message: `Payload validation error: 'Expected a JSON key but found Symbol(x)' on property user_metadata.nested (${UM}).`,
        path: 'user_metadata.nested',
      });
      expect(refusal({ user_metadata: { [Symbol('x')]: 1 } }).path).toBe('user_metadata');
    });

    it('refuses a cycle, naming where it closes', () => {
      const loop: Record<string, unknown> = { name: 'loop' };
      loop['self'] = { again: loop };
      expect(refusal({ user_metadata: { loop } })).toEqual({
        message: `Payload validation error: 'Circular reference: the value contains itself' on property user_metadata.loop.self.again (${UM}).`,
        path: 'user_metadata.loop.self.again',
      });
    });

    it('accepts the same object twice when it does not contain itself', () => {
      const shared = { x: 1 };
      const result = applyPatch({}, { user_metadata: { a: shared, b: [shared] } });
      expect(result.user_metadata).toEqual({ a: { x: 1 }, b: [{ x: 1 }] });
    });

    it.each(['blocked', 'email', 'user_metadata'])('refuses a non-JSON value at the root attribute %s', (key) => {
      expect(refusal({ [key]: undefined }).message).toMatch(
        /^Payload validation error: 'Expected type \w+ but found type undefined' on property/,
      );
    });

    it('stores -0 as 0, as JSON does', () => {
      const result = applyPatch({}, { user_metadata: { zero: -0, list: [-0] } });
      expect(Object.is(result.user_metadata?.['zero'], 0)).toBe(true);
      expect(Object.is((result.user_metadata?.['list'] as number[])[0], 0)).toBe(true);
    });
  });

  describe('rule 16: pairs that cannot change together', () => {
    it.each([
      [{ password: 'secret-1', email: 'a@example.com' }, 'Cannot update password and email simultaneously.'],
      [{ email_verified: true, password: 'secret-1' }, 'Cannot update password and email_verified simultaneously.'],
      [{ username: 'jane', email: 'a@example.com' }, 'Cannot update username and email simultaneously.'],
      [{ username: 'jane', email_verified: false }, 'Cannot update username and email_verified simultaneously.'],
      [{ username: 'jane', password: 'secret-1' }, 'Cannot update username and password simultaneously.'],
      [{ username: null, email: null }, 'Cannot update username and email simultaneously.'],
    ])('refuses %j', (patch, message) => {
      expect(refusal(patch)).toEqual({ message, path: undefined });
    });

    it('checks attribute types first', () => {
      expect(refusal({ password: 'secret-1', email: 7 }).path).toBe('email');
    });
  });

  describe('attribute constraints', () => {
    it.each([
      ['given_name', '', 'String is too short (0 chars), minimum 1', 'Given name/first name/forename of this user.'],
      [
        'given_name',
        'x'.repeat(151),
        'String is too long (151 chars), maximum 150',
        'Given name/first name/forename of this user.',
      ],
      [
        'family_name',
        'x'.repeat(151),
        'String is too long (151 chars), maximum 150',
        'Family name/last name/surname of this user.',
      ],
      ['name', 'x'.repeat(301), 'String is too long (301 chars), maximum 300', 'Name of this user.'],
      ['nickname', '', 'String is too short (0 chars), minimum 1', 'Preferred nickname or alias of this user.'],
      [
        'username',
        'x'.repeat(129),
        'String is too long (129 chars), maximum 128',
        "The user's username. Only valid if the connection requires a username.",
      ],
      [
        'password',
        '',
        'String is too short (0 chars), minimum 1',
        'New password for this user. Only valid for database connections.',
      ],
      [
        'connection',
        '',
        'String is too short (0 chars), minimum 1',
        'Name of the connection to target for this user update.',
      ],
      [
        'client_id',
        '',
        'String is too short (0 chars), minimum 1',
        'Auth0 client ID. Only valid when updating email address.',
      ],
      [
        'phone_number',
        '5550100',
        'String does not match pattern ^\\+[0-9]{1,15}$: 5550100',
        "The user's phone number (following the E.164 recommendation).",
      ],
      [
        'phone_number',
        '+1234567890123456',
        'String does not match pattern ^\\+[0-9]{1,15}$: +1234567890123456',
        "The user's phone number (following the E.164 recommendation).",
      ],
      ['email', 'jane.doe', "Object didn't pass validation for format email: jane.doe", 'Email address of this user.'],
      [
        'picture',
        'not a url',
        "Object didn't pass validation for format uri: not a url",
        'URL to picture, photo, or avatar of this user.',
      ],
      ['name', 42, 'Expected type string but found type integer', 'Name of this user.'],
      [
        'email_verified',
        'true',
        'Expected type boolean but found type string',
        'Whether this email address is verified (true) or unverified (false). If set to false the user will not receive a verification email unless `verify_email` is set to true.',
      ],
      ['user_metadata', ['a'], 'Expected type object but found type array', UM],
      ['app_metadata', 'plan', 'Expected type object but found type string', AM],
    ])('refuses %s = %j', (key, value, detail, description) => {
      expect(refusal({ [key]: value })).toEqual({
        message: `Payload validation error: '${detail}' on property ${key} (${description}).`,
        path: key,
      });
    });

    it('counts characters, not UTF-16 units', () => {
      expect(validatePatch({ given_name: '😀'.repeat(150) })).toBeUndefined();
      expect(refusal({ given_name: '😀'.repeat(151) }).message).toContain(
        'String is too long (151 chars), maximum 150',
      );
    });

    it('accepts the limits exactly', () => {
      expect(
        validatePatch({
          given_name: 'x'.repeat(150),
          name: 'x'.repeat(300),
          username: 'x'.repeat(128),
          phone_number: '+123456789012345',
          picture: 'https://example.com/a.png',
        }),
      ).toBeUndefined();
    });

    it('reports the first refused attribute in the order of the patch', () => {
      expect(refusal({ name: '', blocked: 'no' }).path).toBe('name');
      expect(refusal({ blocked: 'no', name: '' }).path).toBe('blocked');
    });
  });
}
