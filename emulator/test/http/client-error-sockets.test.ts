/**
 * listen(): a client answered 408 (or 400) that goes on sending and never reads loses its connection once the answer
 * is written, so maxConnections such clients cannot hold every slot (found in review of issue 22).
 */
import net from 'node:net';
import { expect, it } from 'vitest';
import { createEmulator } from '../../src/index.js';

it('sockets answered 408 but still sending (never reading) do not hold the connection slots', async () => {
  const auth0 = createEmulator({ token: 't' });
  const bounds = { idleTimeoutMs: 200, headersTimeoutMs: 400, requestTimeoutMs: 600, maxConnections: 5 };
  const server = await auth0.listen({ port: 0, host: '127.0.0.1', ...bounds });
  const port = Number(new URL(server.url).port);
  const sockets: net.Socket[] = [];
  const timers: NodeJS.Timeout[] = [];
  try {
    for (let i = 0; i < bounds.maxConnections; i++) {
      const socket = net.connect(port, '127.0.0.1');
      socket.on('error', () => undefined);
      sockets.push(socket);
      // Headers never finished; a header line every 100 ms; the answer (a 408) is never read.
      socket.write('GET /api/v2/users HTTP/1.1\r\n');
      timers.push(setInterval(() => socket.writable && socket.write('X-a: b\r\n'), 100));
    }
    // Every bound has passed many times over by the deadline (ten times the request timeout).
    const deadline = Date.now() + 10 * bounds.requestTimeoutMs;
    let served = false;
    while (!served && Date.now() < deadline) {
      try {
        const response = await fetch(`${server.url}/api/v2/users?per_page=1`, {
          headers: { authorization: 'Bearer t' },
          signal: AbortSignal.timeout(300),
        });
        served = response.status === 200;
      } catch {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
    expect(served).toBe(true);
  } finally {
    for (const timer of timers) clearInterval(timer);
    for (const socket of sockets) socket.destroy();
    await server.close();
  }
}, 20_000);
