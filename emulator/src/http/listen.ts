/** Serves the router over HTTP or HTTPS with `node:http(s)` directly: no web `Request` is built, and no request can crash it. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { BodyFault, decodeUtf8, type EmulatorRequest, type EmulatorResponse } from './exchange.js';
import type { CertificateAndKey } from '../tls/self-signed-certificate.js';
import { apiError, internalError } from './responses.js';

/**
 * Options of {@link Emulator.listen}.
 *
 * @example
 * const options: ListenOptions = { port: 0, host: '127.0.0.1', https: true, headersTimeoutMs: 10_000, requestTimeoutMs: 30_000, idleTimeoutMs: 10_000, maxConnections: 256 };
 */
export type ListenOptions = {
  /** The TCP port, an integer from 0 to 65535; `0` (the default) picks a free one. */
  port?: number;
  /** The address to listen on. Defaults to `127.0.0.1`. */
  host?: string;
  /**
   * Serve HTTPS with a self-signed certificate made now for `localhost`, `127.0.0.1`, `::1`, `host` and the tenant's
   * `domain`; `server.certificate` is its PEM, for a client to trust. Defaults to `false`, or `true` with `cert`.
   *
   * @example
   * const server = await auth0.listen({ https: true });
   * server.url; // 'https://127.0.0.1:53211'
   */
  https?: boolean;
  /**
   * Your own certificate for HTTPS (PEM text, with its chain), for example from mkcert; with `key`.
   *
   * @example
   * import { readFileSync } from 'node:fs';
   * const server = await auth0.listen({ cert: readFileSync('localhost.pem', 'utf8'), key: readFileSync('localhost-key.pem', 'utf8') });
   */
  cert?: string;
  /** The private key of `cert` (PEM text). */
  key?: string;
  /** How long a client may take to send its request headers, in milliseconds. Defaults to 10,000. */
  headersTimeoutMs?: number;
  /** How long a client may take to send its whole request, in milliseconds. Defaults to 30,000. */
  requestTimeoutMs?: number;
  /**
   * How long a connection may stay silent (no byte either way, no request under way), in milliseconds, before it is
   * closed: one that never sends a byte too. Defaults to 10,000.
   */
  idleTimeoutMs?: number;
  /**
   * The most connections open at once; one more is closed as it arrives, so that idle clients cannot use up the
   * process's file descriptors. Keep it under the process's file limit (`ulimit -n`). Defaults to 256.
   */
  maxConnections?: number;
};

/**
 * A running HTTP or HTTPS server of the emulator.
 *
 * @example
 * const server = await auth0.listen();
 * server.url; // 'http://127.0.0.1:53211'
 * await server.close();
 */
export type EmulatorServer = {
  /**
   * Where it listens, as `http://HOST:PORT` (or `https://`) with the real port.
   *
   * @example
   * const server = await auth0.listen();
   * server.url; // 'http://127.0.0.1:53211'
   */
  url: string;
  /**
   * Over HTTPS, the certificate it serves (PEM), for a client to trust; `undefined` over plain HTTP.
   *
   * @example
   * import { Agent } from 'node:https';
   * const server = await auth0.listen({ https: true });
   * const agent = new Agent({ ca: server.certificate }); // for https.request
   * // or, for every client of a test run: NODE_EXTRA_CA_CERTS, SSL_CERT_FILE... naming a file that holds it
   */
  certificate?: string;
  /**
   * Stops listening and closes every open connection.
   *
   * @example
   * afterAll(() => server.close());
   */
  close(): Promise<void>;
};

/**
 * Serves a router over `node:http` or `node:https` (loaded only here, so the rest runs wherever `Request` exists);
 * `names` are more names for a certificate it makes (the tenant's domain).
 */
export async function listen(
  route: (request: EmulatorRequest) => Promise<EmulatorResponse>,
  bodyLimit: number,
  options: ListenOptions = {},
  names: readonly string[] = [],
): Promise<EmulatorServer> {
  const {
    port = 0,
    host = '127.0.0.1',
    headersTimeoutMs = 10_000,
    requestTimeoutMs = 30_000,
    idleTimeoutMs = 10_000,
    maxConnections = 256,
  } = options;
  if (!Number.isInteger(port) || port < 0 || port > 65_535)
    throw new TypeError(`listen: port must be an integer from 0 to 65535, not ${String(port)}`);
  if (typeof host !== 'string' || host === '') throw new TypeError('listen: host must be a non-empty string');
  // The host as a URL writes it (`127.1` is `127.0.0.1`), as every client's URL parser reads the server's URL.
  const urlHost = URL.canParse(`http://${bracketed(host)}`) ? new URL(`http://${bracketed(host)}`).hostname : undefined;
  if (urlHost === undefined) throw new TypeError(`listen: host must be a host name or an IP address, not ${host}`);
  for (const [name, value] of [
    ['headersTimeoutMs', headersTimeoutMs],
    ['requestTimeoutMs', requestTimeoutMs],
    ['idleTimeoutMs', idleTimeoutMs],
    ['maxConnections', maxConnections],
  ] as const) {
    if (!Number.isInteger(value) || value <= 0) throw new TypeError(`listen: ${name} must be a positive integer`);
  }
  const tls = await certificateAndKey(options, [LOOPBACK, host, names].flat());
  const scheme = tls === undefined ? 'http' : 'https';
  const serverOptions = {
    headersTimeout: Math.min(headersTimeoutMs, requestTimeoutMs),
    requestTimeout: requestTimeoutMs,
    connectionsCheckingInterval: Math.min(1000, headersTimeoutMs),
    // HTTPS: a connection that never finishes its handshake is idle too.
    handshakeTimeout: idleTimeoutMs,
  };
  // Sockets answered while their request's body was still arriving (see send): they close once it has.
  const lingering = new WeakSet<object>();
  const handle = (incoming: IncomingMessage, outgoing: ServerResponse) => {
    outgoing.on('error', () => undefined);
    const request = fromIncoming(incoming, bodyLimit, scheme);
    const answer = request === undefined ? Promise.resolve(apiError(400, 'Invalid request URL')) : route(request);
    answer
      .catch(() => internalError())
      .then(
        (response) => {
          if (send(incoming, outgoing, response)) lingering.add(incoming.socket);
        },
        () => outgoing.destroy(),
      );
  };
  let server;
  if (tls === undefined) server = (await import('node:http')).createServer(serverOptions, handle);
  else {
    const { createServer } = await import('node:https');
    try {
      server = createServer({ ...serverOptions, cert: tls.cert, key: tls.key }, handle);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new TypeError(`listen: cert and key must be a PEM certificate and its private key: ${reason}`);
    }
  }
  // A socket silent for idleTimeoutMs is destroyed (node's default without a 'timeout' listener).
  server.timeout = idleTimeoutMs;
  server.maxConnections = maxConnections;
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    const status = error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? '408 Request Timeout' : '400 Bad Request';
    // A socket that has its answer already (a 413 sent before the body came) gets no second one; one answered here is
    // destroyed once the answer is written, so a client that goes on sending never keeps its place.
    if (socket.writable && !lingering.has(socket))
      socket.end(`HTTP/1.1 ${status}\r\nconnection: close\r\ncontent-length: 0\r\n\r\n`, () => socket.destroy());
    else socket.destroy();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  const actualPort = typeof address === 'object' && address !== null ? address.port : port;
  return {
    url: `${scheme}://${urlHost}:${actualPort}`,
    ...(tls === undefined ? {} : { certificate: tls.cert }),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

/** An IPv6 address in brackets, as a URL writes it; other hosts as they are. */
const bracketed = (host: string) => (host.includes(':') ? `[${host}]` : host);

/** The names every certificate the emulator makes holds: the loopback names a local client connects to. */
const LOOPBACK = ['localhost', '127.0.0.1', '::1'];

/** The certificate and key to serve HTTPS with (given, or made now for `hosts`), or `undefined` for plain HTTP. */
async function certificateAndKey(
  { https, cert, key }: ListenOptions,
  hosts: readonly string[],
): Promise<CertificateAndKey | undefined> {
  if (https !== undefined && typeof https !== 'boolean') throw new TypeError('listen: https must be a boolean');
  for (const [name, value] of [
    ['cert', cert],
    ['key', key],
  ] as const) {
    if (value !== undefined && (typeof value !== 'string' || value === ''))
      throw new TypeError(`listen: ${name} must be PEM text`);
  }
  if ((cert === undefined) !== (key === undefined)) throw new TypeError('listen: cert and key go together');
  if (cert !== undefined && key !== undefined) {
    if (https === false) throw new TypeError('listen: cert and key serve HTTPS, which https: false turns off');
    return { cert, key };
  }
  if (https !== true) return undefined;
  const { createSelfSignedCertificate } = await import('../tls/self-signed-certificate.js');
  return createSelfSignedCertificate(hosts, new Date());
}

/** The router's view of a node request, or `undefined` when its request target is not a path or an http(s) URL. */
function fromIncoming(
  incoming: IncomingMessage,
  limit: number,
  scheme: EmulatorRequest['scheme'],
): EmulatorRequest | undefined {
  const target = splitTarget(incoming.url ?? '');
  if (target === undefined) return undefined;
  const host = incoming.headers.host ?? '';
  return {
    method: incoming.method ?? 'GET',
    scheme,
    path: target.path,
    query: target.query,
    host,
    header: (name) => {
      const value = incoming.headers[name];
      return Array.isArray(value) ? value.join(', ') : value;
    },
    readBody: () => readIncomingBody(incoming, limit),
  };
}

/** Splits an origin-form (`/path?query`) or absolute-form (`http://host/path?query`) request target. */
function splitTarget(target: string): { path: string; query: string } | undefined {
  let rest = target;
  if (!rest.startsWith('/')) {
    const absolute = /^https?:\/\/(?:[a-z0-9.-]+|\[[0-9a-f:.]+\])(?::\d{1,5})?(?=[/?]|$)/i.exec(rest);
    if (absolute === null) return undefined;
    rest = rest.slice(absolute[0].length) || '/';
    if (!rest.startsWith('/') && !rest.startsWith('?')) return undefined;
    if (rest.startsWith('?')) rest = `/${rest}`;
  }
  const question = rest.indexOf('?');
  return question === -1
    ? { path: rest, query: '' }
    : { path: rest.slice(0, question), query: rest.slice(question + 1) };
}

/**
 * Reads a body up to `limit` bytes. Past the limit it stops keeping the bytes but goes on reading them, so the
 * connection stays in step and the client reads the 413 instead of a reset; the request timeout bounds it.
 */
function readIncomingBody(incoming: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const declared = Number(incoming.headers['content-length'] ?? 0);
    let size = 0;
    let tooLarge = declared > limit;
    const chunks: Buffer[] = [];
    if (tooLarge) reject(new BodyFault('too-large'));
    incoming.on('data', (chunk: Buffer) => {
      if (tooLarge) return;
      size += chunk.byteLength;
      if (size <= limit) chunks.push(chunk);
      else {
        tooLarge = true;
        chunks.length = 0;
        reject(new BodyFault('too-large'));
      }
    });
    incoming.on('end', () => {
      if (tooLarge) return;
      try {
        resolve(decodeUtf8(Buffer.concat(chunks, size)));
      } catch (fault) {
        reject(fault);
      }
    });
    incoming.on('error', reject);
  });
}

/**
 * Writes a router response, and says whether its end waits for the request's body. A keep-alive socket reads the
 * rest of a body still arriving after the answer (node does). A socket node closes as the answer ends
 * (`Connection: close`, HTTP/1.0) would be closed under a client still sending: it resets, and the client may lose
 * the answer (a 413 sent at once). There the answer goes out whole at once, and ends once the body has arrived, read
 * to its end and dropped.
 */
function send(incoming: IncomingMessage, outgoing: ServerResponse, response: EmulatorResponse): boolean {
  const text = response.text ?? (response.body === undefined ? undefined : JSON.stringify(response.body));
  const headers: Record<string, string | number> = { ...response.headers };
  if (text !== undefined) {
    if (response.text === undefined) headers['content-type'] = 'application/json; charset=utf-8';
    headers['content-length'] = Buffer.byteLength(text);
  }
  outgoing.writeHead(response.status, headers);
  if (incoming.complete || outgoing.shouldKeepAlive) {
    outgoing.end(text);
    return false;
  }
  if (text !== undefined) outgoing.write(text);
  incoming.once('end', () => outgoing.end());
  incoming.resume();
  return true;
}
