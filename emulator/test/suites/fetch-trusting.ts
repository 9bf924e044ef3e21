/** A `fetch` over `node:https` that trusts one certificate: Node's global fetch takes no CA per call. */
import { request as httpsRequest } from 'node:https';

/** A fetch for the SDK's `fetch` option (or any client) that trusts the PEM `ca`, and nothing else. */
export function fetchTrusting(ca: string): (input: RequestInfo | URL, init?: RequestInit) => Promise<Response> {
  return async (input, init) => {
    const request = new Request(input, init);
    const body = request.body === null ? undefined : Buffer.from(await request.arrayBuffer());
    const headers: Record<string, string> = {};
    request.headers.forEach((value, name) => {
      headers[name] = value;
    });
    return new Promise<Response>((resolve, reject) => {
      const outgoing = httpsRequest(request.url, { method: request.method, headers, ca }, (incoming) => {
        const chunks: Buffer[] = [];
        incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
        incoming.on('error', reject);
        incoming.on('end', () => {
          const answer = new Headers();
          for (const [name, value] of Object.entries(incoming.headers))
            if (value !== undefined) answer.set(name, Array.isArray(value) ? value.join(', ') : value);
          const status = incoming.statusCode ?? 502;
          const content = status === 204 || status === 304 ? null : Buffer.concat(chunks);
          resolve(new Response(content, { status, headers: answer }));
        });
      });
      outgoing.on('error', reject);
      outgoing.end(body);
    });
  };
}
