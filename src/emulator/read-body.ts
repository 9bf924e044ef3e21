import { invalidJson, payloadTooLarge } from './responses.js';

/**
 * Reads a request body as JSON, refusing one over `limit` bytes (by its Content-Length, or by counting while it
 * streams in) with a 413 and malformed JSON with Auth0's 400. Returns the parsed value, or the error response.
 *
 * @example
 * const body = await readJsonBody(request, 1_048_576);
 * if (body instanceof Response) return body;
 */
export async function readJsonBody(request: Request, limit: number): Promise<unknown> {
  const declared = Number(request.headers.get('content-length') ?? Number.NaN);
  if (declared > limit) return payloadTooLarge(limit);
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (request.body !== null) {
    const reader = request.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > limit) {
        await reader.cancel();
        return payloadTooLarge(limit);
      }
      chunks.push(value);
    }
  }
  const text = new TextDecoder().decode(concatenate(chunks, size));
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return invalidJson();
  }
}

function concatenate(chunks: readonly Uint8Array[], size: number): Uint8Array {
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}
