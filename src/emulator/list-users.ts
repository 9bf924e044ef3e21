import type { Auth0User } from '../types.js';
import { invalidQuery, jsonResponse } from './responses.js';

const PAGE = 'Page index of the results to return. First page is 0.';
const PER_PAGE = 'Number of results per page. Paging is disabled if parameter not sent.';
const INCLUDE_TOTALS = 'Return results inside an object that contains the total result count (true) or as a direct array of results (false, default).';

/**
 * `GET /api/v2/users`: the users in the order they were stored, paged by `page` (from 0) and `per_page` (at most
 * 100; 50 when `page` is given alone), as an array, or with `include_totals=true` as
 * `{ start, limit, length, total, users }`.
 *
 * @example
 * await listUsers(users, new URLSearchParams('page=0&per_page=2&include_totals=true')).json();
 * // { start: 0, limit: 2, length: 2, total: 5, users: [...] }
 */
export function listUsers(users: readonly Auth0User[], query: URLSearchParams): Response {
  const page = readNumber(query, 'page', PAGE, 0);
  if (page instanceof Response) return page;
  const perPage = readNumber(query, 'per_page', PER_PAGE, query.has('page') ? 50 : users.length);
  if (perPage instanceof Response) return perPage;
  const includeTotals = query.get('include_totals');
  if (includeTotals !== null && includeTotals !== 'true' && includeTotals !== 'false') {
    return invalidQuery(`Expected type boolean but found type string`, 'include_totals', INCLUDE_TOTALS);
  }
  const start = page * perPage;
  const slice = users.slice(start, start + perPage);
  return jsonResponse(
    200,
    includeTotals === 'true' ? { start, limit: perPage, length: slice.length, total: users.length, users: slice } : slice,
  );
}

function readNumber(query: URLSearchParams, name: string, description: string, fallback: number): number | Response {
  const text = query.get(name);
  if (text === null) return fallback;
  const value = Number(text);
  if (text.trim() === '' || !Number.isInteger(value)) {
    return invalidQuery(`Expected type integer but found type string`, name, description);
  }
  if (value < 0) return invalidQuery(`Value ${value} is less than minimum 0`, name, description);
  if (name === 'per_page' && value > 100) return invalidQuery(`Value ${value} is greater than maximum 100`, name, description);
  return value;
}
