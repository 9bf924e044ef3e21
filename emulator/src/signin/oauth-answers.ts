/** The Authentication API's answers: OAuth error bodies, token responses, and its HTML pages. */
import type { EmulatorResponse } from '../http/exchange.js';
import { json } from '../http/responses.js';

/** Auth0's token responses carry these (recorded by ruby-auth0). */
const NO_STORE = {
  'cache-control': 'private, no-store, no-cache, must-revalidate, post-check=0, pre-check=0',
  pragma: 'no-cache',
};

/** The OAuth error body, `{ error, error_description }` (more members after them, as Auth0 adds `error_uri`). */
export function oauthError(
  status: number,
  error: string,
  description: string,
  extra?: Readonly<Record<string, string>>,
): EmulatorResponse {
  return json(status, { error, error_description: description, ...extra });
}

/** A 200 with a token response. */
export function tokenAnswer(body: object): EmulatorResponse {
  return json(200, body, NO_STORE);
}

/** A JSON document, as discovery and the JWKS are served. */
export function documentAnswer(body: object): EmulatorResponse {
  return json(200, body, { 'access-control-allow-origin': '*' });
}

/** A redirect. */
export function redirect(location: string, headers?: Readonly<Record<string, string>>): EmulatorResponse {
  return { status: 302, headers: { location, 'cache-control': 'no-store', ...headers } };
}

/** An HTML page of the emulator's sign-in half. */
export function htmlAnswer(status: number, html: string, headers?: Readonly<Record<string, string>>): EmulatorResponse {
  return {
    status,
    text: html,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
      'referrer-policy': 'no-referrer',
      ...headers,
    },
  };
}

/** Text escaped for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

/** A URL with parameters added to its query (`query`) or sent in its fragment. */
export function withParameters(url: string, parameters: Readonly<Record<string, string | undefined>>): string {
  const target = new URL(url);
  for (const [name, value] of Object.entries(parameters)) if (value !== undefined) target.searchParams.set(name, value);
  // encodeURIComponent's spaces (%20), as Auth0's redirects have them, rather than URLSearchParams' `+`.
  return target.href.replace(/\?.*$/, (query) => query.replaceAll('+', '%20'));
}
