// npm run bench: every contender on every workload in a process of its own (bench/measure.mjs), GC counted, a
// fresh patch per call. The emulator's HTTP benchmark is emulator/bench/run.mjs (npm run bench:emulator).
// `npm run bench -- --record` also writes the run into bench/RESULTS.md.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { isDeepStrictEqual } from 'node:util';
import { applyPatch } from 'auth0-user-patch';
import { contenders, semanticProbes } from './contenders.mjs';
import { workloads } from './workloads.mjs';

const here = (file) => new URL(file, import.meta.url).pathname;
const copy = (value) => JSON.parse(JSON.stringify(value));
const medianOf = (values) => [...values].sort((a, b) => a - b)[values.length >> 1];

function brokenRules(contender) {
  return semanticProbes
    .filter(({ user, patch }) => {
      const expected = applyPatch(copy(user), copy(patch));
      return !isDeepStrictEqual(copy(contender.run(copy(user), copy(patch), JSON.stringify(patch))), expected);
    })
    .map(({ rule }) => rule);
}

function format(nanoseconds) {
  if (nanoseconds >= 1e6) return `${(nanoseconds / 1e6).toFixed(2)} ms`;
  if (nanoseconds >= 1e3) return `${(nanoseconds / 1e3).toFixed(2)} µs`;
  return `${nanoseconds.toFixed(0)} ns`;
}

function moduleLoadTime() {
  const script = "const t = performance.now(); await import('auth0-user-patch'); console.log(performance.now() - t);";
  const times = Array.from({ length: 5 }, () =>
    Number(spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' }).stdout),
  );
  return medianOf(times);
}

/** One measurement in a fresh process: { ns (total time / calls, GC included), medianNs, gcShare, ... }. */
function measure(workload, contender, among = false) {
  const args = ['--expose-gc', here('./measure.mjs'), String(workload), contender, ...(among ? ['--among'] : [])];
  const { stdout, stderr, status } = spawnSync(process.execPath, args, {
    encoding: 'utf8',
    env: { ...process.env, BENCH_MS: '150' },
  });
  if (status !== 0) throw new Error(`measure ${workload} ${contender}: ${stderr}`);
  return JSON.parse(stdout);
}

const lines = [];
const say = (line = '') => {
  lines.push(line);
  console.log(line);
};

say(
  `Node.js ${process.version} (V8 ${process.versions.v8}) on ${os.cpus()[0]?.model ?? 'an unknown CPU'}, ${os.cpus().length} cores, ${os.platform()} ${os.arch()}; load average at the start ${os.loadavg()[0].toFixed(1)}`,
);
say(`Module load time of auth0-user-patch: ${moduleLoadTime().toFixed(2)} ms (median of 5 cold starts)`);
say();
say('## Semantics (checked before timing)');
say();
say("| contender | follows Auth0's rules? |");
say('| --- | --- |');
for (const contender of contenders.filter((candidate) => candidate.merges)) {
  const broken = brokenRules(contender);
  say(`| ${contender.name} | ${broken.length === 0 ? 'correct' : `**wrong**: ${broken.join('; ')}`} |`);
}
say();

const samples = new Map();
const record = (workload, contender, among, result) => {
  const key = `${workload}|${contender}|${among}`;
  samples.set(key, [...(samples.get(key) ?? []), result]);
};
const time = (workload, contender, among = false) =>
  medianOf(samples.get(`${workload}|${contender}|${among}`).map((sample) => sample.ns));

for (const [index, { name, user, patch, patchText }] of workloads.entries()) {
  const expected = applyPatch(copy(user), copy(patch));
  const verdicts = contenders.map((contender) =>
    !contender.merges
      ? 'baseline'
      : isDeepStrictEqual(copy(contender.run(copy(user), copy(patch), patchText)), expected)
        ? 'correct'
        : '**wrong**',
  );
  for (const contender of contenders) record(index, contender.name, false, measure(index, contender.name));
  say(`## ${name}`);
  say();
  say('| contender | per call (GC included) | GC share | vs applyPatch | output |');
  say('| --- | ---: | ---: | ---: | --- |');
  const ours = time(index, 'applyPatch');
  contenders.forEach((contender, position) => {
    const [sample] = samples.get(`${index}|${contender.name}|false`);
    say(
      `| ${contender.name}${contender.note ? ` (${contender.note})` : ''} | ${format(sample.ns)} | ${(sample.gcShare * 100).toFixed(0)} % | ${(sample.ns / ours).toFixed(2)}x | ${verdicts[position]} |`,
    );
  });
  say();
}

// The sides of each target ratio get two more rounds, interleaved, each in a fresh process; medians of four.
const TYPICAL = 0;
const KEYS_1000 = 4;
const PATCH_1MB = 6;
const targetJobs = [
  ...[
    'applyPatch',
    'applyPatchJson(body)',
    'JSON.parse(body)',
    'JSON.parse + applyPatch',
    'structuredClone + assign',
    'lodash.merge',
    'hand spread (no validation)',
  ].map((name) => [TYPICAL, name, false]),
  ...['applyPatch', 'applyPatchJson(body)', 'JSON.parse(body)', 'JSON.parse + applyPatch'].map((name) => [
    PATCH_1MB,
    name,
    false,
  ]),
  [KEYS_1000, 'applyPatch', false],
  [KEYS_1000, 'hand spread (no validation)', false],
  [KEYS_1000, 'applyPatch', true],
  [KEYS_1000, 'hand spread (no validation)', true],
];
for (let round = 0; round < 2; round++)
  for (const [workload, name, among] of targetJobs) record(workload, name, among, measure(workload, name, among));

const ratio = (a, b) => a / b;
const perKey = (among, contender = 'applyPatch') => time(KEYS_1000, contender, among) / 1000;
const targets = [
  [
    'typical: applyPatchJson / JSON.parse(text) <= 1.35',
    ratio(time(TYPICAL, 'applyPatchJson(body)'), time(TYPICAL, 'JSON.parse(body)')),
    (r) => r <= 1.35,
  ],
  [
    '1 MB: applyPatchJson / JSON.parse(text) <= 1.25',
    ratio(time(PATCH_1MB, 'applyPatchJson(body)'), time(PATCH_1MB, 'JSON.parse(body)')),
    (r) => r <= 1.25,
  ],
  [
    'typical: applyPatch / JSON.parse(body) <= 1.25',
    ratio(time(TYPICAL, 'applyPatch'), time(TYPICAL, 'JSON.parse(body)')),
    (r) => r <= 1.25,
  ],
  [
    '1 MB: applyPatch / JSON.parse(body) <= 1.0',
    ratio(time(PATCH_1MB, 'applyPatch'), time(PATCH_1MB, 'JSON.parse(body)')),
    (r) => r <= 1.0,
  ],
  [
    'typical: structuredClone + assign / applyPatch >= 18',
    ratio(time(TYPICAL, 'structuredClone + assign'), time(TYPICAL, 'applyPatch')),
    (r) => r >= 18,
  ],
  [
    'typical: lodash.merge / applyPatch >= 18',
    ratio(time(TYPICAL, 'lodash.merge'), time(TYPICAL, 'applyPatch')),
    (r) => r >= 18,
  ],
  [
    '1,000 keys alone: applyPatch / floor per key <= 1.5',
    ratio(perKey(false), perKey(false, 'hand spread (no validation)')),
    (r) => r <= 1.5,
  ],
  [
    '1,000 keys among the others: applyPatch / floor per key <= 1.5',
    ratio(perKey(true), perKey(true, 'hand spread (no validation)')),
    (r) => r <= 1.5,
  ],
];
say('## Targets');
say();
say('Each time is the median of three fresh processes (one in the tables above, two interleaved rounds after them).');
say();
say('| target | ratio | met |');
say('| --- | ---: | --- |');
for (const [label, value, met] of targets) say(`| ${label} | ${value.toFixed(2)} | ${met(value) ? 'yes' : '**no**'} |`);
say();
say('Other ratios of the same run:');
say();
say(
  `- typical: JSON.parse + applyPatch / JSON.parse(text): ${ratio(time(TYPICAL, 'JSON.parse + applyPatch'), time(TYPICAL, 'JSON.parse(body)')).toFixed(2)}; 1 MB: ${ratio(time(PATCH_1MB, 'JSON.parse + applyPatch'), time(PATCH_1MB, 'JSON.parse(body)')).toFixed(2)}`,
);
say(
  `- typical: applyPatch / hand spread (the floor): ${ratio(time(TYPICAL, 'applyPatch'), time(TYPICAL, 'hand spread (no validation)')).toFixed(2)}`,
);
say(
  `- 1,000 keys per key: applyPatch ${format(perKey(false))} alone, ${format(perKey(true))} among the others; the floor ${format(perKey(false, 'hand spread (no validation)'))} alone, ${format(perKey(true, 'hand spread (no validation)'))} among the others`,
);
say();
say(
  'Per call = total time of timed batches / calls: each call on a patch parsed for it before the batch, a minor GC after each batch (collecting what it allocated) inside its time, the last 64 results kept alive.',
);

if (process.argv.includes('--record')) {
  const path = here('./RESULTS.md');
  const text = readFileSync(path, 'utf8');
  const start = '<!-- results:start -->';
  const end = '<!-- results:end -->';
  writeFileSync(
    path,
    `${text.slice(0, text.indexOf(start) + start.length)}\n${lines.join('\n')}\n${text.slice(text.indexOf(end))}`,
  );
  console.log('\nRecorded in bench/RESULTS.md');
}
