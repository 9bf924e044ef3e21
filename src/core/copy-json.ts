/**
 * Copies a metadata value out of a patch while checking that it is JSON Auth0 would accept: plain objects and
 * arrays of strings, finite numbers, booleans and null, key names without `.` or `$`, no `__proto__` key, no
 * cycle, at most {@link MAX_DEPTH} levels deep. The copy shares nothing with the patch.
 *
 * A refusal is thrown as a {@link JsonFault}; each level it passes on the way out adds its key, so the path costs
 * nothing unless something is refused.
 */
import { MAX_DEPTH } from './schema.js';
import { isPlainObject } from '../internal/is-plain-object.js';
import { jsonTypeName } from './messages.js';
import type { PathSegment } from './path.js';
import type { JsonValue, Metadata } from './types.js';

/** Why a value was refused: by Auth0's JSON parser (`parser`), as no JSON value (`value`), or as too deep (`depth`, maybe a cycle). */
export type FaultKind = 'parser' | 'value' | 'depth';

/** A refusal on its way out of a nested value, collecting the path (innermost step first) as it goes. */
export class JsonFault {
  /** The steps from the refused place outwards. */
  readonly steps: PathSegment[] = [];
  /** The containers passed on the way out, innermost first, to tell a cycle from deep nesting. */
  readonly containers: object[] = [];

  constructor(
    readonly detail: string,
    readonly kind: FaultKind,
  ) {}
}

/** The message for a value that is not JSON. */
function notJsonDetail(value: unknown): string {
  return `Expected a JSON value but found type ${jsonTypeName(value)}`;
}

/** Refuses a key name Auth0 would refuse in metadata at any depth: `__proto__` (its JSON parser rejects it) and names containing `.` or `$`. */
export function checkKeyName(key: string): void {
  if (key === '__proto__') throw new JsonFault('Forbidden prototype property __proto__', 'parser');
  // One scan for both characters: key names are short, and this runs for every key of a patch.
  for (let index = 0; index < key.length; index++) {
    const code = key.charCodeAt(index);
    if (code === DOT || code === DOLLAR)
      throw new JsonFault(`Invalid key name (must not contain "." or "$"): ${key}`, 'value');
  }
}

const DOT = 0x2e;
const DOLLAR = 0x24;

/** Checks and copies one JSON value found `depth` levels below the body (`skipInherited`: whether `Object.prototype` is polluted, so for-in walks must skip inherited keys). */
export function copyJsonValue(value: unknown, depth: number, skipInherited: boolean): JsonValue {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      if (!Number.isFinite(value)) throw new JsonFault(notJsonDetail(value), 'value');
      // JSON has no negative zero: Auth0 stores and answers 0.
      return value === 0 ? 0 : value;
    case 'object':
      if (value === null) return null;
      if (depth > MAX_DEPTH) throw new JsonFault(`Nesting deeper than ${MAX_DEPTH} levels`, 'depth');
      if (Array.isArray(value)) return copyArray(value, depth, skipInherited);
      return copyObject(value, depth, skipInherited);
    default:
      throw new JsonFault(notJsonDetail(value), 'value');
  }
}

/**
 * {@link copyJsonValue} for a value `JSON.parse` made, checked in place instead of copied: such a value holds only
 * plain objects, arrays, strings, booleans, null and numbers (`1e400` parses to `Infinity`, `-0` to -0, which is
 * written as 0). Returns the value to store.
 */
export function checkParsedValue(value: unknown, depth: number, skipInherited: boolean): JsonValue {
  if (typeof value === 'number') return checkParsedNumber(value);
  if (typeof value !== 'object' || value === null) return value as JsonValue;
  if (depth > MAX_DEPTH) throw new JsonFault(`Nesting deeper than ${MAX_DEPTH} levels`, 'depth');
  if (Array.isArray(value)) checkParsedArray(value, depth, skipInherited);
  else checkParsedObject(value as Record<string, unknown>, depth, skipInherited);
  return value as JsonValue;
}

function checkParsedNumber(value: number): number {
  if (!Number.isFinite(value)) throw new JsonFault(notJsonDetail(value), 'value');
  return value === 0 ? 0 : value;
}

function checkParsedArray(source: unknown[], depth: number, skipInherited: boolean): void {
  let index = 0;
  try {
    for (; index < source.length; index++) {
      const item = source[index];
      if (typeof item === 'object') {
        if (item !== null) checkParsedValue(item, depth + 1, skipInherited);
      } else if (typeof item === 'number') source[index] = checkParsedNumber(item);
    }
  } catch (fault) {
    throw stepOut(fault, index, source);
  }
}

// A for-in walk needs no key list of its own; with a polluted Object.prototype it skips inherited keys.
function checkParsedObject(source: Record<string, unknown>, depth: number, skipInherited: boolean): void {
  let current = '';
  try {
    for (const key in source) {
      if (skipInherited && !Object.hasOwn(source, key)) continue;
      current = key;
      checkKeyName(key);
      const item = source[key];
      if (typeof item === 'object') {
        if (item !== null) checkParsedValue(item, depth + 1, skipInherited);
      } else if (typeof item === 'number') source[key] = checkParsedNumber(item);
    }
  } catch (fault) {
    throw stepOut(fault, current, source);
  }
}

// Sized at once: an array grown by push reserves room it never fills, which the collector then pays for.
function copyArray(source: readonly unknown[], depth: number, skipInherited: boolean): JsonValue[] {
  if (Object.getPrototypeOf(source) !== Array.prototype) throw new JsonFault(notJsonDetail(source), 'value');
  const length = source.length;
  const copy = new Array<JsonValue>(length);
  let index = 0;
  try {
    for (; index < length; index++) copy[index] = copyJsonValue(source[index], depth + 1, skipInherited);
  } catch (fault) {
    throw stepOut(fault, index, source);
  }
  return copy;
}

// A spread clone, sized as its source at once (after the symbol check, as it copies symbols), its nested values then replaced by their copies.
function copyObject(source: object, depth: number, skipInherited: boolean): Metadata {
  if (!isPlainObject(source)) throw new JsonFault(notJsonDetail(source), 'value');
  rejectSymbolKeys(source);
  const copy = { ...source } as Metadata;
  let current = '';
  try {
    for (const key in copy) {
      if (skipInherited && !Object.hasOwn(copy, key)) continue;
      current = key;
      checkKeyName(key);
      copy[key] = copyJsonValue(copy[key], depth + 1, skipInherited);
    }
  } catch (fault) {
    throw stepOut(fault, current, source);
  }
  return copy;
}

/** Refuses an object with symbol keys, which JSON cannot carry. */
export function rejectSymbolKeys(source: object): void {
  const symbols = Object.getOwnPropertySymbols(source);
  if (symbols.length !== 0) throw new JsonFault(`Expected a JSON key but found ${String(symbols[0])}`, 'value');
}

/** Adds one step to a fault passing outwards through `container`; other errors pass untouched. */
export function stepOut(fault: unknown, step: PathSegment, container: object): unknown {
  if (fault instanceof JsonFault) {
    fault.steps.push(step);
    fault.containers.push(container);
  }
  return fault;
}
