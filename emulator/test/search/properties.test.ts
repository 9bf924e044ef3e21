/** Properties of the user search: printing round-trips, parsing fails only with SearchQueryError, matching agrees with a naive model. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matchesUserQuery, parseUserQuery, printUserQuery, SearchQueryError } from '../../src/search/index.js';
import { anyTextVocabulary, fieldQuery, user, userQuery, userVocabulary } from './arbitraries.js';
import { referenceMatches } from './reference-matcher.js';

/** Parses, turning a SearchQueryError into its body and letting any other throw escape. */
function parseOrBody(q: string): unknown {
  try {
    return parseUserQuery(q);
  } catch (error) {
    if (error instanceof SearchQueryError) return error.toJSON();
    throw error;
  }
}

const tokenSoup = fc
  .tuple(
    fc.array(
      fc.oneof(
        fc.constantFrom(
          '(',
          ')',
          '[',
          ']',
          '{',
          '}',
          ':',
          '"',
          '\\',
          '*',
          ' ',
          'AND',
          'OR',
          'NOT',
          'TO',
          '_exists_',
          '>',
          '>=',
          '<',
          '=',
          '&&',
          '||',
          '?',
          '-',
          '+',
          '!',
          '^',
          '~',
          '/',
        ),
        fc.constantFrom(
          'name',
          'email',
          'logins_count',
          'created_at',
          'app_metadata.plan',
          'user_metadata.x',
          'connection',
          'name.raw',
          'foo',
          'jane',
          '2026-01',
          '5',
          'true',
        ),
        fc.string({ maxLength: 3 }),
      ),
      { maxLength: 25 },
    ),
    fc.constantFrom(' ', ''),
  )
  .map(([tokens, separator]) => tokens.join(separator));

describe('printUserQuery / parseUserQuery round trip', () => {
  it('parses a printed tree back to the same tree, whatever characters its values hold', () => {
    fc.assert(
      fc.property(userQuery(anyTextVocabulary), (query) => {
        expect(parseUserQuery(printUserQuery(query))).toEqual(query);
      }),
      { numRuns: 2000 },
    );
  });

  it('parses a printed tree of everyday values back to the same tree', () => {
    fc.assert(
      fc.property(userQuery(userVocabulary), (query) => {
        expect(parseUserQuery(printUserQuery(query))).toEqual(query);
      }),
      { numRuns: 500 },
    );
  });
});

/** Parses; checks the outcome is a query tree or Auth0's 400 body, whichever it is. */
function parsesOrRefuses(q: string): void {
  const outcome = parseOrBody(q) as { kind?: unknown; statusCode?: unknown; errorCode?: unknown };
  if (outcome.statusCode === undefined) expect(outcome.kind).toEqual(expect.any(String));
  else expect(outcome).toMatchObject({ statusCode: 400, errorCode: 'invalid_query_string' });
}

describe('parseUserQuery throws nothing but SearchQueryError', () => {
  it('on any string', () => {
    fc.assert(fc.property(fc.string({ maxLength: 60 }), parsesOrRefuses), { numRuns: 3000 });
  });

  it('on any full-unicode string', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 60 }), parsesOrRefuses), { numRuns: 3000 });
  });

  it('on soups of query tokens', () => {
    fc.assert(fc.property(tokenSoup, parsesOrRefuses), { numRuns: 5000 });
  });

  it('on very deep nesting, refusing it with a 400 instead of overflowing the stack', () => {
    for (const q of [
      '('.repeat(100_000) + 'a' + ')'.repeat(100_000),
      'NOT '.repeat(100_000) + 'a',
      '('.repeat(100_000),
    ]) {
      expect(parseOrBody(q)).toMatchObject({ statusCode: 400, errorCode: 'invalid_query_string' });
    }
  });

  it('on a very long flat query', () => {
    const q = Array.from({ length: 50_000 }, (_, index) => `name:n${index}`).join(' OR ');
    expect(parseOrBody(q)).toMatchObject({ statusCode: 400, errorCode: 'invalid_query_string' });
  });
});

describe('matchesUserQuery agrees with the naive reference matcher', () => {
  it('on random users and random queries', () => {
    fc.assert(
      fc.property(user, userQuery(userVocabulary), (someUser, query) => {
        expect(matchesUserQuery(someUser, query)).toBe(referenceMatches(someUser, query));
      }),
      { numRuns: 5000 },
    );
  });

  it('on random users and single leaves, both matching and not matching', () => {
    const outcomes = new Set<boolean>();
    fc.assert(
      fc.property(user, fieldQuery(userVocabulary), (someUser, query) => {
        const matched = matchesUserQuery(someUser, query);
        outcomes.add(matched);
        expect(matched).toBe(referenceMatches(someUser, query));
      }),
      { numRuns: 500 },
    );
    expect([...outcomes].sort()).toEqual([false, true]);
  });

  it('never changes the user it looks at', () => {
    fc.assert(
      fc.property(user, userQuery(userVocabulary), (someUser, query) => {
        const before = structuredClone(someUser);
        matchesUserQuery(someUser, query);
        expect(someUser).toEqual(before);
      }),
      { numRuns: 300 },
    );
  });
});
