/** Offset paging as the Management API answers its list routes: a bare array, or `{ <key>, start, limit, total }`. */
import { json } from './responses.js';
import type { EmulatorResponse } from './exchange.js';

/** The paging parameters of a list route's query. */
export type OffsetPaging = { readonly page?: number; readonly per_page?: number; readonly include_totals?: boolean };

const DEFAULT_PER_PAGE = 50;

/**
 * One page of `items` (`page`, `per_page`), as an array or, with `include_totals=true`, as `{ [key], start, limit,
 * total }`; `show` makes each item of the page its answer (only those of the page).
 */
export function offsetPage<T>(
  key: string,
  items: readonly T[],
  query: OffsetPaging,
  show: (item: T) => unknown = (item) => item,
): EmulatorResponse {
  const perPage = query.per_page ?? DEFAULT_PER_PAGE;
  const start = (query.page ?? 0) * perPage;
  const slice = items.slice(start, start + perPage).map(show);
  return json(
    200,
    query.include_totals === true ? { [key]: slice, start, limit: perPage, total: items.length } : slice,
  );
}
