// The work one request may cost (issue 22), measured in process: the user search at its bound of 1,024 terms in
// each shape, a page of a role's members among 100,000, and a ticket with 1,000 or 50,000 messages in the outbox.
// Each answer is checked before it is timed. Run by npm run bench:emulator, or alone: node emulator/bench/bounds.mjs.
import { createEmulator } from 'auth0-user-patch-emulator';

const TOKEN = 'bench-token';
const DATABASE = 'Username-Password-Authentication';
const headers = { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' };
const median = (values) => [...values].sort((a, b) => a - b)[values.length >> 1];
let sink = 0;

/** The request's parsed answer; its status must be `expected` (one status, or any of a list). */
async function call(emulator, method, path, body, expected) {
  const response = await emulator.fetch(
    new Request(`https://tenant.example/api/v2${path}`, {
      method,
      headers,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    }),
  );
  const text = await response.text();
  if (![expected].flat().includes(response.status))
    throw new Error(`${method} ${path.slice(0, 60)} answered ${response.status}`);
  sink += text.length;
  return { status: response.status, body: text === '' ? undefined : JSON.parse(text) };
}

/** The median time of `rounds` runs of `run`, in milliseconds. */
async function timed(run, rounds = 5) {
  await run();
  const times = [];
  for (let round = 0; round < rounds; round++) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  return median(times);
}

const person = (index) => ({
  user_id: `auth0|${index}`,
  email: `user${index}@example.com`,
  name: `User ${index}`,
  logins_count: index % 50,
  identities: [{ connection: DATABASE, provider: 'auth0', user_id: String(index), isSocial: false }],
});
const terms = (count, term) => Array.from({ length: count }, (_, index) => term(index));
const SHAPES = [
  ['one term', () => 'user7@example.com'],
  ['1,024 terms joined by OR', () => terms(1024, (index) => `term${index}`).join(' OR ')],
  ['1,024 negated terms joined by AND', () => terms(1024, (index) => `NOT term${index}`).join(' AND ')],
  ['1,024 times one term that matches, joined by AND', () => terms(1024, () => 'name:"User 7"').join(' AND ')],
  ['1,024 wildcards joined by OR', () => terms(1024, (index) => `name:abc${index}*`).join(' OR ')],
  ['1,024 ranges joined by OR', () => terms(1024, (index) => `logins_count:[${index + 100} TO *]`).join(' OR ')],
];

export async function bounds(say) {
  say('## The work of one request, at its bounds (in process, median of 5)');
  say();
  say('| request | 2,000 users | 10,000 users |');
  say('| --- | ---: | ---: |');
  const tenants = [2000, 10_000].map((count) =>
    createEmulator({ token: TOKEN, users: Array.from({ length: count }, (_, index) => person(index)) }),
  );
  for (const [label, query] of SHAPES) {
    const path = `/users?search_engine=v3&per_page=100&q=${encodeURIComponent(query())}`;
    const cells = [];
    for (const tenant of tenants) {
      const { status } = await call(tenant, 'GET', path, undefined, [200, 503]);
      const ms = await timed(() => call(tenant, 'GET', path, undefined, status));
      cells.push(`${ms.toFixed(1)} ms${status === 503 ? ' (503)' : ''}`);
    }
    say(`| search: ${label} | ${cells.join(' | ')} |`);
  }
  const refused = `/users?search_engine=v3&q=${encodeURIComponent(terms(1025, (index) => `t${index}`).join(' OR '))}`;
  say(
    `| search: 1,025 terms (refused, 400) | ${(await timed(() => call(tenants[1], 'GET', refused, undefined, 400))).toFixed(1)} ms | |`,
  );
  say();

  const members = tenants[1];
  const { body: role } = await call(members, 'POST', '/roles', { name: 'members' }, 200);
  const ids = Array.from({ length: 10_000 }, (_, index) => `auth0|${index}`);
  for (let start = 0; start < ids.length; start += 1000)
    await call(members, 'POST', `/roles/${role.id}/users`, { users: ids.slice(start, start + 1000) }, 200);
  let middle = '';
  for (let page = 0; page < 50; page++) {
    const from = page === 0 ? '' : `&from=${middle}`;
    middle = (await call(members, 'GET', `/roles/${role.id}/users?take=100${from}`, undefined, 200)).body.next;
  }
  const pages = [
    ['the first 50 (take=50)', `/roles/${role.id}/users?take=50`],
    ['50 after a checkpoint in the middle', `/roles/${role.id}/users?take=50&from=${middle}`],
    ['page 99 of 50 (offset paging)', `/roles/${role.id}/users?per_page=50&page=99&include_totals=true`],
  ];
  say('| role members, 10,000 in the role | time |');
  say('| --- | ---: |');
  for (const [label, path] of pages)
    say(`| ${label} | ${(await timed(() => call(members, 'GET', path, undefined, 200))).toFixed(2)} ms |`);
  say();

  const outbox = createEmulator({ token: TOKEN, users: [person(1)] });
  const ticket = () => call(outbox, 'POST', '/tickets/email-verification', { user_id: 'auth0|1' }, 201);
  const perTicket = async () => {
    const start = performance.now();
    for (let count = 0; count < 1000; count++) await ticket();
    return (performance.now() - start) / 1000;
  };
  const early = await perTicket();
  while (outbox.outbox.length < 50_000) await ticket();
  const late = await perTicket();
  say('| a ticket (POST /tickets/email-verification) | time |');
  say('| --- | ---: |');
  say(`| with 1,000 messages in the outbox | ${(early * 1000).toFixed(0)} µs |`);
  say(`| with 50,000 messages in the outbox | ${(late * 1000).toFixed(0)} µs |`);
  say();
  if (sink === 0) say('(nothing was answered)');
}

if (import.meta.url === `file://${process.argv[1]}`) await bounds((line = '') => console.log(line));
