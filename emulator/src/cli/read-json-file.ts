/** Reads the JSON file an option names, bounded in size, or throws an {@link OperatorError} that names the file. */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { OperatorError } from './operator-error.js';

/** The largest file `serve` reads: 256 MiB, room for a state of a few hundred thousand users. */
export const MAX_FILE_BYTES = 256 * 1024 * 1024;

/** The parsed JSON of `file`. */
export function readJsonFile(file: string): unknown {
  const text = readBoundedText(file);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new OperatorError(`${file} is not valid JSON: ${(error as Error).message}`);
  }
}

/** The text of a regular file no larger than {@link MAX_FILE_BYTES}; a device such as /dev/zero is refused, not read. */
export function readBoundedText(file: string): string {
  return readBoundedBytes(file).toString('utf8');
}

/** The bytes of a regular file no larger than {@link MAX_FILE_BYTES}. */
export function readBoundedBytes(file: string): Buffer {
  let descriptor: number;
  try {
    descriptor = openSync(file, 'r');
  } catch (error) {
    throw new OperatorError(`cannot read ${file}: ${(error as Error).message}`);
  }
  try {
    const stats = fstatSync(descriptor);
    if (!stats.isFile()) throw new OperatorError(`cannot read ${file}: not a regular file`);
    if (stats.size > MAX_FILE_BYTES)
      throw new OperatorError(`cannot read ${file}: larger than ${MAX_FILE_BYTES / 1024 / 1024} MiB`);
    const bytes = Buffer.allocUnsafe(stats.size);
    let read = 0;
    while (read < bytes.length) {
      const count = readSync(descriptor, bytes, read, bytes.length - read, read);
      if (count === 0) break;
      read += count;
    }
    return bytes.subarray(0, read);
  } finally {
    closeSync(descriptor);
  }
}
