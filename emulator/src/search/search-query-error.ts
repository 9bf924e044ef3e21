/** The error for a search request Auth0 refuses, and the 400 body Auth0 sends for it. */

/** Auth0's 400 body: `{ statusCode, error, message, errorCode }`. */
export interface SearchErrorBody {
  readonly statusCode: 400;
  readonly error: 'Bad Request';
  readonly message: string;
  readonly errorCode: 'invalid_query_string';
}

/** A `q`, `sort` or `fields` value Auth0 answers with 400 `invalid_query_string`. */
export class SearchQueryError extends Error {
  readonly statusCode = 400;
  readonly errorCode = 'invalid_query_string';

  constructor(message: string) {
    super(message);
    this.name = 'SearchQueryError';
  }

  /** The body Auth0 sends. */
  toJSON(): SearchErrorBody {
    return { statusCode: 400, error: 'Bad Request', message: this.message, errorCode: 'invalid_query_string' };
  }
}
