import { readFileSync } from 'node:fs';
import { findJsonErrorOffset } from './json-error-offset.js';
import { UsageError } from './usage-error.js';

/**
 * Reads and parses the JSON a CLI argument names: a file, or standard input for `-`. Any failure is a
 * {@link UsageError} that names the file and, for malformed JSON, the line and column.
 *
 * @example
 * readJson('examples/auth0-page/user.json', () => ''); // the parsed user
 */
export function readJson(argument: string, readStandardInput: () => string): unknown {
  const name = inputName(argument);
  let text: string;
  try {
    text = argument === '-' ? readStandardInput() : readFileSync(argument, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read ${name}: ${(error as Error).message}`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    const offset = findJsonErrorOffset(text);
    const place = offset < 0 ? '' : ` at ${lineAndColumn(text, offset)}`;
    const reason = (error as Error).message.replace(/ in JSON at position \d+.*$/, '');
    throw new UsageError(`${name} is not valid JSON${place}: ${reason}`);
  }
}

/**
 * How messages name a file argument: `-` is standard input.
 *
 * @example
 * inputName('-'); // 'standard input'
 */
export function inputName(argument: string): string {
  return argument === '-' ? 'standard input' : argument;
}

function lineAndColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return `line ${line}, column ${column} (position ${offset})`;
}
