/** An operator's mistake (a wrong option, an unreadable file, a port in use): one line on standard error, exit 2. */
export class OperatorError extends Error {
  override readonly name = 'OperatorError';
}

const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** A line for a terminal: control and bidirectional characters, which could move the cursor or reorder the line, escaped. */
export function printable(text: string): string {
  return text.replace(UNSAFE, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
