/**
 * Which users a query can match, from the store's indexes: a term or phrase on an indexed field names its users, an
 * `AND` the fewest of any of its clauses, an `OR` all of its clauses' when each has them; anything else needs a scan.
 * The candidates are a superset of the matches: the compiled query still tests each one.
 */
import type { UserQuery } from './query-ast.js';

/** The users holding the value a term or phrase equals under a field, or `undefined` when the field has no index. */
export type IndexLookup = (field: string, text: string) => readonly string[] | undefined;

/** The ids of the only users that can match `query`, or `undefined` when a scan is needed. */
export function candidateIds(query: UserQuery, lookup: IndexLookup): ReadonlySet<string> | undefined {
  switch (query.kind) {
    case 'term':
    case 'phrase': {
      const ids = query.field === null ? undefined : lookup(query.field, query.value);
      return ids === undefined ? undefined : new Set(ids);
    }
    case 'and': {
      let fewest: ReadonlySet<string> | undefined;
      for (const clause of query.clauses) {
        const ids = candidateIds(clause, lookup);
        if (ids !== undefined && (fewest === undefined || ids.size < fewest.size)) fewest = ids;
      }
      return fewest;
    }
    case 'or': {
      const union = new Set<string>();
      for (const clause of query.clauses) {
        const ids = candidateIds(clause, lookup);
        if (ids === undefined) return undefined;
        for (const id of ids) union.add(id);
      }
      return union;
    }
    default:
      return undefined;
  }
}
