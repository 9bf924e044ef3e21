/** How search v3 compares a stored value with a query value, by field type. */
import { parseDatePeriod, storedInstant } from './date-period.js';
import type { FieldType } from './field-catalogue.js';
import type { IndexedValue } from './field-values.js';

const NUMBER_PATTERN = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** A test of whether a stored value equals the query text as a whole (fields are not tokenized in v3), prepared once. */
export function equalsText(type: FieldType, text: string): (stored: IndexedValue) => boolean {
  if (type === 'date') {
    const period = parseDatePeriod(text);
    if (period === undefined) return () => false;
    return (stored) => {
      const instant = storedInstant(stored);
      return instant !== undefined && period.start <= instant && instant <= period.end;
    };
  }
  const number = NUMBER_PATTERN.test(text) ? Number(text) : undefined;
  const folded = type === 'text-ci' ? text.toLowerCase() : text;
  return (stored) => {
    if (typeof stored === 'number') return number === stored;
    if (typeof stored === 'boolean') return text === String(stored);
    return type === 'text-ci' ? stored.toLowerCase() === folded : stored === text;
  };
}

/**
 * A test of whether a stored value equals any of `texts`, as {@link equalsText} compares, with one set lookup for
 * all of them; not for dates, which name periods.
 */
export function equalsAnyText(
  type: Exclude<FieldType, 'date'>,
  texts: readonly string[],
): (stored: IndexedValue) => boolean {
  const exact = new Set(texts);
  const folded = new Set(type === 'text-ci' ? texts.map((text) => text.toLowerCase()) : texts);
  const numbers = new Set(texts.filter((text) => NUMBER_PATTERN.test(text)).map(Number));
  return (stored) => {
    if (typeof stored === 'number') return numbers.has(stored);
    if (typeof stored === 'boolean') return exact.has(String(stored));
    return folded.has(type === 'text-ci' ? stored.toLowerCase() : stored);
  };
}

/**
 * A test of whether a stored value lies in a range, prepared once; dates round as Elasticsearch rounds them
 * (`{2017-11 TO 2017-12]` is December).
 */
export function inRange(
  type: FieldType,
  range: {
    readonly lower: string | null;
    readonly lowerInclusive: boolean;
    readonly upper: string | null;
    readonly upperInclusive: boolean;
  },
): (stored: IndexedValue) => boolean {
  const lower = range.lower === null ? undefined : boundPositions(type, range.lower);
  const upper = range.upper === null ? undefined : boundPositions(type, range.upper);
  if (lower === null || upper === null) return () => false;
  return (stored) => {
    const position = rangePosition(type, stored);
    if (position === undefined) return false;
    const aboveLower =
      lower === undefined ||
      (range.lowerInclusive ? compareKeys(position, lower.first) >= 0 : compareKeys(position, lower.last) > 0);
    const belowUpper =
      upper === undefined ||
      (range.upperInclusive ? compareKeys(position, upper.last) <= 0 : compareKeys(position, upper.first) < 0);
    return aboveLower && belowUpper;
  };
}

type RangeKey = number | string;

/** Where a stored value sits on the field's order, or undefined when it has no place there. */
function rangePosition(type: FieldType, stored: IndexedValue): RangeKey | undefined {
  if (type === 'date') return storedInstant(stored);
  if (type === 'integer') return typeof stored === 'number' ? stored : undefined;
  if (typeof stored !== 'string') return undefined;
  return type === 'text-ci' ? stored.toLowerCase() : stored;
}

/** The first and last position a bound names (a date names a period), or null when the bound is no value of the field. */
function boundPositions(type: FieldType, bound: string): { first: RangeKey; last: RangeKey } | null {
  if (type === 'date') {
    const period = parseDatePeriod(bound);
    return period === undefined ? null : { first: period.start, last: period.end };
  }
  if (type === 'integer') return NUMBER_PATTERN.test(bound) ? { first: Number(bound), last: Number(bound) } : null;
  const key = type === 'text-ci' ? bound.toLowerCase() : bound;
  return { first: key, last: key };
}

/** Numbers by value, strings by code point (as Elasticsearch orders keywords). */
export function compareKeys(left: RangeKey, right: RangeKey): number {
  if (typeof left === 'number' && typeof right === 'number') return left - right;
  return compareCodePoints(String(left), String(right));
}

/** Orders strings by Unicode code point rather than by UTF-16 unit. */
function compareCodePoints(left: string, right: string): number {
  const leftPoints = Array.from(left);
  const rightPoints = Array.from(right);
  for (let index = 0; index < Math.min(leftPoints.length, rightPoints.length); index += 1) {
    const difference = (leftPoints[index] as string).codePointAt(0)! - (rightPoints[index] as string).codePointAt(0)!;
    if (difference !== 0) return difference;
  }
  return leftPoints.length - rightPoints.length;
}
