// npm run bench:emulator: the emulator's HTTP workload, each server in its own process, the load generator here; two
// interleaved rounds; then its in-process fetch. Uses the typical workload of the library's benchmark (bench/).
import { spawn, spawnSync } from 'node:child_process';
import os from 'node:os';
import { load } from './load.mjs';
import { workloads } from '../../bench/workloads.mjs';
import { bounds } from './bounds.mjs';

const here = (file) => new URL(file, import.meta.url).pathname;
const medianOf = (values) => [...values].sort((a, b) => a - b)[values.length >> 1];
const TYPICAL = 0;
const say = (line = '') => console.log(line);

say(
  `Node.js ${process.version} on ${os.cpus()[0]?.model ?? 'an unknown CPU'}, ${os.cpus().length} cores; load average at the start ${os.loadavg()[0].toFixed(1)}`,
);
say();
// The HTTP workload: each server in its own process, the load generator here; two interleaved rounds.
const HTTP_MS = 3000;
async function throughput(mode) {
  const child = spawn(process.execPath, [here('./servers.mjs'), mode], { stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    const url = await new Promise((resolve, reject) => {
      child.stdout.once('data', (data) => resolve(String(data).trim()));
      child.once('exit', (code) => reject(new Error(`server ${mode} exited with ${code}`)));
    });
    const options = {
      path: `/api/v2/users/${encodeURIComponent(workloads[TYPICAL].user.user_id)}`,
      body: workloads[TYPICAL].patchText,
      token: 'bench-token',
    };
    await load(url, { ...options, ms: 1000 });
    return await load(url, { ...options, ms: HTTP_MS, count: 200_000 });
  } finally {
    child.kill();
  }
}
const http = { minimal: [], listen: [] };
for (let round = 0; round < 2; round++)
  for (const mode of ['minimal', 'listen']) http[mode].push(await throughput(mode));
const fetched = JSON.parse(
  spawnSync(process.execPath, [here('./servers.mjs'), 'fetch'], {
    encoding: 'utf8',
    env: { ...process.env, BENCH_HTTP_MS: String(HTTP_MS) },
  }).stdout,
);
const minimalRate = medianOf(http.minimal);
const listenRate = medianOf(http.listen);

say('## HTTP: PATCH /api/v2/users/{id}, the typical body, 10 keep-alive connections on loopback');
say();
say('| server | requests/s (median of 2 rounds of 3 s) | vs minimal |');
say('| --- | ---: | ---: |');
say(
  `| minimal node:http (JSON.parse, shallow spread, JSON.stringify; no checks) | ${minimalRate.toFixed(0)} | 1.00x |`,
);
say(
  `| the emulator's listen() (auth, routing, applyPatchJson, store, stamps) | ${listenRate.toFixed(0)} | ${(listenRate / minimalRate).toFixed(2)}x |`,
);
say(
  `| the emulator's fetch(Request), in process, 10 in flight | ${fetched.perSecond.toFixed(0)} | ${(fetched.perSecond / minimalRate).toFixed(2)}x |`,
);
say();
// The work one request may cost, at the bounds the emulator sets (bounds.mjs).
await bounds(say);
