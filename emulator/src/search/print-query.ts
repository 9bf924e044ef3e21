/** Prints a {@link UserQuery} as a query string that parses back to the same tree. */
import type { FieldQuery, UserQuery } from './query-ast.js';

/** Characters a word must escape with a backslash to stay one literal word. */
const SPECIAL_CHARACTERS = new Set([
  '\\',
  '(',
  ')',
  '[',
  ']',
  '{',
  '}',
  ':',
  '"',
  '*',
  '?',
  '~',
  '^',
  '!',
  '+',
  '-',
  '/',
  '&',
  '|',
  '<',
  '>',
]);
const KEYWORDS = new Set(['AND', 'OR', 'NOT', 'TO']);

/** The query string of a tree; compound clauses inside another are parenthesised. */
export function printUserQuery(query: UserQuery): string {
  switch (query.kind) {
    case 'all':
      return '';
    case 'and':
      return query.clauses.map(printClause).join(' AND ');
    case 'or':
      return query.clauses.map(printClause).join(' OR ');
    case 'not':
      return `NOT ${printClause(query.clause)}`;
    default:
      return printFieldQuery(query);
  }
}

function printClause(query: UserQuery): string {
  return query.kind === 'and' || query.kind === 'or' ? `(${printUserQuery(query)})` : printUserQuery(query);
}

function printFieldQuery(query: FieldQuery): string {
  switch (query.kind) {
    case 'exists':
      return `_exists_:${quote(query.field)}`;
    case 'range':
      return `${escapeWord(query.field)}:${query.lowerInclusive ? '[' : '{'}${printBound(query.lower)} TO ${printBound(query.upper)}${query.upperInclusive ? ']' : '}'}`;
    case 'term':
      return withField(query.field, escapeWord(query.value));
    case 'phrase':
      return withField(query.field, quote(query.value));
    case 'wildcard':
      return withField(query.field, query.parts.map(escapeCharacters).join('*'));
  }
}

function withField(field: string | null, value: string): string {
  return field === null ? value : `${escapeWord(field)}:${value}`;
}

function printBound(bound: string | null): string {
  return bound === null ? '*' : quote(bound);
}

function quote(text: string): string {
  return `"${text.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;
}

function escapeWord(text: string): string {
  return KEYWORDS.has(text) ? `\\${text}` : escapeCharacters(text);
}

function escapeCharacters(text: string): string {
  return Array.from(text, (char) => (SPECIAL_CHARACTERS.has(char) || /\s/u.test(char) ? `\\${char}` : char)).join('');
}
