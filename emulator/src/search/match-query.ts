/**
 * Whether a user matches a parsed search query, field by field as search v3 compares. The query is compiled once:
 * each field's type and each value's comparison are prepared before the first user, a user's values under a field
 * are read once however many terms name the field, and the terms of an OR are looked up together. What a search
 * spends is counted on a {@link SearchMeter}: one for each test of a user, and one for each value it compares.
 */
import { equalsAnyText, equalsText, inRange } from './compare-values.js';
import { DEFAULT_FIELDS, fieldType, type FieldType } from './field-catalogue.js';
import { fieldReader, hasIndexedValue, type IndexedValue } from './field-values.js';
import type { FieldQuery, UserQuery } from './query-ast.js';

type User = Readonly<Record<string, unknown>>;

/** The work a search has done so far: tests run and values compared. */
export type SearchMeter = { spent: number };

/** The user being tested, its values under each field of the query (read when first asked for), and the meter. */
type UserValues = {
  user: User;
  meter: SearchMeter;
  /** The values under each field slot, `undefined` until read for this user. */
  readonly values: (readonly IndexedValue[] | undefined)[];
  readonly readers: readonly ((user: User) => readonly IndexedValue[])[];
};

type Test = (values: UserValues) => boolean;

/** The fields a query reads, each given a slot when first named. */
type Slots = Map<string, number>;

/** A compiled query: a test of one user, counting its work on the meter it is given. */
export type CompiledQuery = (user: User, meter: SearchMeter) => boolean;

/** Whether the user matches; a field search v3 refuses throws its SearchQueryError (parseUserQuery refuses them first). */
export function matchesUserQuery(user: User, query: UserQuery): boolean {
  return compileUserQuery(query)(user);
}

/**
 * The query as a test of one user, prepared once for many, counting its work on `meter`; a field search v3 refuses
 * throws its SearchQueryError.
 */
export function compileUserQuery(query: UserQuery, meter: SearchMeter = { spent: 0 }): (user: User) => boolean {
  const compiled = compileQuery(query);
  return (user) => compiled(user, meter);
}

/** The query as a test that can be kept and reused by many searches, each with its own meter. */
export function compileQuery(query: UserQuery): CompiledQuery {
  const slots: Slots = new Map();
  const test = compile(query, slots);
  const readers = [...slots.keys()].map(fieldReader);
  // One record for the whole search: each user only resets the slots (searches run without awaiting).
  const context: UserValues = { user: {}, meter: { spent: 0 }, values: readers.map(() => undefined), readers };
  return (user, meter) => {
    context.user = user;
    context.meter = meter;
    for (let slot = 0; slot < context.values.length; slot++) context.values[slot] = undefined;
    return test(context);
  };
}

/** The values under a slot's field, read once for the user; each read counts one, and one per value. */
function read(context: UserValues, slot: number): readonly IndexedValue[] {
  let values = context.values[slot];
  if (values === undefined)
    context.values[slot] = values = (context.readers[slot] as (user: User) => readonly IndexedValue[])(context.user);
  context.meter.spent += 1 + values.length;
  return values;
}

function slotOf(slots: Slots, field: string): number {
  let slot = slots.get(field);
  if (slot === undefined) slots.set(field, (slot = slots.size));
  return slot;
}

function compile(query: UserQuery, slots: Slots): Test {
  switch (query.kind) {
    case 'all':
      return () => true;
    case 'and': {
      // `NOT a AND NOT b ...` is `NOT (a OR b ...)`: the terms it negates are looked up together.
      const negated = query.clauses.flatMap((clause) => (clause.kind === 'not' ? [clause.clause] : []));
      const { lookup, others } = groupTerms(negated, slots);
      const clauses = [
        ...query.clauses.filter((clause) => clause.kind !== 'not'),
        ...others.map((clause): UserQuery => ({ kind: 'not', clause })),
      ].map((clause) => compile(clause, slots));
      return (values) => clauses.every((clause) => clause(values)) && !lookup(values);
    }
    case 'or': {
      const { lookup, others } = groupTerms(query.clauses, slots);
      const clauses = others.map((clause) => compile(clause, slots));
      return (values) => lookup(values) || clauses.some((clause) => clause(values));
    }
    case 'not': {
      const clause = compile(query.clause, slots);
      return (values) => !clause(values);
    }
    default:
      return compileFieldQuery(query, slots);
  }
}

/**
 * The terms and phrases among `clauses` as one test of whether any matches, with one set lookup per stored value
 * and field instead of a comparison per term; the other clauses (dates, which name periods, among them) as they are.
 */
function groupTerms(clauses: readonly UserQuery[], slots: Slots): { lookup: Test; others: UserQuery[] } {
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
  const lookups = [...texts].map(([field, { type, values }]) => ({
    slot: slotOf(slots, field),
    matches: equalsAnyText(type, values),
  }));
  if (lookups.length === 0) return { lookup: () => false, others };
  return { lookup: (values) => anyValue(lookups, values), others };
}

/** Whether any value of the user under a field matches that field's test (loops: this runs for every user). */
function anyValue(tests: readonly FieldTest[], values: UserValues): boolean {
  for (const { slot, matches } of tests) for (const stored of read(values, slot)) if (matches(stored)) return true;
  return false;
}

/** A test of the values under one field (its slot). */
type FieldTest = { readonly slot: number; readonly matches: (stored: IndexedValue) => boolean };

function compileFieldQuery(query: FieldQuery, slots: Slots): Test {
  if (query.kind === 'exists') {
    const { field } = query;
    fieldType(field);
    return ({ user, meter }) => {
      meter.spent += 1;
      return hasIndexedValue(user, field);
    };
  }
  const tests = (query.field === null ? DEFAULT_FIELDS : [query.field]).map((field) => ({
    slot: slotOf(slots, field),
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
