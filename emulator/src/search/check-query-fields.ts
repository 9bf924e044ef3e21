/** Refuses what search v3 does not do with a field: unknown fields, wildcards and ranges where unavailable, values of the wrong type. */
import { parseDatePeriod } from './date-period.js';
import { fieldType, type FieldType } from './field-catalogue.js';
import type { FieldQuery, UserQuery } from './query-ast.js';
import { SearchQueryError } from './search-query-error.js';

/** A wildcard that does not start with a literal needs this many literal characters. */
const MIN_WILDCARD_LITERALS = 3;

/** Throws Auth0's {@link SearchQueryError} for the first field test search v3 refuses. */
export function checkQueryFields(query: UserQuery): void {
  switch (query.kind) {
    case 'all':
      return;
    case 'and':
    case 'or':
      query.clauses.forEach(checkQueryFields);
      return;
    case 'not':
      checkQueryFields(query.clause);
      return;
    default:
      checkFieldQuery(query);
  }
}

function checkFieldQuery(query: FieldQuery): void {
  if (query.kind === 'wildcard') checkWildcardLiterals(query.parts);
  if (query.field === null) return;
  const type = fieldType(query.field);
  switch (query.kind) {
    case 'term':
    case 'phrase':
      checkValue(query.field, type, query.value);
      return;
    case 'wildcard':
      if (type === 'metadata')
        throw new SearchQueryError(`Wildcard searches are not available on metadata fields (${query.field})`);
      if (type !== 'text' && type !== 'text-ci')
        throw new SearchQueryError(`Wildcard searches are only available on text fields, not on ${query.field}`);
      return;
    case 'range':
      if (type === 'metadata')
        throw new SearchQueryError(`Range searches are not available on metadata fields (${query.field})`);
      if (type === 'boolean')
        throw new SearchQueryError(`Range searches are not available on boolean fields (${query.field})`);
      for (const bound of [query.lower, query.upper]) if (bound !== null) checkValue(query.field, type, bound);
      return;
    case 'exists':
      return;
  }
}

function checkWildcardLiterals(parts: readonly string[]): void {
  const literals = Array.from(parts.join('')).length;
  if (parts[0] === '' && literals < MIN_WILDCARD_LITERALS) {
    throw new SearchQueryError(
      `A wildcard search that does not start with a literal needs ${MIN_WILDCARD_LITERALS} characters or more besides the wildcards: ${parts.join('*')}`,
    );
  }
}

function checkValue(field: string, type: FieldType, value: string): void {
  if (type === 'integer' && !/^[+-]?\d+$/.test(value))
    throw new SearchQueryError(`${field} takes an integer, not ${value}`);
  if (type === 'boolean' && value !== 'true' && value !== 'false')
    throw new SearchQueryError(`${field} takes true or false, not ${value}`);
  if (type === 'date' && parseDatePeriod(value) === undefined)
    throw new SearchQueryError(`${field} takes a date such as 2017-12-31, not ${value}`);
}
