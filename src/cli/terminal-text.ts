/**
 * Text the CLI writes to a terminal, made harmless: control characters (C0 but for none, DEL, C1 with the CSI
 * U+009B) and the bidirectional controls (U+061C, U+200E, U+200F, U+202A-U+202E, U+2066-U+2069) become `\uXXXX`,
 * so that no key, value or file name can move the cursor, recolour, clear the screen or reorder a line.
 */

import { UsageError } from './usage-error.js';

const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const UNSAFE_IN_JSON = /[\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

const escape = (character: string) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** One line of human-readable text, every unsafe character escaped (newlines included: call it per line). */
export function terminalText(text: string): string {
  return text.replace(UNSAFE, escape);
}

/**
 * The most text the CLI prints: 64 MiB (counted in characters). A user of a few hundred KB prints far less, but
 * indentation grows with depth: a 90 KB user 15,000 levels deep would print 450 MB.
 */
export const MAX_OUTPUT_CHARS = 64 * 1024 * 1024;

const outputTooLong = () =>
  new UsageError(
    `the output would be longer than 64 MiB (${MAX_OUTPUT_CHARS.toLocaleString('en-US')} characters), the most the CLI prints`,
    false,
  );

/** The CLI's output, refused (a {@link UsageError}) when a text to print is longer than {@link MAX_OUTPUT_CHARS}. */
export function boundedOutput<T extends { stdout: (text: string) => void }>(io: T): T {
  return {
    ...io,
    stdout: (text: string) => {
      if (text.length > MAX_OUTPUT_CHARS) throw outputTooLong();
      io.stdout(text);
    },
  };
}

/**
 * JSON text as `JSON.stringify(value, null, indent)` writes it, with the characters it leaves raw and a terminal
 * obeys (DEL, C1, bidirectional controls) escaped as `\uXXXX` (still valid JSON, the same value), and built without
 * recursion, so that values of any depth can be written. An object's `toJSON` is called, as `JSON.stringify` does. Returns
 * `undefined` where `JSON.stringify` does (undefined, a function or a symbol); stops with a {@link UsageError} once the
 * text passes {@link MAX_OUTPUT_CHARS}, before it grows past what a string can hold.
 */
export function jsonText(value: unknown, indent = 0): string | undefined {
  if (isSkipped(value)) return undefined;
  const out: string[] = [];
  let length = 0;
  const write = (text: string) => {
    length += text.length;
    if (length > MAX_OUTPUT_CHARS) throw outputTooLong();
    out.push(text);
  };
  // Work items: a value to write, or a literal piece of text (wrapped, to tell it from a string value).
  const pending: (Piece | { value: unknown; depth: number })[] = [{ value, depth: 0 }];
  const ancestors = new Set<object>();
  while (pending.length > 0) {
    const item = pending.pop() as Piece | { value: unknown; depth: number };
    if (item instanceof Piece) {
      write(item.text);
      if (item.leaving !== undefined) ancestors.delete(item.leaving);
      continue;
    }
    const { depth } = item;
    // As JSON.stringify does, an object's toJSON (a PatchError's, a Date's) stands for it.
    const current = hasToJson(item.value) ? item.value.toJSON() : item.value;
    if (typeof current !== 'object' || current === null) {
      write(scalarText(current));
      continue;
    }
    if (ancestors.has(current)) throw new TypeError('Converting circular structure to JSON');
    const inner = indent === 0 ? '' : `\n${' '.repeat(indent * (depth + 1))}`;
    const outer = indent === 0 ? '' : `\n${' '.repeat(indent * depth)}`;
    const parts: (Piece | { value: unknown; depth: number })[] = [];
    if (Array.isArray(current)) {
      if (current.length === 0) {
        write('[]');
        continue;
      }
      for (let index = 0; index < current.length; index++) {
        const element: unknown = current[index];
        parts.push(new Piece(index === 0 ? `[${inner}` : `,${inner}`), {
          value: isSkipped(element) ? null : element,
          depth: depth + 1,
        });
      }
      parts.push(new Piece(`${outer}]`, current));
    } else {
      const record = current as Record<string, unknown>;
      for (const key of Object.keys(record)) {
        const entry = record[key];
        if (isSkipped(entry)) continue;
        const separator = indent === 0 ? ':' : ': ';
        parts.push(new Piece(`${parts.length === 0 ? '{' : ','}${inner}${scalarText(key)}${separator}`), {
          value: entry,
          depth: depth + 1,
        });
      }
      if (parts.length === 0) {
        write('{}');
        continue;
      }
      parts.push(new Piece(`${outer}}`, current));
    }
    ancestors.add(current);
    for (let index = parts.length - 1; index >= 0; index--)
      pending.push(parts[index] as Piece | { value: unknown; depth: number });
  }
  return out.join('');
}

function hasToJson(value: unknown): value is { toJSON(): unknown } {
  return typeof value === 'object' && value !== null && typeof (value as { toJSON?: unknown }).toJSON === 'function';
}

class Piece {
  constructor(
    readonly text: string,
    readonly leaving?: object,
  ) {}
}

function isSkipped(value: unknown): boolean {
  return value === undefined || typeof value === 'function' || typeof value === 'symbol';
}

function scalarText(value: unknown): string {
  const text = JSON.stringify(value) as string;
  return typeof value === 'string' ? text.replace(UNSAFE_IN_JSON, escape) : text;
}
