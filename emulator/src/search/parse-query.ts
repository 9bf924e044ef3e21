/** Parses the `q` of a user search into a {@link UserQuery}, refusing what Auth0 refuses. */
import { checkQueryFields } from './check-query-fields.js';
import { lexQuery, type Token, type WordToken } from './lex-query.js';
import type { FieldName, UserQuery } from './query-ast.js';
import { SearchQueryError } from './search-query-error.js';

/** Parentheses and NOTs may nest this deep; deeper queries are refused rather than risking the stack. */
export const MAX_QUERY_NESTING = 50;

/**
 * A query may test at most this many terms (words, phrases, wildcards, ranges, `_exists_`): Elasticsearch's default
 * limit on the clauses of a query (`indices.query.bool.max_clause_count`, Lucene's `maxClauseCount`), under Auth0's
 * search. Auth0 publishes no bound of its own (a decision), and this one keeps a search's cost bounded.
 */
export const MAX_QUERY_TERMS = 1024;

/** The query's syntax tree, or a {@link SearchQueryError} carrying Auth0's 400. */
export function parseUserQuery(q: string): UserQuery {
  const cursor: Cursor = { tokens: lexQuery(q), index: 0 };
  if (cursor.tokens.length === 0) return { kind: 'all' };
  const query = parseOr(cursor, null, 0);
  const rest = cursor.tokens[cursor.index];
  if (rest !== undefined) throw unexpected(rest);
  const terms = countTerms(query);
  if (terms > MAX_QUERY_TERMS)
    throw new SearchQueryError(`The query tests ${terms} terms, more than the ${MAX_QUERY_TERMS} a search takes`);
  checkQueryFields(query);
  return query;
}

/** The field tests of a query (its leaves), counted without recursion. */
function countTerms(query: UserQuery): number {
  let terms = 0;
  const pending = [query];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    if (next.kind === 'and' || next.kind === 'or') pending.push(...next.clauses);
    else if (next.kind === 'not') pending.push(next.clause);
    else if (next.kind !== 'all') terms += 1;
  }
  return terms;
}

interface Cursor {
  readonly tokens: readonly Token[];
  index: number;
}

const CLAUSE_STARTS = new Set<Token['type']>(['word', 'phrase', '(', '[', '{', 'NOT']);

function parseOr(cursor: Cursor, field: FieldName | null, depth: number): UserQuery {
  const clauses = [parseAnd(cursor, field, depth)];
  for (let token = peek(cursor); token !== undefined; token = peek(cursor)) {
    if (token.type === 'OR') cursor.index += 1;
    else if (!CLAUSE_STARTS.has(token.type)) break;
    clauses.push(parseAnd(cursor, field, depth));
  }
  return clauses.length === 1 ? (clauses[0] as UserQuery) : { kind: 'or', clauses };
}

function parseAnd(cursor: Cursor, field: FieldName | null, depth: number): UserQuery {
  const clauses = [parseNot(cursor, field, depth)];
  while (peek(cursor)?.type === 'AND') {
    cursor.index += 1;
    clauses.push(parseNot(cursor, field, depth));
  }
  return clauses.length === 1 ? (clauses[0] as UserQuery) : { kind: 'and', clauses };
}

function parseNot(cursor: Cursor, field: FieldName | null, depth: number): UserQuery {
  if (peek(cursor)?.type !== 'NOT') return parsePrimary(cursor, field, depth);
  cursor.index += 1;
  return { kind: 'not', clause: parseNot(cursor, field, deeper(depth)) };
}

function parsePrimary(cursor: Cursor, field: FieldName | null, depth: number): UserQuery {
  const token = take(cursor);
  if (token.type === 'word' && peek(cursor)?.type === ':') {
    cursor.index += 1;
    const name = fieldName(token);
    return name === '_exists_' ? parseExists(cursor) : parseValue(cursor, take(cursor), name, depth);
  }
  return parseValue(cursor, token, field, depth);
}

function parseValue(cursor: Cursor, token: Token, field: FieldName | null, depth: number): UserQuery {
  switch (token.type) {
    case '(': {
      const inner = parseOr(cursor, field, deeper(depth));
      expect(cursor, ')');
      return inner;
    }
    case 'phrase':
      return { kind: 'phrase', field, value: token.value };
    case 'word':
      return wordQuery(token, field);
    case '[':
    case '{':
      return parseRange(cursor, token.type === '[', field, token.position);
    default:
      throw unexpected(token);
  }
}

function parseExists(cursor: Cursor): UserQuery {
  const token = take(cursor);
  if (token.type === 'phrase') return { kind: 'exists', field: token.value };
  if (token.type === 'word') return { kind: 'exists', field: fieldName(token) };
  throw new SearchQueryError(`_exists_: needs a field name, found ${describe(token)}`);
}

function parseRange(cursor: Cursor, lowerInclusive: boolean, field: FieldName | null, position: number): UserQuery {
  if (field === null)
    throw new SearchQueryError(`The range at position ${position} needs a field name, e.g. logins_count:[1 TO 5]`);
  const lower = rangeBound(take(cursor));
  expect(cursor, 'TO');
  const upper = rangeBound(take(cursor));
  const close = take(cursor);
  if (close.type !== ']' && close.type !== '}')
    throw new SearchQueryError(`Expected ] or } to close the range, found ${describe(close)}`);
  return { kind: 'range', field, lower, lowerInclusive, upper, upperInclusive: close.type === ']' };
}

function rangeBound(token: Token): string | null {
  if (token.type === 'phrase') return token.value;
  if (token.type !== 'word') throw new SearchQueryError(`Expected a range bound, found ${describe(token)}`);
  const stars = unescapedStars(token);
  if (stars === 0) return token.chars.join('');
  if (stars === 1 && token.chars.length === 1) return null;
  throw new SearchQueryError(
    `A range bound is a value or * alone, found ${token.chars.join('')} (position ${token.position})`,
  );
}

/** A word after `field:` or alone: a comparison (`>=5`), a wildcard, or a term. */
function wordQuery(token: WordToken, field: FieldName | null): UserQuery {
  const comparison = field === null ? undefined : comparisonOf(token);
  if (comparison !== undefined && field !== null) {
    const bound = token.chars.slice(comparison.length).join('');
    if (bound === '' || unescapedStars(token) > 0)
      throw new SearchQueryError(
        `${comparison} needs a value, e.g. logins_count:${comparison}5 (position ${token.position})`,
      );
    const inclusive = comparison.endsWith('=');
    return comparison.startsWith('>')
      ? { kind: 'range', field, lower: bound, lowerInclusive: inclusive, upper: null, upperInclusive: true }
      : { kind: 'range', field, lower: null, lowerInclusive: true, upper: bound, upperInclusive: inclusive };
  }
  if (unescapedStars(token) === 0) return { kind: 'term', field, value: token.chars.join('') };
  const parts = [''];
  token.chars.forEach((char, index) => {
    if (char === '*' && token.escaped[index] === false) parts.push('');
    else parts[parts.length - 1] += char;
  });
  return { kind: 'wildcard', field, parts };
}

function comparisonOf(token: WordToken): '>' | '>=' | '<' | '<=' | undefined {
  const [first, second] = token.chars;
  if ((first !== '>' && first !== '<') || token.escaped[0] === true) return undefined;
  return second === '=' && token.escaped[1] === false ? (`${first}=` as const) : first;
}

function fieldName(token: WordToken): string {
  if (unescapedStars(token) > 0)
    throw new SearchQueryError(`Wildcards in field names are not supported (position ${token.position})`);
  return token.chars.join('');
}

function unescapedStars(token: WordToken): number {
  return token.chars.filter((char, index) => char === '*' && token.escaped[index] === false).length;
}

function deeper(depth: number): number {
  if (depth >= MAX_QUERY_NESTING)
    throw new SearchQueryError(`The query nests parentheses and NOTs more than ${MAX_QUERY_NESTING} deep`);
  return depth + 1;
}

function peek(cursor: Cursor): Token | undefined {
  return cursor.tokens[cursor.index];
}

function take(cursor: Cursor): Token {
  const token = cursor.tokens[cursor.index];
  if (token === undefined) throw new SearchQueryError('The query ends too early');
  cursor.index += 1;
  return token;
}

function expect(cursor: Cursor, type: Token['type']): void {
  const token = take(cursor);
  if (token.type !== type) throw new SearchQueryError(`Expected ${type}, found ${describe(token)}`);
}

function unexpected(token: Token): SearchQueryError {
  return new SearchQueryError(`Unexpected ${describe(token)}`);
}

function describe(token: Token): string {
  switch (token.type) {
    case 'word':
      return `${token.chars.join('')} at position ${token.position}`;
    case 'phrase':
      return `"${token.value}" at position ${token.position}`;
    default:
      return `${token.type} at position ${token.position}`;
  }
}
