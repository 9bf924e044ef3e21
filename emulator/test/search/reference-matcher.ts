/**
 * A naive model of search v3 matching, written apart from src/emulator/search: it indexes the whole user as
 * (path, value) pairs first, then scans them; dates compare as ISO strings by prefix; wildcards become regular
 * expressions. Slow and simple on purpose.
 */
import type { UserQuery } from '../../src/search/index.js';

type Pair = { path: string; value: string | number | boolean };

const CASE_INSENSITIVE = ['email', 'name', 'given_name', 'family_name', 'nickname', 'email.domain'];
const DATES = ['created_at', 'updated_at', 'last_login', 'last_password_reset'];
const UNFIELDED = ['email', 'name', 'given_name', 'family_name', 'nickname', 'username', 'user_id', 'phone_number'];

/** Every indexed value of the user with its dotted path (array levels ignored), plus email.domain. */
export function indexUser(user: Readonly<Record<string, unknown>>): Pair[] {
  const pairs: Pair[] = [];
  const visit = (value: unknown, path: string): void => {
    if (Array.isArray(value)) for (const item of value) visit(item, path);
    else if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
      pairs.push({ path, value });
    else if (typeof value === 'object' && value !== null)
      for (const key of Object.keys(value))
        visit((value as Record<string, unknown>)[key], path === '' ? key : `${path}.${key}`);
  };
  visit(user, '');
  const email = user['email'];
  if (typeof email === 'string' && email.includes('@'))
    pairs.push({ path: 'email.domain', value: email.split('@').pop() as string });
  return pairs;
}

/** Whether the user matches, by the naive model. */
export function referenceMatches(user: Readonly<Record<string, unknown>>, query: UserQuery): boolean {
  const pairs = indexUser(user);
  const evaluate = (node: UserQuery): boolean => {
    if (node.kind === 'all') return true;
    if (node.kind === 'and') return node.clauses.map(evaluate).every(Boolean);
    if (node.kind === 'or') return node.clauses.map(evaluate).some(Boolean);
    if (node.kind === 'not') return !evaluate(node.clause);
    if (node.kind === 'exists')
      return pairs.some((pair) => pair.path === node.field || pair.path.startsWith(`${node.field}.`));
    const fields = node.field === null ? UNFIELDED : [node.field];
    return pairs.some((pair) => fields.includes(pair.path) && leafMatches(pair, node));
  };
  return evaluate(query);
}

function leafMatches(pair: Pair, node: Exclude<UserQuery, { kind: 'all' | 'and' | 'or' | 'not' | 'exists' }>): boolean {
  const fold = (text: string) => (CASE_INSENSITIVE.includes(pair.path) ? text.toLowerCase() : text);
  const isDate = DATES.includes(pair.path);
  const stored = typeof pair.value === 'string' ? fold(pair.value) : pair.value;
  if (node.kind === 'term' || node.kind === 'phrase') {
    if (isDate) return typeof stored === 'string' && stored.startsWith(node.value.replace(/Z$/, ''));
    if (typeof stored === 'number') return /^[+-]?\d+(\.\d+)?$/.test(node.value) && Number(node.value) === stored;
    return String(stored) === (typeof stored === 'string' ? fold(node.value) : node.value);
  }
  if (node.kind === 'wildcard') {
    if (typeof stored !== 'string') return false;
    const pattern = node.parts.map((part) => fold(part).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[\\s\\S]*');
    return new RegExp(`^${pattern}$`, 'u').test(stored);
  }
  if (isDate) {
    if (typeof stored !== 'string') return false;
    const lower = node.lower?.replace(/Z$/, '');
    const upper = node.upper?.replace(/Z$/, '');
    const aboveLower =
      lower === undefined || (node.lowerInclusive ? stored >= lower : stored > lower && !stored.startsWith(lower));
    const belowUpper =
      upper === undefined || (node.upperInclusive ? stored <= upper || stored.startsWith(upper) : stored < upper);
    return aboveLower && belowUpper;
  }
  if (pair.path === 'logins_count') {
    if (typeof stored !== 'number') return false;
    return (
      (node.lower === null || (node.lowerInclusive ? stored >= Number(node.lower) : stored > Number(node.lower))) &&
      (node.upper === null || (node.upperInclusive ? stored <= Number(node.upper) : stored < Number(node.upper)))
    );
  }
  if (typeof stored !== 'string') return false;
  const lower = node.lower === null ? null : fold(node.lower);
  const upper = node.upper === null ? null : fold(node.upper);
  return (
    (lower === null || (node.lowerInclusive ? order(stored, lower) >= 0 : order(stored, lower) > 0)) &&
    (upper === null || (node.upperInclusive ? order(stored, upper) <= 0 : order(stored, upper) < 0))
  );
}

/** -1, 0 or 1 as `a` sorts before, with or after `b`, comparing code point by code point. */
function order(a: string, b: string): number {
  const left = [...a].map((c) => c.codePointAt(0)!);
  const right = [...b].map((c) => c.codePointAt(0)!);
  for (let i = 0; i < Math.min(left.length, right.length); i++) {
    if (left[i] !== right[i]) return left[i]! < right[i]! ? -1 : 1;
  }
  return Math.sign(left.length - right.length);
}
