/** Whether a user matches a parsed search query, field by field as search v3 compares. */
import { valueEquals, valueInRange } from './compare-values.js';
import { DEFAULT_FIELDS, fieldType, type FieldType } from './field-catalogue.js';
import { fieldValues, hasIndexedValue } from './field-values.js';
import type { FieldQuery, UserQuery } from './query-ast.js';

/** Whether the user matches; a field search v3 refuses throws its SearchQueryError (parseUserQuery refuses them first). */
export function matchesUserQuery(user: Readonly<Record<string, unknown>>, query: UserQuery): boolean {
  switch (query.kind) {
    case 'all':
      return true;
    case 'and':
      return query.clauses.every((clause) => matchesUserQuery(user, clause));
    case 'or':
      return query.clauses.some((clause) => matchesUserQuery(user, clause));
    case 'not':
      return !matchesUserQuery(user, query.clause);
    default:
      return matchesFieldQuery(user, query);
  }
}

function matchesFieldQuery(user: Readonly<Record<string, unknown>>, query: FieldQuery): boolean {
  if (query.kind === 'exists') {
    fieldType(query.field);
    return hasIndexedValue(user, query.field);
  }
  const fields = query.field === null ? DEFAULT_FIELDS : [query.field];
  return fields.some((field) => {
    const type = fieldType(field);
    return fieldValues(user, field).some((stored) => {
      switch (query.kind) {
        case 'term':
        case 'phrase':
          return valueEquals(type, stored, query.value);
        case 'wildcard':
          return typeof stored === 'string' && matchesWildcard(type, stored, query.parts);
        case 'range':
          return valueInRange(type, stored, query);
      }
    });
  });
}

/** `parts` joined by `*`, anchored at both ends; case-insensitive fields compare lowercased. */
function matchesWildcard(type: FieldType, stored: string, parts: readonly string[]): boolean {
  const fold = (text: string): string => (type === 'text-ci' ? text.toLowerCase() : text);
  const value = fold(stored);
  const pieces = parts.map(fold);
  const first = pieces[0] as string;
  const last = pieces[pieces.length - 1] as string;
  if (!value.startsWith(first) || value.length < first.length + last.length || !value.endsWith(last)) return false;
  let from = first.length;
  const end = value.length - last.length;
  for (const piece of pieces.slice(1, -1)) {
    const at = value.indexOf(piece, from);
    if (at === -1 || at + piece.length > end) return false;
    from = at + piece.length;
  }
  return true;
}
