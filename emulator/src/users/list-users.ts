/** `GET /api/v2/users`: Auth0's user search (v3), sorted, paged and projected as Auth0 answers it. */
import type { Auth0User } from 'auth0-user-patch';
import type { EmulatorResponse } from '../http/exchange.js';
import type { Infer } from '../http/json-schema.js';
import { apiError, json } from '../http/responses.js';
import { Refusal } from '../http/refusal.js';
import type { MANAGEMENT_API_OPERATIONS } from '../routes/management-api.generated.js';
import {
  compileUserQuery,
  parseSort,
  parseUserQuery,
  SearchQueryError,
  selectFields,
  userComparator,
} from '../search/index.js';

/** The checked query of `GET /api/v2/users`. */
export type ListUsersQuery = Infer<(typeof MANAGEMENT_API_OPERATIONS)['GET /users']['query']>;

/**
 * What a search may spend: 500,000 tests and compared values, and 128 more for each user in the store. Past it the
 * answer is Auth0's 503 for a query that exceeded its (two-second) timeout: the work is counted, not timed, so the
 * answer does not depend on the machine, and no search holds the server for long (a decision; Auth0 times out).
 */
const SEARCH_BUDGET = { base: 500_000, perUser: 128 };

/** Auth0's default page size. */
const DEFAULT_PER_PAGE = 50;
/** Auth0's search returns at most the first 1,000 matches, however it is paged. */
const MAX_RESULTS = 1000;

/** Answers a list or search request over the stored users, in the order they were stored unless sorted. */
export function listUsers(users: readonly Auth0User[], query: ListUsersQuery): EmulatorResponse {
  const engine = query.search_engine;
  if (engine === 'v1') return apiError(400, 'You are not allowed to use search_engine=v1.', 'invalid_query_string');
  if (engine === 'v2')
    return apiError(
      400,
      'You are not allowed to use search_engine=v2. Use search_engine=v3 instead.',
      'invalid_query_string',
    );
  let matched = users;
  const { q, sort } = query;
  if (q !== undefined && q.trim() !== '') {
    const meter = { spent: 0 };
    const matches = attemptSearch(() => compileUserQuery(parseUserQuery(q), meter));
    const budget = SEARCH_BUDGET.base + SEARCH_BUDGET.perUser * users.length;
    const found: Auth0User[] = [];
    for (const user of users) {
      if (matches(user)) found.push(user);
      if (meter.spent > budget) return searchTimeout();
    }
    matched = found;
  }
  if (sort !== undefined) {
    const order = attemptSearch(() => parseSort(sort));
    matched = [...matched].sort(userComparator(order));
  }
  const page = query.page ?? 0;
  const perPage = query.per_page ?? DEFAULT_PER_PAGE;
  const start = page * perPage;
  if (start + perPage > MAX_RESULTS) {
    return apiError(
      400,
      'You can only page through the first 1000 records. See https://auth0.com/docs/users/search/v3/view-search-results-by-page#limitation.',
      'invalid_query_string',
    );
  }
  const total = Math.min(matched.length, MAX_RESULTS);
  const slice = matched.slice(start, Math.min(start + perPage, total));
  const projected = slice.map((user) => selectFields(user, query.fields, query.include_fields));
  return json(
    200,
    query.include_totals === true
      ? { start, limit: perPage, length: projected.length, users: projected, total }
      : projected,
  );
}

/** Auth0's 503 for a search that took too long, in the OAS's words. */
function searchTimeout(): EmulatorResponse {
  return apiError(
    503,
    'The query exceeded the timeout. Please try refining your search criteria. See https://auth0.com/docs/best-practices/search-best-practices.',
  );
}

/** Runs a step of the search, turning a malformed query or sort into Auth0's 400. */
function attemptSearch<T>(step: () => T): T {
  try {
    return step();
  } catch (error) {
    if (error instanceof SearchQueryError) throw new Refusal(json(400, error.toJSON()));
    throw error;
  }
}
