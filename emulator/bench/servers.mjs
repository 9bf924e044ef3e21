// A server for the HTTP workload, in a process of its own: node emulator/bench/servers.mjs minimal|listen|fetch.
// `minimal` and `listen` print their URL and serve until killed; `fetch` drives the emulator's in-process fetch
// with 10 requests in flight for BENCH_HTTP_MS and prints the requests per second as JSON.
import { createServer } from 'node:http';
import { createEmulator } from 'auth0-user-patch-emulator';
import { workloads } from '../../bench/workloads.mjs';

export const TOKEN = 'bench-token';
const { user, patchText } = workloads[0];
const mode = process.argv[2];

if (mode === 'minimal') {
  // What the emulators the issue compares with do per request: JSON.parse, a shallow spread, JSON.stringify.
  let stored = user;
  const server = createServer((request, response) => {
    const chunks = [];
    request.on('data', (chunk) => chunks.push(chunk));
    request.on('end', () => {
      const patch = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      stored = { ...stored, ...patch, user_metadata: { ...stored.user_metadata, ...patch.user_metadata } };
      const text = JSON.stringify(stored);
      response.writeHead(200, {
        'content-type': 'application/json; charset=utf-8',
        'content-length': Buffer.byteLength(text),
      });
      response.end(text);
    });
  });
  server.listen(0, '127.0.0.1', () => console.log(`http://127.0.0.1:${server.address().port}`));
} else if (mode === 'listen') {
  const emulator = createEmulator({ token: TOKEN, users: [user] });
  const server = await emulator.listen({ port: 0, host: '127.0.0.1' });
  console.log(server.url);
} else if (mode === 'fetch') {
  const emulator = createEmulator({ token: TOKEN, users: [user] });
  const url = `http://127.0.0.1/api/v2/users/${encodeURIComponent(user.user_id)}`;
  const headers = { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' };
  const one = async () => {
    const response = await emulator.fetch(new Request(url, { method: 'PATCH', headers, body: patchText }));
    if (response.status !== 200) throw new Error(`fetch answered ${response.status}`);
    await response.text();
  };
  const drive = async (ms) => {
    let done = 0;
    const end = performance.now() + ms;
    await Promise.all(
      Array.from({ length: 10 }, async () => {
        while (performance.now() < end) {
          await one();
          done++;
        }
      }),
    );
    return done;
  };
  const ms = Number(process.env.BENCH_HTTP_MS ?? 3000);
  await drive(ms / 3);
  const start = performance.now();
  const done = await drive(ms);
  console.log(JSON.stringify({ perSecond: done / ((performance.now() - start) / 1000) }));
} else throw new Error(`unknown mode ${mode}`);
