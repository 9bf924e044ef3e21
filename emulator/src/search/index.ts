/** User search v3 for the emulator: parse `q`, match users, sort, select fields. */
export type {
  AndQuery,
  ExistsQuery,
  FieldName,
  FieldQuery,
  MatchAll,
  NotQuery,
  OrQuery,
  PhraseQuery,
  RangeQuery,
  TermQuery,
  UserQuery,
  WildcardQuery,
} from './query-ast.js';
export { SearchQueryError, type SearchErrorBody } from './search-query-error.js';
export { parseUserQuery, MAX_QUERY_NESTING, MAX_QUERY_TERMS } from './parse-query.js';
export { checkQueryFields } from './check-query-fields.js';
export { printUserQuery } from './print-query.js';
export { compileUserQuery, matchesUserQuery } from './match-query.js';
export { parseSort, userComparator, type UserSort } from './sort-users.js';
export { selectFields } from './select-fields.js';
