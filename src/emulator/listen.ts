/**
 * Options of {@link Emulator.listen}.
 *
 * @example
 * const options: ListenOptions = { port: 0, host: '127.0.0.1' };
 */
export type ListenOptions = {
  /** The TCP port; `0` (the default) picks a free one. */
  port?: number;
  /** The address to listen on. Defaults to `127.0.0.1`. */
  host?: string;
};

/**
 * A running HTTP server of the emulator.
 *
 * @example
 * const server = await auth0.listen();
 * console.log(server.url); // http://127.0.0.1:53211
 * await server.close();
 */
export type EmulatorServer = {
  /** Where it listens, as `http://HOST:PORT` with the real port. */
  url: string;
  /** Stops listening and closes every open connection. */
  close(): Promise<void>;
};

/**
 * Serves a fetch handler over HTTP with `node:http`, loaded only here so that the handler itself runs anywhere
 * `Request` and `Response` exist.
 *
 * @example
 * const server = await listen((request) => auth0.fetch(request), { port: 4010 });
 */
export async function listen(
  handle: (request: Request) => Promise<Response>,
  { port = 0, host = '127.0.0.1' }: ListenOptions = {},
): Promise<EmulatorServer> {
  const { createServer } = await import('node:http');
  const { Readable } = await import('node:stream');
  const server = createServer((incoming, outgoing) => {
    const headers = new Headers();
    for (const [name, value] of Object.entries(incoming.headers)) {
      for (const item of Array.isArray(value) ? value : [value ?? '']) headers.append(name, item);
    }
    const method = incoming.method ?? 'GET';
    const hasBody = method !== 'GET' && method !== 'HEAD';
    const request = new Request(new URL(incoming.url ?? '/', `http://${incoming.headers.host ?? host}`), {
      method,
      headers,
      ...(hasBody ? { body: Readable.toWeb(incoming) as ReadableStream<Uint8Array>, duplex: 'half' } : {}),
    });
    void handle(request)
      .then(async (response) => {
        response.headers.forEach((value, name) => outgoing.setHeader(name, value));
        outgoing.writeHead(response.status);
        outgoing.end(Buffer.from(await response.arrayBuffer()));
      })
      .catch((error: unknown) => outgoing.destroy(error as Error));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address();
  const actualPort = typeof address === 'object' && address !== null ? address.port : port;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shownHost}:${actualPort}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
