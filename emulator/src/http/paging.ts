/** Offset paging as the Management API answers its list routes: a bare array, or `{ <key>, start, limit, total }`. */
import type { QueryParam, QueryValues } from './query-params.js';
import { json } from './responses.js';
import type { EmulatorResponse } from './exchange.js';

/** The paging parameters of the roles and permissions routes, with the descriptions Auth0's OAS gives them. */
export const PAGING_QUERY = {
  per_page: { type: 'integer', minimum: 1, maximum: 100, description: 'Number of results per page. Defaults to 50.' },
  page: { type: 'integer', minimum: 0, description: 'Page index of the results to return. First page is 0.' },
  include_totals: {
    type: 'boolean',
    description:
      'Return results inside an object that contains the total result count (true) or as a direct array of results (false, default).',
  },
} as const satisfies Record<string, QueryParam>;

const DEFAULT_PER_PAGE = 50;

/** One page of `items` (`page`, `per_page`), as an array or, with `include_totals=true`, as `{ [key], start, limit, total }`. */
export function offsetPage(key: string, items: readonly unknown[], query: QueryValues): EmulatorResponse {
  const perPage = (query['per_page'] as number | undefined) ?? DEFAULT_PER_PAGE;
  const start = ((query['page'] as number | undefined) ?? 0) * perPage;
  const slice = items.slice(start, start + perPage);
  return json(
    200,
    query['include_totals'] === true ? { [key]: slice, start, limit: perPage, total: items.length } : slice,
  );
}
