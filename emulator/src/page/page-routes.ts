/** Answers the page's own routes, `/` and `/_emulator/*`: static files that hold no data and need no token. */
import type { EmulatorRequest, EmulatorResponse } from '../http/exchange.js';
import { notFound } from '../http/responses.js';
import { ASSET_PREFIX, PAGE_CSP, PAGE_HTML, PAGE_ICON } from './page-html.js';
import { PAGE_STYLESHEET } from './page-style.js';

/** The page's files by path; the script is the one the build embedded. */
export type PageFiles = ReadonlyMap<string, { readonly type: string; readonly text: string }>;

/** The files of the page, from its script (see page-scripts.ts). */
export function pageFiles(script: string): PageFiles {
  return new Map([
    ['/', { type: 'text/html; charset=utf-8', text: PAGE_HTML }],
    [`${ASSET_PREFIX}page.js`, { type: 'text/javascript; charset=utf-8', text: script }],
    [`${ASSET_PREFIX}page.css`, { type: 'text/css; charset=utf-8', text: PAGE_STYLESHEET }],
    [`${ASSET_PREFIX}icon.svg`, { type: 'image/svg+xml', text: PAGE_ICON }],
  ]);
}

/** The answer for a request to one of the page's routes, or `undefined` for every other request (the API's). */
export function answerPage(request: EmulatorRequest, files: PageFiles): EmulatorResponse | undefined {
  const file = files.get(request.path);
  const isAsset = request.path.startsWith(ASSET_PREFIX);
  if (file === undefined && !isAsset) return undefined;
  if (request.method !== 'GET' && request.method !== 'HEAD') return isAsset ? notFound() : undefined;
  if (file === undefined) return notFound();
  return {
    status: 200,
    text: file.text,
    headers: {
      'content-type': file.type,
      'content-security-policy': PAGE_CSP,
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
      'referrer-policy': 'no-referrer',
      'cross-origin-resource-policy': 'same-origin',
      'cache-control': 'no-cache',
    },
  };
}
