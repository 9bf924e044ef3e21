/** The `sort` parameter of `GET /api/v2/users`: `field:1` (ascending) or `field:-1` (descending). */
import { compareKeys } from './compare-values.js';
import { storedInstant } from './date-period.js';
import { fieldValues, type IndexedValue } from './field-values.js';
import { SearchQueryError } from './search-query-error.js';

/** A parsed `sort`. */
export interface UserSort {
  readonly field: string;
  readonly order: 1 | -1;
}

/** The pattern Auth0's schema gives `sort`. */
const SORT_PATTERN = /^(([a-zA-Z0-9_\.]+))\:(1|-1)$/;
const SORT_DESCRIPTION =
  'Field to sort by. Use <code>field:order</code> where order is <code>1</code> for ascending and <code>-1</code> for descending. e.g. <code>created_at:1</code>';
const DATE_FIELDS = new Set(['created_at', 'updated_at', 'last_login', 'last_password_reset']);
const CASE_INSENSITIVE_FIELDS = new Set(['email', 'name', 'given_name', 'family_name', 'nickname']);

/** The sort a `sort` value asks for, or Auth0's 400 for a value off the pattern or on metadata. */
export function parseSort(sort: string): UserSort {
  const match = SORT_PATTERN.exec(sort);
  if (match === null) {
    throw new SearchQueryError(
      `Query validation error: 'String does not match pattern ${SORT_PATTERN.source}: ${sort}' on property sort (${SORT_DESCRIPTION}).`,
    );
  }
  const field = match[1] as string;
  const root = field.split('.')[0];
  if (root === 'app_metadata' || root === 'user_metadata')
    throw new SearchQueryError('Sorting by app_metadata or user_metadata is not supported');
  return { field, order: match[3] === '-1' ? -1 : 1 };
}

/** Orders users by the sort's field; users without a value come last in both orders; ties keep their order. */
export function userComparator(
  sort: UserSort,
): (left: Readonly<Record<string, unknown>>, right: Readonly<Record<string, unknown>>) => number {
  return (left, right) => {
    const leftKey = sortKey(sort.field, left);
    const rightKey = sortKey(sort.field, right);
    if (leftKey === undefined || rightKey === undefined)
      return (leftKey === undefined ? 1 : 0) - (rightKey === undefined ? 1 : 0);
    const byType = leftKey.rank - rightKey.rank;
    return sort.order * (byType !== 0 ? byType : compareKeys(leftKey.key, rightKey.key));
  };
}

/** The user's first value for the field, as a key: numbers before booleans before text. */
function sortKey(
  field: string,
  user: Readonly<Record<string, unknown>>,
): { rank: number; key: number | string } | undefined {
  const value: IndexedValue | undefined = fieldValues(user, field)[0];
  if (value === undefined) return undefined;
  if (typeof value === 'number') return { rank: 0, key: value };
  if (typeof value === 'boolean') return { rank: 1, key: value ? 1 : 0 };
  const instant = DATE_FIELDS.has(field) ? storedInstant(value) : undefined;
  if (instant !== undefined) return { rank: 0, key: instant };
  return { rank: 2, key: CASE_INSENSITIVE_FIELDS.has(field) ? value.toLowerCase() : value };
}
