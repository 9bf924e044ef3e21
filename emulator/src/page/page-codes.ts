/**
 * One-time codes for the page's address. A browser keeps every address it opens (history, sessions, favicons), even
 * one the page erases at once, so the address `serve` prints holds no token: it holds a code that the page trades
 * for the token, once. `POST /_emulator/page-code` (with the token as a bearer token) makes a code;
 * `POST /_emulator/page-token` (`{ "code": ... }`) answers the token and forgets the code.
 */
import type { Grant } from '../auth/authenticate.js';
import type { EmulatorRequest, EmulatorResponse } from '../http/exchange.js';
import { apiError, json } from '../http/responses.js';
import { randomId } from '../random-id.js';
import { ASSET_PREFIX } from './page-html.js';

/** The codes not yet traded; past this many, the oldest is forgotten. */
const MAX_CODES = 16;

/** The codes and the tokens they stand for. */
export type PageCodes = Map<string, string>;

/** The answer to a request for a page code or a token, or `undefined` for every other request. */
export async function answerPageCodes(
  request: EmulatorRequest,
  codes: PageCodes,
  authenticate: (request: EmulatorRequest) => Promise<Grant | EmulatorResponse>,
): Promise<EmulatorResponse | undefined> {
  if (request.path === `${ASSET_PREFIX}page-code` && request.method === 'POST') {
    // Only a token the Management API accepts is worth a code.
    const grant = await authenticate(request);
    if (!('scopes' in grant)) return grant;
    const token = /^Bearer +(\S+)/i.exec(request.header('authorization') ?? '')?.[1] as string;
    const code = randomId('', 32);
    codes.set(code, token);
    for (const oldest of codes.keys()) if (codes.size > MAX_CODES) codes.delete(oldest);
    return noStore(json(201, { code }));
  }
  if (request.path === `${ASSET_PREFIX}page-token` && request.method === 'POST') {
    const code = codeOf(await request.readBody().catch(() => ''));
    const token = code === undefined ? undefined : codes.get(code);
    if (code === undefined || token === undefined)
      return apiError(400, 'This page address was used already, or is not one serve printed: sign in on the page');
    codes.delete(code);
    return noStore(json(200, { access_token: token, token_type: 'Bearer' }));
  }
  return undefined;
}

/** The `code` of a JSON body, or `undefined`. */
function codeOf(text: string): string | undefined {
  try {
    const body: unknown = JSON.parse(text);
    const code = typeof body === 'object' && body !== null ? (body as Record<string, unknown>)['code'] : undefined;
    return typeof code === 'string' ? code : undefined;
  } catch {
    return undefined;
  }
}

const noStore = (response: EmulatorResponse): EmulatorResponse => ({
  ...response,
  headers: { ...response.headers, 'cache-control': 'no-store' },
});
