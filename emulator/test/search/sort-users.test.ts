/** `sort` of GET /api/v2/users: `field:1` / `field:-1` (https://auth0.com/docs/users/search/v3 "Sort results"). */
import { describe, expect, it } from 'vitest';
import { parseSort, SearchQueryError, userComparator } from '../../src/search/index.js';

const users = [
  { user_id: 'a', name: 'bob', logins_count: 10, created_at: '2026-01-02T00:00:00.000Z' },
  { user_id: 'b', name: 'Alice', created_at: '2025-06-01T00:00:00.000Z' },
  { user_id: 'c', name: 'carol', logins_count: 2, created_at: '2026-01-01T00:00:00.000Z' },
  { user_id: 'd', logins_count: 2 },
];

const idsSortedBy = (sort: string) => [...users].sort(userComparator(parseSort(sort))).map((user) => user.user_id);

describe('parseSort', () => {
  it('reads field:1 as ascending and field:-1 as descending', () => {
    expect(parseSort('created_at:1')).toEqual({ field: 'created_at', order: 1 });
    expect(parseSort('identities.connection:-1')).toEqual({ field: 'identities.connection', order: -1 });
  });

  it.each(['created_at', 'created_at:2', 'created_at:asc', ':1', 'created at:1', 'created_at:1 '])(
    'refuses %j with the schema pattern Auth0 checks (pattern: auth0/ruby-auth0 users.rb; wording: decision)',
    (sort) => {
      let caught: unknown;
      try {
        parseSort(sort);
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(SearchQueryError);
      expect((caught as SearchQueryError).toJSON()).toEqual({
        statusCode: 400,
        error: 'Bad Request',
        message: `Query validation error: 'String does not match pattern ^(([a-zA-Z0-9_\\.]+))\\:(1|-1)$: ${sort}' on property sort (Field to sort by. Use <code>field:order</code> where order is <code>1</code> for ascending and <code>-1</code> for descending. e.g. <code>created_at:1</code>).`,
        errorCode: 'invalid_query_string',
      });
    },
  );

  it('refuses sorting by metadata (https://auth0.com/docs/manage-users/user-search/v2: "Sorting by app_metadata or user_metadata is not supported")', () => {
    expect(() => parseSort('app_metadata.plan:1')).toThrow('Sorting by app_metadata or user_metadata is not supported');
  });
});

describe('userComparator', () => {
  it('sorts numbers by value, ascending and descending, users without the field last both ways (decision)', () => {
    expect(idsSortedBy('logins_count:1')).toEqual(['c', 'd', 'a', 'b']);
    expect(idsSortedBy('logins_count:-1')).toEqual(['a', 'c', 'd', 'b']);
  });

  it('sorts dates by instant', () => {
    expect(idsSortedBy('created_at:1')).toEqual(['b', 'c', 'a', 'd']);
    expect(idsSortedBy('created_at:-1')).toEqual(['a', 'c', 'b', 'd']);
  });

  it('sorts case-insensitive fields without regard to case (decision)', () => {
    expect(idsSortedBy('name:1')).toEqual(['b', 'a', 'c', 'd']);
  });

  it('keeps the input order of ties and never changes the users', () => {
    const before = structuredClone(users);
    expect(idsSortedBy('nickname:1')).toEqual(['a', 'b', 'c', 'd']);
    expect(users).toEqual(before);
  });
});
