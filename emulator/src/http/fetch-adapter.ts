/** Serves the router to web `Request`s: MSW, Hono, Bun, Deno, service workers, an SDK's `fetch` option. */
import { BodyFault, decodeUtf8, type EmulatorRequest, type EmulatorResponse } from './exchange.js';

/** A web `Request` as the router reads it; the body is read, up to `limit` bytes, only when asked for. */
export function fromWebRequest(request: Request, limit: number): EmulatorRequest {
  const url = new URL(request.url);
  return {
    method: request.method,
    scheme: url.protocol === 'http:' ? 'http' : 'https',
    path: url.pathname,
    query: url.search.slice(1),
    host: request.headers.get('host') ?? url.host,
    header: (name) => request.headers.get(name) ?? undefined,
    readBody: () => readWebBody(request, limit),
  };
}

async function readWebBody(request: Request, limit: number): Promise<string> {
  if (Number(request.headers.get('content-length') ?? 0) > limit) throw new BodyFault('too-large');
  if (request.body === null) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      throw new BodyFault('too-large');
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return decodeUtf8(bytes);
}

/** A router response as a web `Response`. */
export function toWebResponse(response: EmulatorResponse): Response {
  const headers = new Headers(response.headers);
  if (response.text !== undefined) return new Response(response.text, { status: response.status, headers });
  if (response.body === undefined) return new Response(null, { status: response.status, headers });
  headers.set('content-type', 'application/json; charset=utf-8');
  return new Response(JSON.stringify(response.body), { status: response.status, headers });
}
