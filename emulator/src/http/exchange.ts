/** The request and response shapes the emulator's router works on, whatever carried them (web fetch, node:http). */

/** One request, as an adapter hands it to the router; the body is read only when a route asks for it. */
export type EmulatorRequest = {
  readonly method: string;
  /** The scheme it came over: `https`, or `http` (a plain-HTTP `listen`, or an `http://` URL given to `fetch`). */
  readonly scheme: 'http' | 'https';
  /** The path as sent, still percent-encoded, without the query string. */
  readonly path: string;
  /** The query string as sent, without the `?`. */
  readonly query: string;
  /** The `Host` the request was sent to, for the token audience when no domain is configured. */
  readonly host: string;
  /** A header's value, by lower-case name. */
  header(name: string): string | undefined;
  /** The body as UTF-8 text; rejects with a {@link BodyFault} when it is too large or not UTF-8. */
  readBody(): Promise<string>;
};

/** One response: a JSON body (or none) and its headers. */
export type EmulatorResponse = {
  readonly status: number;
  readonly headers?: Readonly<Record<string, string>>;
  /** Sent as JSON; `undefined` sends no body. */
  readonly body?: unknown;
  /** Sent as is instead of `body` (the page's files), with the content-type its `headers` give. */
  readonly text?: string;
};

/** Why a body could not be read: over the limit, or not UTF-8. */
export class BodyFault extends Error {
  constructor(readonly kind: 'too-large' | 'not-utf8') {
    super(kind);
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The bytes of a body as text, refusing what is not UTF-8. */
export function decodeUtf8(bytes: Uint8Array): string {
  try {
    return utf8.decode(bytes);
  } catch {
    throw new BodyFault('not-utf8');
  }
}
