/** fast-check generators of Auth0 users and PATCH bodies, valid and not. */
import fc from 'fast-check';
import type { Auth0User } from '../../src/core/types.js';
import { modelRefusal, type ModelConnection } from './reference-model.js';
import { RESERVED_APP_METADATA_NAMES } from './fixtures.js';

/** Keys with a meaning in JavaScript, which must be stored as ordinary data. */
export const trickyKeys = [
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'valueOf',
  '__defineGetter__',
  'isAdmin',
];

/** A metadata key Auth0 accepts: no `.`, no `$`, not `__proto__`. */
export const metadataKey = fc
  .oneof(
    { weight: 5, arbitrary: fc.string({ maxLength: 8 }) },
    { weight: 1, arbitrary: fc.constantFrom(...trickyKeys) },
  )
  .filter((key) => !key.includes('.') && !key.includes('$') && key !== '__proto__');

/** Any JSON leaf; doubles include -0. */
const leaf = fc.oneof(
  fc.string({ maxLength: 10 }),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.constant(null),
);

/** A JSON value with valid keys, objects sometimes without a prototype (as fast-check makes them). */
export const jsonValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown; array: unknown[]; object: unknown }>(
  (tie) => ({
    value: fc.oneof({ depthSize: 'small', maxDepth: 4 }, leaf, tie('array'), tie('object')),
    array: fc.array(tie('value'), { maxLength: 4 }),
    object: fc.dictionary(metadataKey, tie('value'), { maxKeys: 4 }),
  }),
).value;

const nonNullJson = jsonValue.filter((value) => value !== null);

/** Stored metadata: first-level values are never null (a first-level null is a deletion). */
export const storedMetadata = fc.dictionary(metadataKey, nonNullJson, { maxKeys: 6 });

/** A metadata patch: first-level `null` deletes, `{}` clears. */
export const metadataPatch = fc.oneof(
  { weight: 1, arbitrary: fc.constant({}) },
  { weight: 6, arbitrary: fc.dictionary(metadataKey, fc.oneof(jsonValue, fc.constant(null)), { maxKeys: 6 }) },
);

const RESERVED = new Set(RESERVED_APP_METADATA_NAMES);

/** A metadata patch that is valid for `app_metadata` too (no reserved first-level names). */
export const appMetadataPatch = metadataPatch.map((patch) =>
  Object.fromEntries(Object.entries(patch).filter(([key]) => !RESERVED.has(key))),
);

const text = (maxLength: number) => fc.string({ minLength: 1, maxLength });
const lowerCaseEmail = fc.emailAddress();
/** An email in any case: the Auth0 store keeps some in lower case (rule 21). */
export const email = fc.oneof(
  lowerCaseEmail,
  lowerCaseEmail.map((address) => address.toUpperCase()),
  lowerCaseEmail.map((address) => `${address.slice(0, 1).toUpperCase()}${address.slice(1)}`),
);
const phone = fc.stringMatching(/^\+[0-9]{1,15}$/);
const picture = fc.webUrl();

/** The identities of users of each kind of connection (rule 20): database, passwordless, social and enterprise. */
const identityLists = [
  [{ connection: 'Username-Password-Authentication', provider: 'auth0', user_id: '1', isSocial: false }],
  [{ connection: 'email', provider: 'email', user_id: '2', isSocial: false }],
  [{ connection: 'sms', provider: 'sms', user_id: '3', isSocial: false }],
  [{ connection: 'google-oauth2', provider: 'google-oauth2', user_id: '4', isSocial: true }],
  [{ connection: 'acme-saml', provider: 'samlp', user_id: '5', isSocial: false }],
  [
    { connection: 'Username-Password-Authentication', provider: 'auth0', user_id: '6', isSocial: false },
    { connection: 'github', provider: 'github', user_id: '7', isSocial: true },
  ],
];

/** A user as the Management API returns it. */
// Metadata is generated as `unknown` JSON; the shape is Auth0User's.
export const user = fc.record(
  {
    user_id: fc.constantFrom('auth0|507f1f77bcf86cd799439020', 'google-oauth2|1234'),
    email,
    email_verified: fc.boolean(),
    username: text(20),
    phone_number: phone,
    created_at: fc.constant('2024-01-01T00:00:00.000Z'),
    updated_at: fc.constant('2024-01-02T00:00:00.000Z'),
    identities: fc.constantFrom(...identityLists),
    name: text(30),
    nickname: text(30),
    picture,
    logins_count: fc.nat(),
    blocked: fc.boolean(),
    user_metadata: storedMetadata,
    app_metadata: storedMetadata,
  },
  { requiredKeys: [] },
) as unknown as fc.Arbitrary<Auth0User>;

/** A PATCH body Auth0 accepts: at least one attribute, no pair Auth0 forbids together. */
export const validPatch = fc
  .record(
    {
      blocked: fc.boolean(),
      email_verified: fc.boolean(),
      email: fc.option(email, { nil: null }),
      phone_number: fc.option(phone, { nil: null }),
      phone_verified: fc.boolean(),
      user_metadata: metadataPatch,
      app_metadata: appMetadataPatch,
      given_name: fc.option(text(150), { nil: null }),
      family_name: fc.option(text(150), { nil: null }),
      name: fc.option(text(300), { nil: null }),
      nickname: fc.option(text(300), { nil: null }),
      picture: fc.option(picture, { nil: null }),
      verify_email: fc.boolean(),
      verify_phone_number: fc.boolean(),
      password: fc.option(text(30), { nil: null }),
      connection: text(30),
      client_id: text(30),
      username: fc.option(text(128), { nil: null }),
    },
    { requiredKeys: [] },
  )
  .map(withoutForbiddenPairs)
  .filter((patch) => Object.keys(patch).length > 0);

/** `options.connection` as a caller may pass it: any mix of the settings the connection rules read, or none. */
export const connectionSettings: fc.Arbitrary<ModelConnection | undefined> = fc.option(
  fc.record(
    {
      options: fc.record(
        {
          requires_username: fc.boolean(),
          set_user_root_attributes: fc.constantFrom('on_each_login', 'on_first_login', 'never_on_login'),
          enabledDatabaseCustomization: fc.boolean(),
          import_mode: fc.boolean(),
        },
        { requiredKeys: [] },
      ),
    },
    { requiredKeys: [] },
  ),
  { nil: undefined },
);

/**
 * A user and a patch Auth0 accepts for that user with the default connection settings: the attributes the user's
 * connection refuses (rules 22 to 25, as the reference model has them) are left out of the patch.
 */
export const acceptedUserAndPatch: fc.Arbitrary<[Auth0User, Record<string, unknown>]> = fc
  .tuple(user, validPatch)
  .map(([u, patch]): [Auth0User, Record<string, unknown>] => {
    const kept = { ...patch };
    for (let refusal = modelRefusal(u, kept); refusal !== undefined; refusal = modelRefusal(u, kept)) {
      for (const key of REFUSED_KEYS[refusal.rule] ?? []) delete kept[key];
    }
    return [u, kept];
  })
  .filter(([, patch]) => Object.keys(patch).length > 0);

/** The attributes each connection rule is about. */
const REFUSED_KEYS: Record<number, readonly string[]> = {
  22: ['email_verified'],
  23: ['email'],
  24: ['username', 'password'],
  25: ['family_name', 'given_name', 'name', 'nickname', 'picture'],
};

function withoutForbiddenPairs(patch: Record<string, unknown>): Record<string, unknown> {
  const { ...kept } = patch;
  const drop = (...keys: string[]) => keys.forEach((key) => delete kept[key]);
  if ('password' in kept) drop('email', 'email_verified', 'username');
  if ('username' in kept) drop('email', 'email_verified');
  return kept;
}

/** Anything at all, including what JSON cannot hold, with keys that probe prototypes. */
export const anything = fc.anything({
  key: fc.oneof(
    fc.string(),
    fc.constantFrom('__proto__', 'constructor', 'prototype', 'user_metadata', 'app_metadata', 'blocked', 'a.b', '$set'),
  ),
  maxDepth: 4,
  withBigInt: true,
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withNullPrototype: true,
  withObjectString: true,
  withSparseArray: true,
  withTypedArray: true,
});
