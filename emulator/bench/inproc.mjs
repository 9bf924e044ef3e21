// The in-process measurements of the emulator's benchmark, each kind in a fresh process of its own (run.mjs starts
// them): node [--expose-gc] emulator/bench/inproc.mjs search|memory <users> | pertest. Prints one JSON line. Every
// figure here is compared only with another figure of the same process, never with an HTTP rate.
import { ManagementClient } from 'auth0';
import { createEmulator } from 'auth0-user-patch-emulator';
import { benchUsers, CLIENT, TOKEN } from './users.mjs';

const median = (values) => [...values].sort((a, b) => a - b)[values.length >> 1];
const [mode, countText] = process.argv.slice(2);
const count = Number(countText);

/** Milliseconds of `run`, median of `rounds` after `warm` unmeasured runs; `run` gets the run's number. */
async function timed(run, rounds = 21, warm = 5) {
  for (let index = 0; index < warm; index++) await run(-1 - index);
  const times = [];
  for (let index = 0; index < rounds; index++) {
    const start = performance.now();
    await run(index);
    times.push(performance.now() - start);
  }
  return median(times);
}

/** One request to the emulator in process; its status must be `expected`. */
async function call(emulator, method, path, body, expected = 200) {
  const response = await emulator.fetch(
    new Request(`https://tenant.example/api/v2${path}`, {
      method,
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    }),
  );
  const text = await response.text();
  if (response.status !== expected) throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
  return text;
}

const search = (q) => `/users?search_engine=v3&q=${encodeURIComponent(q)}`;

if (mode === 'search') {
  const users = benchUsers(count);
  const emulator = createEmulator({ token: TOKEN, users });
  const email = `user${count - 3}@example.com`;
  // Each answer checked once before it is timed.
  if (JSON.parse(await call(emulator, 'GET', search(`email:"${email}"`))).length !== 1) throw new Error('email');
  const firstPlan = performance.now();
  const page = JSON.parse(await call(emulator, 'GET', search('user_metadata.plan:pro')));
  const firstPlanMs = performance.now() - firstPlan;
  if (page.length !== Math.min(50, count / 10) || page.some((user) => user.user_metadata.plan !== 'pro'))
    throw new Error('plan');
  const result = {
    users: count,
    email: await timed(() => call(emulator, 'GET', search(`email:"${email}"`))),
    plan: await timed(() => call(emulator, 'GET', search('user_metadata.plan:pro'))),
    firstPlan: firstPlanMs,
    // The plain filter over the same users: every match, then the first page of 50 as JSON, as a server would.
    filter: await timed(() => JSON.stringify(users.filter((user) => user.user_metadata?.plan === 'pro').slice(0, 50))),
    patchEmail: await timed(
      (run) =>
        call(emulator, 'PATCH', `/users/${encodeURIComponent('auth0|7')}`, { email: `changed${run}@example.com` }),
      401,
      50,
    ),
  };
  console.log(JSON.stringify(result));
} else if (mode === 'memory') {
  const text = JSON.stringify(benchUsers(count));
  const heap = async () => {
    await new Promise((resolve) => setTimeout(resolve, 10));
    globalThis.gc();
    globalThis.gc();
    return process.memoryUsage().heapUsed;
  };
  // What an emulator costs with no users (the process's shared tables made by a first one), to take off.
  const warm = createEmulator({ token: TOKEN });
  let before = await heap();
  const empty = createEmulator({ token: TOKEN });
  const emptyBytes = (await heap()) - before;
  before = await heap();
  let parsed = JSON.parse(text);
  const parsedBytes = (await heap()) - before;
  parsed = undefined;
  before = await heap();
  parsed = JSON.parse(text);
  let start = performance.now();
  const emulator = createEmulator({ token: TOKEN, users: parsed });
  const seedMs = performance.now() - start;
  // The caller's users are dropped: what is left is what the emulator keeps (it shares nothing with them).
  parsed = undefined;
  const storedBytes = (await heap()) - before - emptyBytes;
  await call(emulator, 'GET', search('email:"user1@example.com"'));
  const emailIndexBytes = (await heap()) - before - emptyBytes - storedBytes;
  const users = JSON.parse(text);
  start = performance.now();
  emulator.reset(users);
  const resetMs = performance.now() - start;
  // The floor: the same copies (a JSON round trip each, frozen) in a Map by user_id, and nothing else.
  before = await heap();
  let floor = new Map(JSON.parse(text).map((user) => [user.user_id, Object.freeze(JSON.parse(JSON.stringify(user)))]));
  const floorBytes = (await heap()) - before;
  floor = floor.size;
  console.log(
    JSON.stringify({
      users: count,
      parsed: parsedBytes / count,
      stored: storedBytes / count,
      emailIndex: emailIndexBytes / count,
      floor: floorBytes / count,
      seedMs,
      resetMs,
      kept: [warm, empty].length,
    }),
  );
} else if (mode === 'pertest') {
  // A test's set-up: a new emulator, a new SDK client configured as apps configure it, and its first call.
  const users = [{ user_id: 'auth0|1', email: 'jane@example.com' }];
  let once = async (grant) => {
    const start = performance.now();
    const emulator = createEmulator(grant === 'client' ? { clients: [CLIENT], users } : { token: TOKEN, users });
    const management = new ManagementClient({
      domain: 'tenant.example',
      ...(grant === 'client' ? CLIENT : { token: TOKEN }),
      fetch: (url, init) => emulator.fetch(new Request(url, init)),
    });
    const user = await management.users.get('auth0|1');
    if (user.email !== 'jane@example.com') throw new Error('pertest');
    return performance.now() - start;
  };
  const first = await once('client');
  const pairs = async (rounds) => {
    const ratios = [];
    const times = { client: [], token: [] };
    for (let round = 0; round < rounds + 20; round++) {
      // Pairs, the order alternating; the first 20 warm up.
      const order = round % 2 === 0 ? ['client', 'token'] : ['token', 'client'];
      const pair = {};
      for (const grant of order) pair[grant] = await once(grant);
      if (round < 20) continue;
      times.client.push(pair.client);
      times.token.push(pair.token);
      ratios.push(pair.client / pair.token);
    }
    return { client: median(times.client), token: median(times.token), ratio: median(ratios) };
  };
  const measured = await pairs(200);
  // A suite that makes its emulators once and resets them for each test: reset(), a new SDK client, its first call.
  const kept = { client: createEmulator({ clients: [CLIENT], users }), token: createEmulator({ token: TOKEN, users }) };
  const fresh = once;
  once = async (grant) => {
    const start = performance.now();
    kept[grant].reset(users);
    const management = new ManagementClient({
      domain: 'tenant.example',
      ...(grant === 'client' ? CLIENT : { token: TOKEN }),
      fetch: (url, init) => kept[grant].fetch(new Request(url, init)),
    });
    const user = await management.users.get('auth0|1');
    if (user.email !== 'jane@example.com') throw new Error('pertest');
    return performance.now() - start;
  };
  const reset = await pairs(200);
  once = fresh;
  // The floor, for measurement only: the same set-ups with RSA signing made free (a constant signature; the
  // emulator remembers the tokens it signs as verified, so every other step and check still runs).
  const sign = crypto.subtle.sign;
  crypto.subtle.sign = async () => new Uint8Array(256).buffer;
  const floor = await pairs(100);
  crypto.subtle.sign = sign;
  console.log(JSON.stringify({ first, ...measured, reset, floor }));
} else throw new Error(`unknown mode ${mode}`);
