// npm run bench:emulator: the emulator against a minimal node:http JSON server over HTTP, each server in a process of
// its own, loaded by autocannon from this process in interleaved paired rounds (a ratio per round, the median of
// the ratios); then, each in a fresh process, search and PATCH at 1,000, 10,000 and 100,000 users, memory and
// seeding, and a test's set-up; then the work of one request at its bounds. `-- --record` also writes the run into
// emulator/bench/RESULTS.md. The machine's load average is printed with each part.
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { bounds } from './bounds.mjs';
import { load } from './load.mjs';
import { HTTP_WORKLOADS, TOKEN } from './users.mjs';

const here = (file) => new URL(file, import.meta.url).pathname;
const median = (values) => [...values].sort((a, b) => a - b)[values.length >> 1];
const lines = [];
const say = (line = '') => {
  lines.push(line);
  console.log(line);
};
const loadAverage = () =>
  os
    .loadavg()
    .map((value) => value.toFixed(2))
    .join(', ');
const ROUNDS = 5;
const SECONDS = 2;
const SIZES = [1000, 10_000, 100_000];

/** A server of servers.mjs in its own process: its URL and what else it printed, and a way to stop it. */
async function start(mode) {
  const child = spawn(process.execPath, [here('./servers.mjs'), mode], { stdio: ['ignore', 'pipe', 'inherit'] });
  const printed = await new Promise((resolve, reject) => {
    let text = '';
    child.stdout.on('data', (data) => {
      text += String(data);
      if (text.split('\n').length > (mode === 'emulator' ? 2 : 1)) resolve(text.trim().split('\n'));
    });
    child.once('exit', (code) => reject(new Error(`server ${mode} exited with ${code}`)));
  });
  return { url: printed[0], token: printed[1], stop: () => child.kill() };
}

/** A fresh process of inproc.mjs; its one JSON line. */
function inProcess(...args) {
  const run = spawnSync(process.execPath, ['--expose-gc', here('./inproc.mjs'), ...args], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`inproc ${args.join(' ')}: ${run.stderr}`);
  return JSON.parse(run.stdout);
}

say(
  `Node.js ${process.version} on ${os.cpus()[0]?.model ?? 'an unknown CPU'}, ${os.cpus().length} cores, ${os.platform()} ${os.arch()}; load average (1, 5, 15 min) at the start: ${loadAverage()}`,
);
say();

// The load generator's ceiling: autocannon against a server that does nothing.
const idle = await start('idle');
await load(idle.url, { method: 'GET', path: '/', token: TOKEN, seconds: 1 });
const idleRates = [];
for (let round = 0; round < 3; round++)
  idleRates.push(await load(idle.url, { method: 'GET', path: '/', token: TOKEN, seconds: SECONDS }));
const ceiling = median(idleRates);
idle.stop();

say(
  `## HTTP: requests per second, 10 keep-alive connections on loopback (autocannon), ${ROUNDS} paired rounds of ${SECONDS} s`,
);
say();
say(
  'Each round runs the emulator and the minimal server back to back (the order alternating), after 1 s of warm-up each; the ratio is taken per round, and the median of the round ratios is given, with their range.',
);
say();
say('| workload | minimal server | emulator | emulator / minimal | range of the round ratios | load average |');
say('| --- | ---: | ---: | ---: | ---: | ---: |');
const httpRatios = {};
for (const workload of HTTP_WORKLOADS) {
  const [minimal, emulator] = [await start('minimal'), await start('emulator')];
  const servers = { minimal, emulator };
  const run = (name, seconds) =>
    load(servers[name].url, {
      method: workload.method,
      path: workload.path,
      body: workload.body,
      // Both servers get the same request: the client's token (7.7 KB with every scope) goes to the minimal one too.
      token: workload.grant === 'client' ? emulator.token : TOKEN,
      seconds,
    });
  try {
    await run('minimal', 1);
    await run('emulator', 1);
    const rates = { minimal: [], emulator: [] };
    const ratios = [];
    for (let round = 0; round < ROUNDS; round++) {
      const pair = {};
      for (const name of round % 2 === 0 ? ['emulator', 'minimal'] : ['minimal', 'emulator'])
        pair[name] = await run(name, SECONDS);
      rates.minimal.push(pair.minimal);
      rates.emulator.push(pair.emulator);
      ratios.push(pair.emulator / pair.minimal);
    }
    httpRatios[workload.name] = median(ratios);
    say(
      `| ${workload.name} | ${median(rates.minimal).toFixed(0)} | ${median(rates.emulator).toFixed(0)} | ${median(ratios).toFixed(2)}x | ${Math.min(...ratios).toFixed(2)}-${Math.max(...ratios).toFixed(2)}x | ${os.loadavg()[0].toFixed(2)} |`,
    );
  } finally {
    minimal.stop();
    emulator.stop();
  }
}
say();
say(
  `The load generator's ceiling: autocannon drives a server that answers \`{}\` without reading anything at ${ceiling.toFixed(0)} requests/s (median of 3 rounds of ${SECONDS} s), above both servers in every workload.`,
);
say();

say(`## In process: search and PATCH (each size in a fresh process; median of 21 after 5 warm-ups)`);
say();
say(
  'Through `emulator.fetch(Request)`, so each figure includes building the web `Request` and `Response`. The plain filter is `users.filter((user) => user.user_metadata?.plan === "pro")` over the same users, then the first page of 50 as JSON.',
);
say();
say(
  '| users | `q=email:"x"` | `q=user_metadata.plan:pro` | its first search (builds the index) | plain filter | plan / filter | PATCH changing an email (median of 401) | load average |',
);
say('| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
const searches = {};
for (const size of SIZES) {
  const result = inProcess('search', String(size));
  searches[size] = result;
  say(
    `| ${size.toLocaleString('en')} | ${result.email.toFixed(3)} ms | ${result.plan.toFixed(3)} ms | ${result.firstPlan.toFixed(1)} ms | ${result.filter.toFixed(3)} ms | ${(result.plan / result.filter).toFixed(2)}x | ${result.patchEmail.toFixed(3)} ms | ${os.loadavg()[0].toFixed(2)} |`,
  );
}
say();

say('## Memory and seeding (each size in a fresh process, `--expose-gc`)');
say();
say(
  "Heap per user: the parsed users (`JSON.parse` of the array), and what the emulator keeps once the caller's users are dropped, less an emulator without users; then what the email index adds once a search builds it.",
);
say();
say(
  '| users | parsed user | stored user | stored / parsed | floor: the frozen copies in a Map by id | floor / parsed | email index | seeding (createEmulator) | reset() | load average |',
);
say('| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
const memories = {};
for (const size of SIZES) {
  const result = inProcess('memory', String(size));
  memories[size] = result;
  say(
    `| ${size.toLocaleString('en')} | ${result.parsed.toFixed(0)} B | ${result.stored.toFixed(0)} B | ${(result.stored / result.parsed).toFixed(3)}x | ${result.floor.toFixed(0)} B | ${(result.floor / result.parsed).toFixed(3)}x | ${result.emailIndex.toFixed(0)} B | ${result.seedMs.toFixed(0)} ms | ${result.resetMs.toFixed(0)} ms | ${os.loadavg()[0].toFixed(2)} |`,
  );
}
say();

say('## Per test: `createEmulator` and the first SDK call (one process, 200 pairs after 20, the order alternating)');
say();
const perTest = inProcess('pertest');
say('| set-up | median |');
say('| --- | ---: |');
say(`| a fixed token | ${perTest.token.toFixed(2)} ms |`);
say(
  `| client credentials (the SDK asks \`/oauth/token\` first; the emulator signs an RS256 token) | ${perTest.client.toFixed(2)} ms |`,
);
say(`| client credentials / fixed token, median of the pair ratios | ${perTest.ratio.toFixed(2)}x |`);
say(
  `| the process's first emulator with client credentials (generates the shared RSA-2048 key pair) | ${perTest.first.toFixed(0)} ms |`,
);
say(
  `| a suite that makes its emulator once and calls reset() before each test: client credentials / fixed token | ${perTest.reset.ratio.toFixed(2)}x (${perTest.reset.client.toFixed(2)} against ${perTest.reset.token.toFixed(2)} ms) |`,
);
say(
  `| floor, for measurement only: RSA signing made free (every other step and check kept), client credentials / fixed token | ${perTest.floor.ratio.toFixed(2)}x (${perTest.floor.client.toFixed(2)} against ${perTest.floor.token.toFixed(2)} ms) |`,
);
say();

const largest = SIZES[SIZES.length - 1];
const targets = [
  [
    'PATCH, client-credentials token / minimal server',
    '>= 0.63x',
    httpRatios[HTTP_WORKLOADS[1].name],
    'x',
    (v) => v >= 0.63,
  ],
  ['PATCH, fixed token / minimal server', '>= 0.7x', httpRatios[HTTP_WORKLOADS[0].name], 'x', (v) => v >= 0.7],
  ['`q=email:"x"` at 100,000 users', '<= 1 ms', searches[largest].email, ' ms', (v) => v <= 1],
  [
    '`q=user_metadata.plan:pro` at 100,000 users / a plain filter',
    '<= 3x',
    searches[largest].plan / searches[largest].filter,
    'x',
    (v) => v <= 3,
  ],
  ['PATCH changing an email at 100,000 users', '<= 0.2 ms', searches[largest].patchEmail, ' ms', (v) => v <= 0.2],
  [
    'heap per stored user / parsed user (100,000 users)',
    '<= 1.1x',
    memories[largest].stored / memories[largest].parsed,
    'x',
    (v) => v <= 1.1,
  ],
  ['per test: client credentials / fixed token', '<= 1.3x', perTest.ratio, 'x', (v) => v <= 1.3],
];
say('## Targets');
say();
say('| figure | target | this run | met |');
say('| --- | ---: | ---: | --- |');
for (const [label, target, value, unit, met] of targets)
  say(`| ${label} | ${target} | ${value.toFixed(unit === 'x' ? 2 : 3)}${unit} | ${met(value) ? 'yes' : '**no**'} |`);
say();

await bounds(say);
say(`Load average (1, 5, 15 min) at the end: ${loadAverage()}`);

if (process.argv.includes('--record')) {
  const file = here('./RESULTS.md');
  const text = readFileSync(file, 'utf8');
  const [head, rest] = text.split('<!-- results:start -->');
  const tail = rest.split('<!-- results:end -->')[1];
  writeFileSync(file, `${head}<!-- results:start -->\n${lines.join('\n')}\n<!-- results:end -->${tail}`);
}
