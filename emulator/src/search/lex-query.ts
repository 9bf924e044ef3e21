/** Splits a user search query into tokens (Lucene query syntax, as far as Auth0's search v3 takes it). */
import { SearchQueryError } from './search-query-error.js';

/** A word: its characters after unescaping, and which of them were written with a backslash. */
export interface WordToken {
  readonly type: 'word';
  readonly chars: readonly string[];
  readonly escaped: readonly boolean[];
  readonly position: number;
}

/** A double-quoted phrase, unescaped. */
export interface PhraseToken {
  readonly type: 'phrase';
  readonly value: string;
  readonly position: number;
}

/** Punctuation and the operators AND, OR, NOT, TO (only when written in capitals, unescaped). */
export interface MarkToken {
  readonly type: '(' | ')' | '[' | ']' | '{' | '}' | ':' | 'AND' | 'OR' | 'NOT' | 'TO';
  readonly position: number;
}

export type Token = WordToken | PhraseToken | MarkToken;

const PUNCTUATION = new Set(['(', ')', '[', ']', '{', '}', ':']);
const KEYWORDS = new Set(['AND', 'OR', 'NOT', 'TO']);
const UNSUPPORTED = new Map([
  ['?', 'The ? wildcard is not supported'],
  ['~', 'Fuzzy and proximity searches (~) are not supported'],
  ['^', 'Boosting (^) is not supported'],
  ['!', 'The ! operator is not supported: use NOT'],
]);
const UNSUPPORTED_AT_WORD_START = new Map([
  ['+', 'The + operator is not supported: use AND'],
  ['-', 'The - operator is not supported: use NOT'],
  ['/', 'Regular expressions are not supported'],
]);

/** The tokens of a query, or a SearchQueryError naming the first character that cannot start one. */
export function lexQuery(query: string): Token[] {
  const chars = Array.from(query);
  const tokens: Token[] = [];
  let index = 0;
  while (index < chars.length) {
    const char = chars[index] as string;
    if (/\s/u.test(char)) {
      index += 1;
    } else if (PUNCTUATION.has(char)) {
      tokens.push({ type: char as MarkToken['type'], position: index });
      index += 1;
    } else if (char === '"') {
      const phrase = readPhrase(chars, index);
      tokens.push(phrase.token);
      index = phrase.next;
    } else {
      const word = readWord(chars, index);
      const text = word.token.chars.join('');
      tokens.push(
        KEYWORDS.has(text) && !word.token.escaped.includes(true)
          ? { type: text as MarkToken['type'], position: index }
          : word.token,
      );
      index = word.next;
    }
  }
  return tokens;
}

function readPhrase(chars: readonly string[], start: number): { token: PhraseToken; next: number } {
  let value = '';
  let index = start + 1;
  while (index < chars.length && chars[index] !== '"') {
    if (chars[index] === '\\') index += 1;
    if (index >= chars.length) break;
    value += chars[index] as string;
    index += 1;
  }
  if (index >= chars.length)
    throw new SearchQueryError(`Unterminated phrase: the " at position ${start} is never closed`);
  return { token: { type: 'phrase', value, position: start }, next: index + 1 };
}

function readWord(chars: readonly string[], start: number): { token: WordToken; next: number } {
  const wordChars: string[] = [];
  const escaped: boolean[] = [];
  let index = start;
  while (index < chars.length) {
    const char = chars[index] as string;
    if (/\s/u.test(char) || PUNCTUATION.has(char) || char === '"') break;
    if (char === '\\') {
      const next = chars[index + 1];
      if (next === undefined)
        throw new SearchQueryError(`The query ends with an escape character (\\) at position ${index}`);
      wordChars.push(next);
      escaped.push(true);
      index += 2;
      continue;
    }
    refuseUnsupported(chars, index, index === start);
    wordChars.push(char);
    escaped.push(false);
    index += 1;
  }
  return { token: { type: 'word', chars: wordChars, escaped, position: start }, next: index };
}

function refuseUnsupported(chars: readonly string[], index: number, atWordStart: boolean): void {
  const char = chars[index] as string;
  const reason = UNSUPPORTED.get(char) ?? (atWordStart ? UNSUPPORTED_AT_WORD_START.get(char) : undefined);
  if (reason !== undefined) throw new SearchQueryError(`${reason} (position ${index})`);
  if ((char === '&' || char === '|') && chars[index + 1] === char) {
    throw new SearchQueryError(
      `The ${char}${char} operator is not supported: use ${char === '&' ? 'AND' : 'OR'} (position ${index})`,
    );
  }
}
