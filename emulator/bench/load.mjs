// A bounded loopback load generator: `connections` keep-alive connections, each sending the next PATCH when the
// previous answer has arrived, until `count` requests or `ms` milliseconds; raw sockets, so that the client costs
// less than the servers it measures. Returns answered requests per second; any answer but 200 is an error.
import net from 'node:net';

export function load(url, { path, body, token, ms, count = Infinity, connections = 10 }) {
  const { hostname, port } = new URL(url);
  if (hostname !== '127.0.0.1') throw new Error('the load generator only talks to loopback');
  const payload = Buffer.from(body);
  const request = Buffer.concat([
    Buffer.from(
      `PATCH ${path} HTTP/1.1\r\nhost: ${hostname}:${port}\r\nauthorization: Bearer ${token}\r\n` +
        `content-type: application/json\r\ncontent-length: ${payload.length}\r\n\r\n`,
    ),
    payload,
  ]);
  return new Promise((resolve, reject) => {
    let sent = 0;
    let answered = 0;
    let open = connections;
    const start = performance.now();
    const end = start + ms;
    const more = () => sent < count && performance.now() < end;
    for (let index = 0; index < connections; index++) {
      const socket = net.connect(Number(port), hostname);
      let buffer = Buffer.alloc(0);
      const next = () => {
        if (!more()) {
          socket.end();
          return;
        }
        sent++;
        socket.write(request);
      };
      socket.on('connect', next);
      socket.on('data', (chunk) => {
        buffer = buffer.length === 0 ? chunk : Buffer.concat([buffer, chunk]);
        for (;;) {
          const headerEnd = buffer.indexOf('\r\n\r\n');
          if (headerEnd === -1) return;
          const head = buffer.subarray(0, headerEnd).toString('latin1');
          const length = Number(/content-length: *(\d+)/i.exec(head)?.[1] ?? 0);
          if (buffer.length < headerEnd + 4 + length) return;
          if (!head.startsWith('HTTP/1.1 200')) {
            socket.destroy();
            reject(new Error(`answered ${head.split('\r\n')[0]}`));
            return;
          }
          buffer = buffer.subarray(headerEnd + 4 + length);
          answered++;
          next();
        }
      });
      socket.on('error', reject);
      socket.on('close', () => {
        if (--open === 0) resolve(answered / ((performance.now() - start) / 1000));
      });
    }
  });
}
