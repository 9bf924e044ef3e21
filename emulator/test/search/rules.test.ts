/**
 * One example per documented rule of Auth0 user search v3. Sources (see src/emulator/search/README-sources.md):
 * SYNTAX = https://auth0.com/docs/manage-users/user-search/user-search-query-syntax
 * SYNTAX_V3_OLD = https://auth0.com/docs/users/search/v3/query-syntax (auth0/docs articles/users/search/v3/query-syntax.md)
 * MIGRATE = https://auth0.com/docs/troubleshoot/product-lifecycle/past-migrations/migrate-v2-v3
 * EXAMPLES = https://auth0.com/docs/users/search/v3 (auth0/docs articles/users/search/v3/index.md, "Example queries")
 */
import { describe, expect, it } from 'vitest';
import { matchesUserQuery, parseUserQuery, SearchQueryError } from '../../src/search/index.js';

const jane = {
  user_id: 'auth0|12345',
  email: 'jane@example.com',
  email_verified: false,
  name: 'Jane Smith',
  nickname: 'jane',
  created_at: '2026-01-01T00:00:00.000Z',
  updated_at: '2026-01-15T10:20:30.000Z',
  logins_count: 150,
  last_login: '2017-12-15T08:00:00.000Z',
  identities: [
    { connection: 'Username-Password-Authentication', provider: 'auth0', user_id: '12345', isSocial: false },
    { connection: 'google-oauth2', provider: 'google-oauth2', user_id: '999', isSocial: true },
  ],
  user_metadata: { full_name: 'John Smith', addresses: [{ city: 'Paris' }, { city: 'Lyon' }], empty: {}, none: null },
  app_metadata: { subscription: { plan: 'gold' }, age: 30, vip: true, roles: ['admin', 'editor'] },
};

const matches = (q: string, user: Readonly<Record<string, unknown>> = jane) =>
  matchesUserQuery(user, parseUserQuery(q));

/** The 400 body parseUserQuery's error carries, or a failure when it does not throw. */
function refusal(q: string): unknown {
  try {
    parseUserQuery(q);
  } catch (error) {
    expect(error).toBeInstanceOf(SearchQueryError);
    return (error as SearchQueryError).toJSON();
  }
  throw new Error(`parseUserQuery accepted ${q}`);
}

const badRequest = (message: string) => ({
  statusCode: 400,
  error: 'Bad Request',
  message,
  errorCode: 'invalid_query_string',
});

describe('terms and phrases (SYNTAX)', () => {
  it('a phrase matches the whole value: name:"jane smith"', () => {
    expect(matches('name:"jane smith"')).toBe(true);
    expect(matches('name:"jane"')).toBe(false);
  });

  it('fields are not tokenized: user_id:auth0 does not match auth0|12345, user_id:auth0* does (MIGRATE)', () => {
    expect(matches('user_id:auth0')).toBe(false);
    expect(matches('user_id:auth0*')).toBe(true);
    expect(matches('user_id:auth0|12345')).toBe(true);
  });

  it('email, name, given_name, family_name, nickname are case-insensitive', () => {
    expect(matches('email:"JANE@EXAMPLE.COM"')).toBe(true);
    expect(matches('name:"JANE SMITH"')).toBe(true);
    expect(matches('nickname:JANE')).toBe(true);
  });

  it('every other field is case-sensitive, metadata included', () => {
    expect(matches('identities.connection:"Username-Password-Authentication"')).toBe(true);
    expect(matches('identities.connection:"username-password-authentication"')).toBe(false);
    expect(matches('user_metadata.full_name:"John Smith"')).toBe(true);
    expect(matches('user_metadata.full_name:"john smith"')).toBe(false);
    expect(matches('user_id:AUTH0|12345')).toBe(false);
  });

  it('a term without a field name matches normalized fields but never metadata (decision: default fields)', () => {
    expect(matches('jane')).toBe(true);
    expect(matches('"John Smith"')).toBe(false);
    expect(matches('gold')).toBe(false);
  });

  it('booleans and numbers: email_verified:false, logins_count:150', () => {
    expect(matches('email_verified:false')).toBe(true);
    expect(matches('email_verified:true')).toBe(false);
    expect(matches('logins_count:150')).toBe(true);
    expect(matches('logins_count:15')).toBe(false);
  });
});

describe('metadata fields (SYNTAX "Searchable fields")', () => {
  it('a nested object value by its path: app_metadata.subscription.plan:"gold"', () => {
    expect(matches('app_metadata.subscription.plan:"gold"')).toBe(true);
    expect(matches('app_metadata.subscription.plan:"Gold"')).toBe(false);
  });

  it('objects in arrays by the path without the array level: user_metadata.addresses.city:"Paris"', () => {
    expect(matches('user_metadata.addresses.city:"Paris"')).toBe(true);
    expect(matches('user_metadata.addresses.city:"Lyon"')).toBe(true);
    expect(matches('user_metadata.addresses.city:"Nice"')).toBe(false);
  });

  it('numbers, booleans and array elements in metadata', () => {
    expect(matches('app_metadata.age:30')).toBe(true);
    expect(matches('app_metadata.age:30.0')).toBe(true);
    expect(matches('app_metadata.vip:true')).toBe(true);
    expect(matches('app_metadata.roles:editor')).toBe(true);
  });

  it('empty objects and null are not indexed, so they do not exist', () => {
    expect(matches('_exists_:user_metadata.empty')).toBe(false);
    expect(matches('_exists_:user_metadata.none')).toBe(false);
    expect(matches('_exists_:user_metadata.addresses')).toBe(true);
  });

  it('range and wildcard searches are refused on metadata fields', () => {
    expect(refusal('user_metadata.full_name:John*')).toEqual(
      badRequest('Wildcard searches are not available on metadata fields (user_metadata.full_name)'),
    );
    expect(refusal('app_metadata.age:[1 TO 40]')).toEqual(
      badRequest('Range searches are not available on metadata fields (app_metadata.age)'),
    );
  });
});

describe('wildcards (SYNTAX, MIGRATE, EXAMPLES)', () => {
  it('prefix: name:john* and name:j*', () => {
    expect(matches('name:jane*')).toBe(true);
    expect(matches('name:j*')).toBe(true);
    expect(matches('name:john*')).toBe(false);
  });

  it('contains, and start-and-end: name:*smith*, name:jane*smith', () => {
    expect(matches('name:*smith*')).toBe(true);
    expect(matches('name:jane*smith')).toBe(true);
    expect(matches('name:jane*jones')).toBe(false);
  });

  it('suffix matching needs 3 characters or more: name:*usa allowed, name:*sa refused', () => {
    expect(matches('name:*ith')).toBe(true);
    expect(refusal('name:*sa')).toEqual(
      badRequest(
        'A wildcard search that does not start with a literal needs 3 characters or more besides the wildcards: *sa',
      ),
    );
    expect(refusal('name:*ab*')).toMatchObject({ statusCode: 400 });
  });

  it('the ? wildcard is not supported (SYNTAX_V3_OLD)', () => {
    expect(refusal('name:j?ne')).toEqual(badRequest('The ? wildcard is not supported (position 6)'));
  });

  it('a * inside a phrase or escaped is literal', () => {
    expect(matches('name:"jane*"')).toBe(false);
    expect(matches('name:"Jane Smith" OR name:jane\\*')).toBe(true);
    expect(matches('name:jane\\*')).toBe(false);
  });
});

describe('ranges (SYNTAX_V3_OLD, EXAMPLES, MIGRATE)', () => {
  it('inclusive [100 TO 200], exclusive {100 TO 200}, mixed [100 TO 200}, open {100 TO *]', () => {
    expect(matches('logins_count:[100 TO 200]')).toBe(true);
    expect(matches('logins_count:[150 TO 200]')).toBe(true);
    expect(matches('logins_count:{150 TO 200}')).toBe(false);
    expect(matches('logins_count:[100 TO 150}')).toBe(false);
    expect(matches('logins_count:{100 TO *]')).toBe(true);
    expect(matches('logins_count:[* TO 100]')).toBe(false);
  });

  it('dates round to the period they name: last_login:{2017-11 TO 2017-12] is December 2017', () => {
    expect(matches('last_login:{2017-11 TO 2017-12]')).toBe(true);
    expect(matches('last_login:[* TO 2017-12-31]')).toBe(true);
    expect(matches('last_login:[* TO 2017-12-15}')).toBe(false);
    expect(matches('last_login:[2017-12-01 TO 2017-12-31]')).toBe(true);
    expect(matches('last_login:{2017-12 TO *]')).toBe(false);
  });

  it('v2 comparisons read as the v3 ranges the migration table gives: updated_at:>=2018-01-15 is [2018-01-15 TO *]', () => {
    expect(parseUserQuery('updated_at:>=2018-01-15')).toEqual(parseUserQuery('updated_at:[2018-01-15 TO *]'));
    expect(parseUserQuery('updated_at:>2018-01-15')).toEqual(parseUserQuery('updated_at:{2018-01-15 TO *]'));
    expect(parseUserQuery('updated_at:<=2018-01-15')).toEqual(parseUserQuery('updated_at:[* TO 2018-01-15]'));
    expect(parseUserQuery('updated_at:<2018-01-15')).toEqual(parseUserQuery('updated_at:[* TO 2018-01-15}'));
    expect(matches('logins_count:>149')).toBe(true);
    expect(matches('logins_count:<150')).toBe(false);
  });

  it('a date term names its whole period (decision): created_at:2026-01 and created_at:2026', () => {
    expect(matches('created_at:2026')).toBe(true);
    expect(matches('created_at:2026-01')).toBe(true);
    expect(matches('created_at:2026-02')).toBe(false);
    expect(matches('updated_at:"2026-01-15T10:20:30"')).toBe(true);
  });

  it('bounds must fit the field (decision)', () => {
    expect(refusal('logins_count:[a TO 5]')).toEqual(badRequest('logins_count takes an integer, not a'));
    expect(refusal('created_at:[2026-13 TO *]')).toEqual(
      badRequest('created_at takes a date such as 2017-12-31, not 2026-13'),
    );
    expect(refusal('[1 TO 5]')).toEqual(
      badRequest('The range at position 0 needs a field name, e.g. logins_count:[1 TO 5]'),
    );
  });
});

describe('operators and grouping (SYNTAX, EXAMPLES)', () => {
  it('AND, OR, NOT and parentheses', () => {
    expect(matches('name:jane* AND logins_count:150')).toBe(true);
    expect(matches('name:bob* AND logins_count:150')).toBe(false);
    expect(matches('name:bob* OR logins_count:150')).toBe(true);
    expect(matches('NOT name:bob*')).toBe(true);
    expect(matches('NOT (name:jane* AND logins_count:150)')).toBe(false);
  });

  it('AND binds tighter than OR; side-by-side terms are joined with OR (decision)', () => {
    expect(parseUserQuery('a OR b AND c')).toEqual(parseUserQuery('a OR (b AND c)'));
    expect(parseUserQuery('a b')).toEqual(parseUserQuery('a OR b'));
    expect(matches('name:bob name:jane*')).toBe(true);
  });

  it('operators must be capitalized: a lowercase and is a term', () => {
    expect(parseUserQuery('jane and bob')).toEqual({
      kind: 'or',
      clauses: [
        { kind: 'term', field: null, value: 'jane' },
        { kind: 'term', field: null, value: 'and' },
        { kind: 'term', field: null, value: 'bob' },
      ],
    });
  });

  it('a field applies to a group: email:("john@exampleco.com" OR "jane@example.com")', () => {
    expect(matches('email:("john@exampleco.com" OR "jane@example.com")')).toBe(true);
    expect(matches('email:("john@exampleco.com" OR "bob@example.com")')).toBe(false);
  });

  it('users without verified email: email_verified:false OR NOT _exists_:email_verified', () => {
    const q = 'email_verified:false OR NOT _exists_:email_verified';
    expect(matches(q)).toBe(true);
    expect(matches(q, { user_id: 'x' })).toBe(true);
    expect(matches(q, { user_id: 'x', email_verified: true })).toBe(false);
  });

  it('users that never logged in: (NOT _exists_:logins_count OR logins_count:0)', () => {
    const q = '(NOT _exists_:logins_count OR logins_count:0)';
    expect(matches(q)).toBe(false);
    expect(matches(q, { user_id: 'x' })).toBe(true);
    expect(matches(q, { user_id: 'x', logins_count: 0 })).toBe(true);
  });

  it('identities match when any identity matches: identities.connection:"google-oauth2"', () => {
    expect(matches('identities.connection:"google-oauth2"')).toBe(true);
    expect(matches('identities.isSocial:true')).toBe(true);
    expect(matches('identities.connection:"github"')).toBe(false);
  });

  it('email.domain is the part after @', () => {
    expect(matches('email.domain:"example.com"')).toBe(true);
    expect(matches('email.domain:"test.org"')).toBe(false);
  });

  it('an empty query matches every user (decision)', () => {
    expect(parseUserQuery('  ')).toEqual({ kind: 'all' });
  });
});

describe('fields search v3 refuses', () => {
  it('connection is not supported in v3: use identities.connection (MIGRATE)', () => {
    expect(refusal('connection:"google-oauth2"')).toEqual(
      badRequest('The field connection is not supported by search engine v3: use identities.connection'),
    );
  });

  it('the .raw extension is no longer supported (MIGRATE)', () => {
    expect(refusal('name.raw:"john richard doe"')).toEqual(
      badRequest('The .raw field extension is not supported by search engine v3: use name'),
    );
  });

  it('fields outside the searchable list (decision)', () => {
    expect(refusal('password:secret')).toEqual(badRequest('The field password is not searchable'));
    expect(refusal('_exists_:identities.access_token')).toEqual(
      badRequest('The field identities.access_token is not searchable'),
    );
  });
});

describe('malformed queries → 400 invalid_query_string (body: decision, see README-sources.md)', () => {
  it.each([
    ['name:(jane', 'The query ends too early'],
    ['name:jane)', 'Unexpected ) at position 9'],
    ['name:"jane', 'Unterminated phrase: the " at position 5 is never closed'],
    ['AND name:jane', 'Unexpected AND at position 0'],
    ['name:jane OR', 'The query ends too early'],
    ['name:', 'The query ends too early'],
    ['logins_count:[1 5]', 'Expected TO, found 5 at position 16'],
    ['logins_count:[1 TO 5)', 'Expected ] or } to close the range, found ) at position 20'],
    ['name:jane~', 'Fuzzy and proximity searches (~) are not supported (position 9)'],
    ['name:jane^2', 'Boosting (^) is not supported (position 9)'],
    ['-name:jane', 'The - operator is not supported: use NOT (position 0)'],
    ['name:a && name:b', 'The && operator is not supported: use AND (position 7)'],
    ['name:/ja.*/', 'Regular expressions are not supported (position 5)'],
    ['name:jane\\', 'The query ends with an escape character (\\) at position 9'],
    ['na*e:jane', 'Wildcards in field names are not supported (position 0)'],
    ['logins_count:>', '> needs a value, e.g. logins_count:>5 (position 13)'],
    ['blocked:yes', 'blocked takes true or false, not yes'],
    ['blocked:[false TO true]', 'Range searches are not available on boolean fields (blocked)'],
    ['email_verified:tru*', 'Wildcard searches are only available on text fields, not on email_verified'],
  ])('%s', (q, message) => {
    expect(refusal(q)).toEqual(badRequest(message));
  });

  it('more than 50 nested parentheses are refused; 50 are fine', () => {
    expect(parseUserQuery(`${'('.repeat(50)}name:jane${')'.repeat(50)}`)).toEqual({
      kind: 'term',
      field: 'name',
      value: 'jane',
    });
    expect(refusal(`${'('.repeat(51)}name:jane${')'.repeat(51)}`)).toEqual(
      badRequest('The query nests parentheses and NOTs more than 50 deep'),
    );
  });

  it('more than 1,024 terms (Elasticsearch’s default clause limit) are refused; 1,024 are fine', () => {
    const terms = (count: number) => Array.from({ length: count }, (_, index) => `name:n${index}`).join(' OR ');
    expect(parseUserQuery(terms(1024))).toMatchObject({ kind: 'or' });
    expect(refusal(terms(1025))).toEqual(badRequest('The query tests 1025 terms, more than the 1024 a search takes'));
    // Every kind of test counts: words, phrases, wildcards, ranges and _exists_, negated or not.
    const mixed = `${terms(1020)} OR "a b" OR name:jo* OR logins_count:[1 TO 2] OR NOT _exists_:email OR jane`;
    expect(refusal(mixed)).toEqual(badRequest('The query tests 1025 terms, more than the 1024 a search takes'));
  });

  it('the error is an Error with status 400 and serialises to the body', () => {
    const error = new SearchQueryError('x');
    expect(error).toBeInstanceOf(Error);
    expect(error.statusCode).toBe(400);
    expect(JSON.parse(JSON.stringify(error))).toEqual(badRequest('x'));
  });
});
