import { closeSync, openSync, readSync } from 'node:fs';
import { findJsonErrorOffset } from './json-error-offset.js';
import { terminalText } from './terminal-text.js';
import { UsageError } from './usage-error.js';

/**
 * The most the CLI reads from one file or from standard input: 64 MiB. A user is at most a few hundred KB of
 * JSON (Auth0 documents 10 KB profiles), so anything larger is a mistake, such as `/dev/zero` or a wrong file.
 */
const MAX_INPUT_BYTES = 64 * 1024 * 1024;

/** Parses the JSON a CLI argument names (a file, or `-` for standard input); any failure, or input past {@link MAX_INPUT_BYTES}, is a terminal-safe {@link UsageError} with the line and column. */
export function readJson(argument: string, readStandardInput: () => string): unknown {
  const name = inputName(argument);
  let text: string;
  try {
    text = argument === '-' ? readStandardInput() : readBounded(argument);
  } catch (error) {
    throw new UsageError(terminalText(`cannot read ${name}: ${(error as Error).message}`));
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    const offset = findJsonErrorOffset(text);
    const place = offset < 0 ? '' : ` at ${lineAndColumn(text, offset)}`;
    const reason = (error as Error).message.replace(/ in JSON at position \d+.*$/, '');
    throw new UsageError(terminalText(`${name} is not valid JSON${place}: ${reason}`));
  }
}

/** Reads a file or descriptor (0: standard input) as UTF-8 in chunks, throwing once past {@link MAX_INPUT_BYTES}, so an endless input is never read whole. */
export function readBounded(source: string | number): string {
  const descriptor = typeof source === 'number' ? source : openSync(source, 'r');
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(CHUNK_BYTES, MAX_INPUT_BYTES + 1 - total));
      const count = readChunk(descriptor, chunk);
      if (count === 0) break;
      total += count;
      if (total > MAX_INPUT_BYTES)
        throw new Error(`larger than ${MAX_INPUT_BYTES / 1024 / 1024} MiB, the most the CLI reads`);
      chunks.push(chunk.subarray(0, count));
    }
    return Buffer.concat(chunks, total).toString('utf8');
  } finally {
    if (typeof source === 'string') closeSync(descriptor);
  }
}

const CHUNK_BYTES = 1024 * 1024;

function readChunk(descriptor: number, chunk: Buffer): number {
  for (;;) {
    try {
      return readSync(descriptor, chunk, 0, chunk.length, null);
    } catch (error) {
      // A non-blocking standard input has nothing yet: wait a little, as readFileSync(0) would not.
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
    }
  }
}

/** How messages name a file argument: `-` is `standard input`. */
export function inputName(argument: string): string {
  return argument === '-' ? 'standard input' : argument;
}

function lineAndColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return `line ${line}, column ${column} (position ${offset})`;
}
