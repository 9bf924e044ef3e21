/**
 * Whether a user matches a parsed search query, field by field as search v3 compares. The query is compiled once:
 * each field's type and each value's comparison are prepared before the first user, a user's values under a field
 * are read once however many terms name the field, and the terms of an OR are looked up together. What a search
 * spends is counted on a {@link SearchMeter}: one for each test of a user, and one for each value it compares.
 */
import { equalsAnyText, equalsText, inRange } from './compare-values.js';
import { DEFAULT_FIELDS, fieldType, type FieldType } from './field-catalogue.js';
import { fieldValues, hasIndexedValue, type IndexedValue } from './field-values.js';
import type { FieldQuery, UserQuery } from './query-ast.js';

type User = Readonly<Record<string, unknown>>;

/** The work a search has done so far: tests run and values compared. */
export type SearchMeter = { spent: number };

/** One user's values under each field, read when first asked for, and the search's meter. */
type UserValues = {
  readonly user: User;
  readonly read: (field: string) => readonly IndexedValue[];
  readonly meter: SearchMeter;
};

type Test = (values: UserValues) => boolean;

/** Whether the user matches; a field search v3 refuses throws its SearchQueryError (parseUserQuery refuses them first). */
export function matchesUserQuery(user: User, query: UserQuery): boolean {
  return compileUserQuery(query)(user);
}

/**
 * The query as a test of one user, prepared once for many, counting its work on `meter`; a field search v3 refuses
 * throws its SearchQueryError.
 */
export function compileUserQuery(query: UserQuery, meter: SearchMeter = { spent: 0 }): (user: User) => boolean {
  const test = compile(query);
  return (user) => {
    const cache = new Map<string, readonly IndexedValue[]>();
    const read = (field: string) => {
      let values = cache.get(field);
      if (values === undefined) cache.set(field, (values = fieldValues(user, field)));
      meter.spent += 1 + values.length;
      return values;
    };
    return test({ user, read, meter });
  };
}

function compile(query: UserQuery): Test {
  switch (query.kind) {
    case 'all':
      return () => true;
    case 'and': {
      // `NOT a AND NOT b ...` is `NOT (a OR b ...)`: the terms it negates are looked up together.
      const negated = query.clauses.flatMap((clause) => (clause.kind === 'not' ? [clause.clause] : []));
      const { lookup, others } = groupTerms(negated);
      const clauses = [
        ...query.clauses.filter((clause) => clause.kind !== 'not'),
        ...others.map((clause): UserQuery => ({ kind: 'not', clause })),
      ].map(compile);
      return (values) => clauses.every((clause) => clause(values)) && !lookup(values);
    }
    case 'or': {
      const { lookup, others } = groupTerms(query.clauses);
      const clauses = others.map(compile);
      return (values) => lookup(values) || clauses.some((clause) => clause(values));
    }
    case 'not': {
      const clause = compile(query.clause);
      return (values) => !clause(values);
    }
    default:
      return compileFieldQuery(query);
  }
}

/**
 * The terms and phrases among `clauses` as one test of whether any matches, with one set lookup per stored value
 * and field instead of a comparison per term; the other clauses (dates, which name periods, among them) as they are.
 */
function groupTerms(clauses: readonly UserQuery[]): { lookup: Test; others: UserQuery[] } {
  const texts = new Map<string, { type: Exclude<FieldType, 'date'>; values: string[] }>();
  const others: UserQuery[] = [];
  for (const clause of clauses) {
    const fields = 'field' in clause ? (clause.field === null ? DEFAULT_FIELDS : [clause.field]) : [];
    const types = fields.map(fieldType);
    if ((clause.kind !== 'term' && clause.kind !== 'phrase') || types.includes('date')) {
      others.push(clause);
      continue;
    }
    fields.forEach((field, index) => {
      const type = types[index];
      if (type === undefined || type === 'date') return;
      const group = texts.get(field) ?? { type, values: [] };
      group.values.push(clause.value);
      texts.set(field, group);
    });
  }
  const lookups = [...texts].map(([field, { type, values }]) => ({ field, matches: equalsAnyText(type, values) }));
  if (lookups.length === 0) return { lookup: () => false, others };
  return { lookup: (values) => anyValue(lookups, values), others };
}

/** Whether any value of the user under a field matches that field's test (loops: this runs for every user). */
function anyValue(tests: readonly FieldTest[], values: UserValues): boolean {
  for (const { field, matches } of tests) for (const stored of values.read(field)) if (matches(stored)) return true;
  return false;
}

/** A test of the values under one field. */
type FieldTest = { readonly field: string; readonly matches: (stored: IndexedValue) => boolean };

function compileFieldQuery(query: FieldQuery): Test {
  if (query.kind === 'exists') {
    const { field } = query;
    fieldType(field);
    return ({ user, meter }) => {
      meter.spent += 1;
      return hasIndexedValue(user, field);
    };
  }
  const tests = (query.field === null ? DEFAULT_FIELDS : [query.field]).map((field) => ({
    field,
    matches: valueTest(fieldType(field), query),
  }));
  return (values) => anyValue(tests, values);
}

function valueTest(type: FieldType, query: Exclude<FieldQuery, { kind: 'exists' }>): (stored: IndexedValue) => boolean {
  switch (query.kind) {
    case 'term':
    case 'phrase':
      return equalsText(type, query.value);
    case 'wildcard': {
      const fold = (text: string): string => (type === 'text-ci' ? text.toLowerCase() : text);
      const pieces = query.parts.map(fold);
      return (stored) => typeof stored === 'string' && matchesWildcard(fold(stored), pieces);
    }
    case 'range':
      return inRange(type, query);
  }
}

/** `pieces` joined by `*`, anchored at both ends (both sides already folded for case-insensitive fields). */
function matchesWildcard(value: string, pieces: readonly string[]): boolean {
  const first = pieces[0] as string;
  const last = pieces[pieces.length - 1] as string;
  if (!value.startsWith(first) || value.length < first.length + last.length || !value.endsWith(last)) return false;
  let from = first.length;
  const end = value.length - last.length;
  for (let index = 1; index < pieces.length - 1; index++) {
    const piece = pieces[index] as string;
    const at = value.indexOf(piece, from);
    if (at === -1 || at + piece.length > end) return false;
    from = at + piece.length;
  }
  return true;
}
