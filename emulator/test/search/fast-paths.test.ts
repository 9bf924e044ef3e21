/**
 * The search's fast paths against the plain scan they replace (differential properties): the prepared field reader
 * against `fieldValues`, and a search answered from the store's indexes (terms and phrases on `email`, `user_id`,
 * `username`, `identities.user_id`, alone or under AND, OR and NOT), after random writes and deletes, against the
 * compiled query tested on every stored user in order.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Auth0User } from 'auth0-user-patch';
import { compileUserQuery, parseUserQuery, printUserQuery, type UserQuery } from '../../src/search/index.js';
import { fieldReader, fieldValues } from '../../src/search/field-values.js';
import { createUserStore, type UserStore } from '../../src/store/user-store.js';
import { searchUsers } from '../../src/users/list-users.js';
import {
  BOOLEAN_FIELDS,
  DATE_FIELDS,
  TEXT_FIELDS,
  fieldQuery,
  user,
  userQuery,
  userVocabulary,
} from './arbitraries.js';

const INDEXED = ['email', 'user_id', 'username', 'identities.user_id'];
const VALUES = ['jane@example.com', 'JANE@Example.COM', 'auth0|1', 'auth0|22', 'Jane', 'jane', '1', '3', '3.0', 'true'];

/** A user of the generated shape, with a username sometimes and identity ids that are sometimes numbers or booleans. */
const storedUser = fc
  .tuple(
    user,
    fc.option(fc.constantFrom('Jane', 'jane', 'bob'), { nil: undefined }),
    fc.constantFrom<unknown>('1', '3', 3, true),
  )
  .map(([generated, username, identityId]) => {
    const identities = Array.isArray(generated['identities'])
      ? (generated['identities'] as Record<string, unknown>[]).map((identity, index) =>
          index === 0 ? { ...identity, user_id: identityId } : identity,
        )
      : undefined;
    return {
      ...generated,
      ...(username === undefined ? {} : { username }),
      ...(identities === undefined ? {} : { identities }),
    };
  });

/** A term or phrase on an indexed field, alone or mixed with any other clause. */
const indexedLeaf: fc.Arbitrary<UserQuery> = fc.record({
  kind: fc.constantFrom('term' as const, 'phrase' as const),
  field: fc.constantFrom(...INDEXED),
  value: fc.constantFrom(...VALUES),
});
const indexedQuery: fc.Arbitrary<UserQuery> = fc.letrec<{ query: UserQuery }>((tie) => ({
  query: fc.oneof(
    { depthSize: 'small', maxDepth: 3 },
    indexedLeaf,
    indexedLeaf,
    fieldQuery(userVocabulary),
    fc.record({ kind: fc.constant('and' as const), clauses: fc.array(tie('query'), { minLength: 2, maxLength: 3 }) }),
    fc.record({ kind: fc.constant('or' as const), clauses: fc.array(tie('query'), { minLength: 2, maxLength: 3 }) }),
    fc.record({ kind: fc.constant('not' as const), clause: tie('query') }),
  ),
})).query;

/** A write to the store: a user stored (new, or in place of one with its id), or a user deleted. */
type Write = { kind: 'put'; user: Record<string, unknown>; id: number } | { kind: 'delete'; id: number };
const write: fc.Arbitrary<Write> = fc.oneof(
  fc.record({ kind: fc.constant('put' as const), user: storedUser, id: fc.integer({ min: 0, max: 11 }) }),
  fc.record({ kind: fc.constant('delete' as const), id: fc.integer({ min: 0, max: 11 }) }),
);

/** A store after the writes; a write the store's invariants refuse is skipped. */
function storeAfter(writes: readonly Write[]): UserStore {
  const store = createUserStore();
  for (const step of writes) {
    const id = `auth0|${step.id % 3 === 0 ? step.id : `${step.id}x`}`;
    if (step.kind === 'delete') store.delete(id);
    else {
      const candidate: Auth0User = { ...step.user, user_id: id };
      if (store.findConflict(candidate, id) === undefined) store.put(candidate);
    }
  }
  return store;
}

/** The plain scan: the compiled query on every stored user, in the store's order. */
function scan(store: UserStore, q: string): string[] {
  const matches = compileUserQuery(parseUserQuery(q));
  return [...store.view.values()].filter((stored) => matches(stored)).map((stored) => String(stored.user_id));
}

const ids = (found: ReturnType<typeof searchUsers>) =>
  found === 'timeout' ? found : found.map((stored) => String(stored.user_id));

describe('the prepared field reader', () => {
  it('reads what fieldValues reads, on every kind of field, arrays and missing values included', () => {
    const field = fc.oneof(
      fc.constantFrom(...TEXT_FIELDS, ...BOOLEAN_FIELDS, ...DATE_FIELDS, 'logins_count', 'identities.user_id'),
      fc
        .tuple(fc.constantFrom('app_metadata', 'user_metadata'), userVocabulary.metadataPath)
        .map(([root, path]) => `${root}.${path}`),
      fc.constantFrom('user_metadata.constructor', 'user_metadata.toString', 'email.length', '__proto__'),
    );
    fc.assert(
      fc.property(storedUser, field, (someUser, name) => {
        expect([...fieldReader(name)(someUser)]).toEqual(fieldValues(someUser, name));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('a search answered from the indexes', () => {
  it('finds what the plain scan finds, in the same order, after random writes and deletes', () => {
    const seen = { indexedMatches: 0 };
    fc.assert(
      fc.property(fc.array(write, { maxLength: 25 }), indexedQuery, (writes, query) => {
        const store = storeAfter(writes);
        const q = printUserQuery(query);
        const found = ids(searchUsers(store, q, false));
        expect(found).toEqual(scan(store, q));
        if (found !== 'timeout' && found.length > 0) seen.indexedMatches++;
      }),
      { numRuns: 2000 },
    );
    // The property saw matches, not only empty answers.
    expect(seen.indexedMatches).toBeGreaterThan(100);
  });

  it('finds what the plain scan finds for any query of the search properties', () => {
    fc.assert(
      fc.property(fc.array(write, { maxLength: 15 }), userQuery(userVocabulary), (writes, query) => {
        const store = storeAfter(writes);
        const q = printUserQuery(query);
        expect(ids(searchUsers(store, q, true))).toEqual(scan(store, q));
      }),
      { numRuns: 1000 },
    );
  });

  it('finds what the plain scan finds when more fields are searched than are indexed at once', () => {
    const store = createUserStore();
    for (let index = 0; index < 40; index++)
      store.put({ user_id: `auth0|${index}`, app_metadata: { [`f${index % 20}`]: index % 3, tag: `t${index % 4}` } });
    const queries = [
      ...Array.from({ length: 20 }, (_, field) => `app_metadata.f${field}:1`),
      'app_metadata.tag:t1',
      'app_metadata.f0:0',
    ];
    for (const q of [...queries, ...queries]) {
      store.put({ user_id: 'auth0|0', app_metadata: { f0: 1, tag: 't1' } });
      expect(ids(searchUsers(store, q, false))).toEqual(scan(store, q));
    }
  });

  it('answers the first 1,000 matches without a sort, every match with one', () => {
    const store = createUserStore();
    for (let index = 0; index < 1500; index++)
      store.put({ user_id: `auth0|${index}`, email: `user${index}@example.com`, user_metadata: { plan: 'pro' } });
    const all = scan(store, 'user_metadata.plan:pro');
    expect(ids(searchUsers(store, 'user_metadata.plan:pro', false))).toEqual(all.slice(0, 1000));
    expect(ids(searchUsers(store, 'user_metadata.plan:pro', true))).toEqual(all);
  });

  it('reuses a compiled query with a fresh budget for each search', () => {
    const store = createUserStore();
    for (let index = 0; index < 150; index++) store.put({ user_id: `auth0|${index}`, name: `n${index}` });
    // 1,024 wildcards that match nobody, each reading one name (2 units) of 150 users: 307,200 of the 519,200 a
    // search may spend, so a second search that went on from the first one's spending would time out.
    const q = Array.from({ length: 1024 }, (_, index) => `name:zz${index}*`).join(' OR ');
    for (let round = 0; round < 3; round++) expect(searchUsers(store, q, false)).toEqual([]);
  });
});
