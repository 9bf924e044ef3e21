/** fast-check generators of user search query trees and of users to search. */
import fc from 'fast-check';
import type { FieldQuery, UserQuery } from '../../src/search/index.js';

/** What the leaves of generated queries are made of. */
export interface QueryVocabulary {
  /** Text for terms, phrases, text range bounds and metadata values. */
  readonly text: fc.Arbitrary<string>;
  /** Literal pieces of wildcards. */
  readonly piece: fc.Arbitrary<string>;
  /** Metadata field paths below app_metadata / user_metadata. */
  readonly metadataPath: fc.Arbitrary<string>;
}

export const TEXT_FIELDS = [
  'email',
  'name',
  'given_name',
  'family_name',
  'nickname',
  'email.domain',
  'user_id',
  'username',
  'identities.connection',
  'identities.provider',
];
export const BOOLEAN_FIELDS = ['email_verified', 'blocked', 'identities.isSocial'];
export const DATE_FIELDS = ['created_at', 'updated_at', 'last_login'];

/** Query dates at every precision search v3 takes (milliseconds always with 3 digits). */
export const queryDate = fc.constantFrom(
  '2025',
  '2026',
  '2025-12',
  '2026-01',
  '2026-02',
  '2026-01-01',
  '2026-01-15',
  '2026-01-15T10:20',
  '2026-01-15T10:20:30',
  '2026-01-15T10:20:30.000Z',
  '2026-01-15T10:20:30.123Z',
);

const integerText = fc.integer({ min: -2, max: 6 }).map(String);

/** A leaf: a test on one field, always one that parseUserQuery accepts. */
export function fieldQuery(vocabulary: QueryVocabulary): fc.Arbitrary<FieldQuery> {
  const termValue = vocabulary.text.filter((text) => text !== '');
  const textField = fc.constantFrom(...TEXT_FIELDS);
  const textOrDefaultField = fc.option(textField, { nil: null, freq: 4 });
  const metadataField = fc
    .tuple(fc.constantFrom('app_metadata', 'user_metadata'), vocabulary.metadataPath)
    .map(([root, path]) => `${root}.${path}`);
  const wildcardParts = fc
    .array(vocabulary.piece, { minLength: 2, maxLength: 4 })
    .filter((parts) => parts[0] !== '' || Array.from(parts.join('')).length >= 3);
  const bound = <T>(value: fc.Arbitrary<T>) => fc.option(value, { nil: null, freq: 3 });
  const range = (field: fc.Arbitrary<string>, value: fc.Arbitrary<string>) =>
    fc.record({
      kind: fc.constant('range' as const),
      field,
      lower: bound(value),
      lowerInclusive: fc.boolean(),
      upper: bound(value),
      upperInclusive: fc.boolean(),
    });
  const termOrPhrase = (field: fc.Arbitrary<string | null>, value: fc.Arbitrary<string>) =>
    fc.oneof(
      fc.record({ kind: fc.constant('term' as const), field, value: value.filter((text) => text !== '') }),
      fc.record({ kind: fc.constant('phrase' as const), field, value }),
    );
  return fc.oneof(
    termOrPhrase(textOrDefaultField, termValue),
    termOrPhrase(metadataField, vocabulary.text),
    termOrPhrase(fc.constantFrom(...BOOLEAN_FIELDS), fc.constantFrom('true', 'false')),
    termOrPhrase(fc.constant('logins_count'), integerText),
    termOrPhrase(fc.constantFrom(...DATE_FIELDS), queryDate),
    fc.record({ kind: fc.constant('wildcard' as const), field: textOrDefaultField, parts: wildcardParts }),
    range(textField, vocabulary.text),
    range(fc.constant('logins_count'), integerText),
    range(fc.constantFrom(...DATE_FIELDS), queryDate),
    fc.record({
      kind: fc.constant('exists' as const),
      field: fc.oneof(textField, fc.constantFrom(...BOOLEAN_FIELDS, ...DATE_FIELDS, 'logins_count'), metadataField),
    }),
  );
}

/** A whole query tree: leaves under AND, OR and NOT, a few levels deep. */
export function userQuery(vocabulary: QueryVocabulary): fc.Arbitrary<UserQuery> {
  return fc.letrec<{ query: UserQuery }>((tie) => ({
    query: fc.oneof(
      { depthSize: 'small', maxDepth: 4 },
      fieldQuery(vocabulary),
      fc.record({ kind: fc.constant('and' as const), clauses: fc.array(tie('query'), { minLength: 2, maxLength: 3 }) }),
      fc.record({ kind: fc.constant('or' as const), clauses: fc.array(tie('query'), { minLength: 2, maxLength: 3 }) }),
      fc.record({ kind: fc.constant('not' as const), clause: tie('query') }),
    ),
  })).query;
}

/** Any text, to test that printing escapes everything that needs it. */
export const anyTextVocabulary: QueryVocabulary = {
  text: fc.oneof(
    fc.string({ maxLength: 12 }),
    fc.string({ unit: 'grapheme', maxLength: 6 }),
    fc.constantFrom('AND', 'OR', 'NOT', 'TO', '*', '>5', '<=3', '\\', '"', 'a b'),
  ),
  piece: fc.oneof(fc.string({ maxLength: 5 }), fc.constantFrom('AND', '\\', '"', ' ', '*')),
  metadataPath: fc
    .array(
      fc.string({ minLength: 1, maxLength: 6 }).filter((key) => !key.includes('.')),
      { minLength: 1, maxLength: 3 },
    )
    .map((keys) => keys.join('.')),
};

const NAMES = ['Jane', 'jane', 'Jane Smith', 'JANE SMITH', 'Bob', 'bob-jones', 'Zoë'];
const EMAILS = ['jane@example.com', 'JANE@Example.COM', 'bob@test.org', 'zoe@sub.example.com'];
const USER_IDS = ['auth0|1', 'auth0|22', 'google-oauth2|3'];
const CONNECTIONS = ['Username-Password-Authentication', 'google-oauth2'];
const PLANS = ['gold', 'Gold', 'silver'];
const INSTANTS = [
  '2025-12-31T23:59:59.999Z',
  '2026-01-01T00:00:00.000Z',
  '2026-01-15T10:20:30.123Z',
  '2026-01-15T10:20:59.000Z',
  '2026-02-01T00:00:00.000Z',
];

/** Query text drawn from the same words as {@link user}, so that queries often match. */
export const userVocabulary: QueryVocabulary = {
  text: fc.constantFrom(
    ...NAMES,
    ...EMAILS,
    ...USER_IDS,
    ...CONNECTIONS,
    ...PLANS,
    'example.com',
    'EXAMPLE.COM',
    'auth0',
    'google-oauth2',
    '30',
    '30.0',
    'true',
    'a',
    'B',
  ),
  piece: fc.constantFrom('', 'ja', 'jane', 'ne', 'J', 'smith', 'auth0', '|', '@', 'example', '.com', 'oauth2', 'ob'),
  metadataPath: fc.constantFrom(
    'plan',
    'age',
    'tags',
    'flag',
    'subscription',
    'subscription.plan',
    'addresses.city',
    'nothing',
    'empty',
  ),
};

const metadata = fc.record(
  {
    plan: fc.constantFrom(...PLANS),
    age: fc.constantFrom(30, 31),
    tags: fc.array(fc.constantFrom('a', 'B', '30'), { maxLength: 3 }),
    flag: fc.boolean(),
    subscription: fc.record({ plan: fc.constantFrom(...PLANS) }, { requiredKeys: [] }),
    addresses: fc.array(fc.record({ city: fc.constantFrom('Paris', 'paris') }), { maxLength: 2 }),
    empty: fc.constantFrom(null, [], {}),
  },
  { requiredKeys: [] },
);

/** A user in the shape the emulator stores, fields often missing. */
export const user: fc.Arbitrary<Record<string, unknown>> = fc.record(
  {
    user_id: fc.constantFrom(...USER_IDS),
    email: fc.constantFrom(...EMAILS),
    email_verified: fc.boolean(),
    name: fc.constantFrom(...NAMES),
    nickname: fc.constantFrom(...NAMES),
    given_name: fc.constantFrom(...NAMES),
    created_at: fc.constantFrom(...INSTANTS),
    updated_at: fc.constantFrom(...INSTANTS),
    last_login: fc.constantFrom(...INSTANTS),
    logins_count: fc.integer({ min: 0, max: 5 }),
    blocked: fc.boolean(),
    identities: fc.array(
      fc.record({
        connection: fc.constantFrom(...CONNECTIONS),
        provider: fc.constantFrom('auth0', 'google-oauth2'),
        user_id: fc.constantFrom('1', '3'),
        isSocial: fc.boolean(),
      }),
      { maxLength: 2 },
    ),
    app_metadata: metadata,
    user_metadata: metadata,
  },
  { requiredKeys: ['user_id'] },
);
