/** A server nothing can knock over: hostile requests over loopback, bounded in count and time. */
import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DOMAIN, NOW, raw, TOKEN, type Emulator, type EmulatorModule } from './harness.js';

/**
 * Sends raw bytes on a fresh connection and resolves with the first whole response (its head and the body its
 * Content-Length or chunked framing announces), or what came before the server closed; `ms` only bounds a server that
 * answers nothing.
 */
function exchange(url: string, chunks: readonly (string | Buffer)[], ms = 5000): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect(Number(port), hostname);
    let received = '';
    const done = () => {
      clearTimeout(timer);
      socket.destroy();
      resolve(received);
    };
    const timer = setTimeout(done, ms);
    socket.on('data', (data) => {
      received += data.toString('latin1');
      if (isWholeResponse(received)) done();
    });
    socket.on('error', done);
    socket.on('close', done);
    socket.on('connect', () => {
      for (const chunk of chunks) socket.write(chunk);
    });
  });
}

/** Whether `text` holds a whole HTTP/1.1 response: its head, then the body its framing announces. */
function isWholeResponse(text: string): boolean {
  const end = text.indexOf('\r\n\r\n');
  if (end < 0) return false;
  const head = text.slice(0, end).toLowerCase();
  const body = text.slice(end + 4);
  const length = /\r\ncontent-length: *(\d+)/.exec(head)?.[1];
  if (length !== undefined) return body.length >= Number(length);
  if (/\r\ntransfer-encoding: *chunked/.test(head)) return body.endsWith('0\r\n\r\n');
  return false;
}

/** Sends raw bytes on a fresh connection and resolves with the first bytes the server answers, or '' after `ms`. */
function firstAnswer(url: string, chunks: readonly (string | Buffer)[], ms = 5000): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect(Number(port), hostname);
    const done = (received: string) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(received);
    };
    const timer = setTimeout(() => done(''), ms);
    socket.on('data', (data) => done(data.toString('latin1')));
    socket.on('error', () => done(''));
    socket.on('connect', () => {
      for (const chunk of chunks) socket.write(chunk);
    });
  });
}

/** Connects and sends nothing: whether the server closes the connection (within `ms`, which only bounds a server that never does). */
function closedByServer(url: string, ms = 5000): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect(Number(port), hostname);
    const timer = setTimeout(() => {
      socket.destroy();
      resolve(false);
    }, ms);
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

/** A connected socket. */
function openSocket(port: number, host: string): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, host);
    socket.once('connect', () => resolve(socket));
    socket.once('error', reject);
  });
}

/** Sends a request on an open socket and resolves with its whole response (the socket stays open). */
function ask(socket: Socket, request: string): Promise<string> {
  return new Promise((resolve) => {
    let received = '';
    const onData = (data: Buffer) => {
      received += data.toString('latin1');
      if (isWholeResponse(received)) {
        socket.off('data', onData);
        resolve(received);
      }
    };
    socket.on('data', onData);
    socket.write(request);
  });
}

const statusOf = (answer: string) => Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1]);

export function robustnessSuite({ createEmulator }: EmulatorModule): void {
  describe('hostile requests over loopback', () => {
    let auth0: Emulator;
    let server: Awaited<ReturnType<Emulator['listen']>>;
    beforeAll(async () => {
      auth0 = createEmulator({
        token: TOKEN,
        now: () => NOW,
        bodyLimit: 1000,
        users: [{ user_id: 'auth0|jane', email: 'jane@example.com' }],
      });
      server = await auth0.listen({ headersTimeoutMs: 500, requestTimeoutMs: 1500 });
    });
    afterAll(() => server.close());
    const alive = async () =>
      (await fetch(`${server.url}/api/v2/users`, { headers: { authorization: `Bearer ${TOKEN}` } })).status;

    it.each([
      ['TRACE', 'TRACE / HTTP/1.1\r\nHost: x\r\n\r\n', 404],
      ['an empty Host', 'GET /api/v2/users HTTP/1.1\r\nHost: \r\n\r\n', 401],
      ['a malformed Host', 'GET /api/v2/users HTTP/1.1\r\nHost: [::1\r\n\r\n', 401],
      ['a malformed absolute URL', 'GET http://[bad/api/v2/users HTTP/1.1\r\nHost: x\r\n\r\n', 400],
      [
        'an absolute URL',
        `GET http://${DOMAIN}/api/v2/users HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${TOKEN}\r\n\r\n`,
        200,
      ],
      ['a request target that is neither', 'GET nowhere HTTP/1.1\r\nHost: x\r\n\r\n', 400],
      ['bad percent-encoding', 'GET /api/v2/users/%E0%A4%A HTTP/1.1\r\nHost: x\r\n\r\n', 400],
      ['a method HTTP does not know', 'BREW /api/v2/users HTTP/1.1\r\nHost: x\r\n\r\n', 400],
      ['a method Auth0 has no route for', 'PURGE /api/v2/users HTTP/1.1\r\nHost: x\r\n\r\n', 404],
      ['a malformed request line', 'GARBAGE\r\n\r\n', 400],
    ])('answers %s with a 4xx (or its answer) and goes on', async (_case, request, status) => {
      expect(statusOf(await exchange(server.url, [request]))).toBe(status);
      expect(await alive()).toBe(200);
    });

    it('refuses a body that is not UTF-8 as malformed JSON', async () => {
      const body = Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]);
      const answer = await exchange(server.url, [
        `PATCH /api/v2/users/auth0%7Cjane HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${TOKEN}\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n`,
        body,
      ]);
      expect(statusOf(answer)).toBe(400);
      expect(answer).toContain('Invalid request payload JSON format');
    });

    it('lets the client read the 413 every time, by Content-Length and by counting a chunked body', async () => {
      const big = 'x'.repeat(64 * 1024);
      for (let attempt = 0; attempt < 10; attempt++) {
        const response = await fetch(`${server.url}/api/v2/users/auth0%7Cjane`, {
          method: 'PATCH',
          headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
          body: JSON.stringify({ user_metadata: { big } }),
        });
        expect(response.status).toBe(413);
        expect(await response.json()).toEqual({
          statusCode: 413,
          error: 'Request Entity Too Large',
          message: 'Payload content length greater than maximum allowed: 1000',
        });
      }
      const chunked = await exchange(server.url, [
        `PATCH /api/v2/users/auth0%7Cjane HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${TOKEN}\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n`,
        `800\r\n${'x'.repeat(0x800)}\r\n0\r\n\r\n`,
      ]);
      expect(statusOf(chunked)).toBe(413);
      expect(await alive()).toBe(200);
    });

    it('answers 413 by a declared Content-Length past the limit, before reading a small body or one never sent', async () => {
      const head = (length: number) =>
        `PATCH /api/v2/users/auth0%7Cjane HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${TOKEN}\r\nContent-Type: application/json\r\nContent-Length: ${length}\r\n\r\n`;
      // A small body under a large declared length: the server cannot have counted 1001 bytes, so it read the header.
      const small = await exchange(server.url, [head(1001), '{"blocked":true}']);
      expect(statusOf(small)).toBe(413);
      expect(small).toContain('Payload content length greater than maximum allowed: 1000');
      // The body never comes: the 413 still arrives, well before the request timeout.
      expect(statusOf(await firstAnswer(server.url, [head(5000)]))).toBe(413);
      expect(await alive()).toBe(200);
    });

    it('accepts a declared Content-Length exactly at the limit', async () => {
      const body = JSON.stringify({ user_metadata: { pad: 'x'.repeat(1000 - '{"user_metadata":{"pad":""}}'.length) } });
      expect(body).toHaveLength(1000);
      const answer = await exchange(server.url, [
        `PATCH /api/v2/users/auth0%7Cjane HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${TOKEN}\r\nContent-Type: application/json\r\nContent-Length: 1000\r\nConnection: close\r\n\r\n`,
        body,
      ]);
      expect(statusOf(answer)).toBe(200);
    });

    it('answers 413 in process by a declared Content-Length past the limit, whatever the body', async () => {
      const patch = (length: number, body?: string) =>
        auth0.fetch(
          new Request(`https://${DOMAIN}/api/v2/users/auth0%7Cjane`, {
            method: 'PATCH',
            headers: {
              authorization: `Bearer ${TOKEN}`,
              'content-type': 'application/json',
              'content-length': String(length),
            },
            ...(body === undefined ? {} : { body }),
          }),
        );
      for (const response of [await patch(1001, '{"blocked":true}'), await patch(5000)]) {
        expect(response.status).toBe(413);
        expect(await response.json()).toEqual({
          statusCode: 413,
          error: 'Request Entity Too Large',
          message: 'Payload content length greater than maximum allowed: 1000',
        });
      }
      // At the limit, the declared length is no reason to refuse: the body is read and applied.
      const atLimit = await patch(1000, '{"blocked":true}');
      expect(atLimit.status).toBe(200);
      expect(await atLimit.json()).toMatchObject({ user_id: 'auth0|jane', blocked: true });
    });

    it('closes a connection that never finishes its headers (slow client)', async () => {
      const started = Date.now();
      const answer = await exchange(server.url, ['GET /api/v2/users HTTP/1.1\r\nHost: x\r\n'], 8000);
      expect(Date.now() - started).toBeLessThan(8000);
      expect(answer === '' || statusOf(answer) === 408).toBe(true);
      expect(await alive()).toBe(200);
    }, 10_000);

    it('closes a connection that never sends a byte, after idleTimeoutMs', async () => {
      const quiet = await createEmulator({ token: TOKEN }).listen({ idleTimeoutMs: 200 });
      try {
        // Nothing is sent: before the idle timeout, such a socket stayed open for ever.
        expect(await closedByServer(quiet.url)).toBe(true);
      } finally {
        await quiet.close();
      }
    });

    it('serves at most maxConnections at once: one more is closed as it comes, and served once one is gone', async () => {
      const bounded = await createEmulator({ token: TOKEN }).listen({ maxConnections: 2 });
      const { hostname, port } = new URL(bounded.url);
      const held = await Promise.all([0, 1].map(() => openSocket(Number(port), hostname)));
      try {
        // Each held socket is served (keep-alive), so the server counts it.
        for (const socket of held)
          expect(statusOf(await ask(socket, 'GET /api/v2/users HTTP/1.1\r\nHost: x\r\n\r\n'))).toBe(401);
        expect(await closedByServer(bounded.url)).toBe(true);
        const gone = held.pop();
        await new Promise((resolve) => {
          gone?.once('close', resolve);
          gone?.destroy();
        });
        expect(statusOf(await exchange(bounded.url, ['GET /api/v2/users HTTP/1.1\r\nHost: x\r\n\r\n']))).toBe(401);
      } finally {
        for (const socket of held) socket.destroy();
        await bounded.close();
      }
    });

    it('never echoes an internal message in a 500', async () => {
      let broken = false;
      const fragile = createEmulator({ token: TOKEN, now: () => (broken ? ({} as Date) : NOW) });
      broken = true;
      const response = await raw(fragile, 'PATCH', '/api/v2/users/x', { body: '{"blocked":true}' });
      expect(response.status).toBe(500);
      expect(await response.json()).toEqual({
        statusCode: 500,
        error: 'Internal Server Error',
        message: 'Internal Server Error',
      });
    });

    it.each([
      [{ port: -1 }, 'listen: port must be an integer from 0 to 65535, not -1'],
      [{ port: 70_000 }, 'listen: port must be an integer from 0 to 65535, not 70000'],
      [{ host: '' }, 'listen: host must be a non-empty string'],
      [{ headersTimeoutMs: 0 }, 'listen: headersTimeoutMs must be a positive integer'],
      [{ idleTimeoutMs: 0 }, 'listen: idleTimeoutMs must be a positive integer'],
      [{ maxConnections: 1.5 }, 'listen: maxConnections must be a positive integer'],
      [{ host: 'not a host' }, 'listen: host must be a host name or an IP address, not not a host'],
    ])('validates listen options %j', async (options, message) => {
      await expect(auth0.listen(options)).rejects.toThrow(new TypeError(message));
    });

    it('rejects listening on a port in use with the system error, and keeps the first server', async () => {
      const port = Number(new URL(server.url).port);
      await expect(auth0.listen({ port })).rejects.toMatchObject({ code: 'EADDRINUSE' });
      expect(await alive()).toBe(200);
    });
  });

  describe('concurrency', () => {
    it('lands 200 concurrent PATCHes adding different keys (no lost update)', async () => {
      const auth0 = createEmulator({ token: TOKEN, users: [{ user_id: 'auth0|c', user_metadata: {} }] });
      const patches = Array.from({ length: 200 }, (_, index) =>
        raw(auth0, 'PATCH', '/api/v2/users/auth0%7Cc', {
          body: JSON.stringify({ user_metadata: { [`key${index}`]: index } }),
        }),
      );
      const statuses = (await Promise.all(patches)).map((response) => response.status);
      expect(statuses.every((status) => status === 200)).toBe(true);
      expect(Object.keys(auth0.users.get('auth0|c')?.user_metadata ?? {})).toHaveLength(200);
    });

    it('loses no update under concurrent clients over loopback (bounded in count and time)', async () => {
      const auth0 = createEmulator({ token: TOKEN, users: [{ user_id: 'auth0|load', user_metadata: {} }] });
      const server = await auth0.listen();
      const deadline = Date.now() + 10_000;
      try {
        const work = Array.from({ length: 8 }, async (_, client) => {
          let sent = 0;
          for (; sent < 50 && Date.now() < deadline; sent++) {
            const response = await fetch(`${server.url}/api/v2/users/auth0%7Cload`, {
              method: 'PATCH',
              headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
              body: JSON.stringify({ user_metadata: { [`c${client}r${sent}`]: sent } }),
            });
            expect(response.status).toBe(200);
            await response.arrayBuffer();
          }
          return sent;
        });
        const sent = (await Promise.all(work)).reduce((total, count) => total + count, 0);
        expect(sent).toBeGreaterThan(0);
        expect(Object.keys(auth0.users.get('auth0|load')?.user_metadata ?? {})).toHaveLength(sent);
      } finally {
        await server.close();
      }
    }, 20_000);
  });
}
