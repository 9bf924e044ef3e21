// A server of the HTTP benchmark, in a process of its own: node emulator/bench/servers.mjs minimal|emulator|idle.
// Each prints its URL on its first line and serves until killed; the emulator also prints a client-credentials
// token, asked for as the SDK asks for it (POST /oauth/token, form-encoded, the client's id and secret).
import { createServer } from 'node:http';
import { createEmulator } from 'auth0-user-patch-emulator';
import { benchUsers, CLIENT, HTTP_USERS, TOKEN } from './users.mjs';

const mode = process.argv[2];
const listening = (server) =>
  new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${server.address().port}`)));
const send = (response, status, value) => {
  const text = JSON.stringify(value);
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  response.end(text);
};

if (mode === 'minimal') {
  // What the emulators the issue compares with do per request, and no more: JSON.parse, a plain hand spread (the
  // metadata one level deep), JSON.stringify; a search is a filter over the users, then the first page of 50.
  const users = new Map(benchUsers(HTTP_USERS).map((user) => [user.user_id, user]));
  const server = createServer((request, response) => {
    const url = new URL(request.url, 'http://127.0.0.1');
    if (url.pathname === '/api/v2/users') {
      const q = url.searchParams.get('q') ?? '';
      const [field, value] = [q.slice(0, q.indexOf(':')), q.slice(q.indexOf(':') + 1).replaceAll('"', '')];
      const found = [];
      for (const user of users.values())
        if (field === 'email' ? user.email.toLowerCase() === value.toLowerCase() : user.user_metadata?.plan === value)
          found.push(user);
      send(response, 200, found.slice(0, 50));
      return;
    }
    const id = decodeURIComponent(url.pathname.slice('/api/v2/users/'.length));
    if (request.method === 'GET') {
      send(response, 200, users.get(id));
      return;
    }
    const chunks = [];
    request.on('data', (chunk) => chunks.push(chunk));
    request.on('end', () => {
      const patch = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      const stored = users.get(id);
      const updated = { ...stored, ...patch, user_metadata: { ...stored.user_metadata, ...patch.user_metadata } };
      users.set(id, updated);
      send(response, 200, updated);
    });
  });
  console.log(await listening(server));
} else if (mode === 'emulator') {
  const emulator = createEmulator({ token: TOKEN, clients: [CLIENT], users: benchUsers(HTTP_USERS) });
  const { url } = await emulator.listen({ port: 0, host: '127.0.0.1' });
  const response = await fetch(`${url}/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: CLIENT.clientId,
      client_secret: CLIENT.clientSecret,
      audience: `https://${new URL(url).host}/api/v2/`,
    }),
  });
  if (response.status !== 200) throw new Error(`POST /oauth/token answered ${response.status}`);
  const { access_token: token } = await response.json();
  console.log(url);
  console.log(token);
} else if (mode === 'idle') {
  // The load generator's ceiling: a server that answers a fixed 200 without reading anything.
  const body = '{}';
  const server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      response.writeHead(200, { 'content-type': 'application/json', 'content-length': body.length });
      response.end(body);
    });
  });
  console.log(await listening(server));
} else throw new Error(`unknown mode ${mode}`);
