/** `GET /api/v2/users`: Auth0's user search (v3), sorted, paged and projected as Auth0 answers it. */
import type { Auth0User } from 'auth0-user-patch';
import type { EmulatorResponse } from '../http/exchange.js';
import type { QuerySchema, QueryValues } from '../http/query-params.js';
import { apiError, json } from '../http/responses.js';
import { Refusal } from '../http/refusal.js';
import {
  matchesUserQuery,
  parseSort,
  parseUserQuery,
  SearchQueryError,
  selectFields,
  userComparator,
} from '../search/index.js';

/** The query parameters of `GET /api/v2/users`, with the descriptions Auth0 quotes when it refuses one. */
export const LIST_USERS_QUERY: QuerySchema = {
  page: { type: 'integer', minimum: 0, description: 'Page index of the results to return. First page is 0.' },
  per_page: { type: 'integer', minimum: 0, maximum: 100, description: 'Number of results per page.' },
  include_totals: {
    type: 'boolean',
    description:
      'Return results inside an object that contains the total result count (true) or as a direct array of results (false, default).',
  },
  sort: {
    type: 'string',
    description:
      'Field to sort by. Use <code>field:order</code> where order is <code>1</code> for ascending and <code>-1</code> for descending. e.g. <code>created_at:1</code>',
  },
  connection: {
    type: 'string',
    description:
      'Connection filter. Only applies when using <code>search_engine=v1</code>. To filter by connection with <code>search_engine=v2|v3</code>, use <code>q=identities.connection:"connection_name"</code>',
  },
  fields: {
    type: 'string',
    description:
      'Comma-separated list of fields to include or exclude (based on value provided for include_fields) in the result. Leave empty to retrieve all fields.',
  },
  include_fields: {
    type: 'boolean',
    description: 'Whether specified fields are to be included (true) or excluded (false).',
  },
  q: {
    type: 'string',
    description:
      "Query in <a target='_new' href ='https://lucene.apache.org/core/2_9_4/queryparsersyntax.html'>Lucene query string syntax</a>. Some query types cannot be used on metadata fields, for details see <a href='https://auth0.com/docs/users/search/v3/query-syntax#searchable-fields'>Searchable Fields</a>.",
  },
  search_engine: { type: 'string', values: ['v1', 'v2', 'v3'], description: 'The version of the search engine' },
  primary_order: {
    type: 'boolean',
    description:
      'If true (default), results are returned in a deterministic order. If false, results may be returned in a non-deterministic order, which can enhance performance for complex queries targeting a small number of users. Set to false only when consistent ordering and pagination is not required.',
  },
};

/** Auth0's default page size. */
const DEFAULT_PER_PAGE = 50;
/** Auth0's search returns at most the first 1,000 matches, however it is paged. */
const MAX_RESULTS = 1000;

/** Answers a list or search request over the stored users, in the order they were stored unless sorted. */
export function listUsers(users: readonly Auth0User[], query: QueryValues): EmulatorResponse {
  const engine = query['search_engine'];
  if (engine === 'v1') return apiError(400, 'You are not allowed to use search_engine=v1.', 'invalid_query_string');
  if (engine === 'v2')
    return apiError(
      400,
      'You are not allowed to use search_engine=v2. Use search_engine=v3 instead.',
      'invalid_query_string',
    );
  let matched = users;
  const q = query['q'];
  if (typeof q === 'string' && q.trim() !== '') {
    const parsed = attemptSearch(() => parseUserQuery(q));
    matched = users.filter((user) => matchesUserQuery(user, parsed));
  }
  const sort = query['sort'];
  if (typeof sort === 'string') {
    const order = attemptSearch(() => parseSort(sort));
    matched = [...matched].sort(userComparator(order));
  }
  const page = (query['page'] as number | undefined) ?? 0;
  const perPage = (query['per_page'] as number | undefined) ?? DEFAULT_PER_PAGE;
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
  const projected = slice.map((user) =>
    selectFields(user, query['fields'] as string | undefined, query['include_fields'] as boolean | undefined),
  );
  return json(
    200,
    query['include_totals'] === true
      ? { start, limit: perPage, length: projected.length, users: projected, total }
      : projected,
  );
}

/** Runs a step of the search, turning a malformed query or sort into Auth0's 400. */
function attemptSearch<T>(step: () => T): T {
  try {
    return step();
  } catch (error) {
    if (error instanceof SearchQueryError) throw new Refusal(json(400, (error as SearchQueryError).toJSON()));
    throw error;
  }
}
