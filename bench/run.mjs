// npm run bench: times applyPatch against baselines and peers in one process, after checking every contender's
// output against Auth0's semantics. `npm run bench -- --record` also writes the run into bench/RESULTS.md.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { isDeepStrictEqual } from 'node:util';
import { do_not_optimize, measure } from 'mitata';
import { applyPatch } from 'auth0-user-patch';
import { contenders, semanticProbes } from './contenders.mjs';
import { workloads } from './workloads.mjs';

const copy = (value) => JSON.parse(JSON.stringify(value));
/** Results stay reachable here, so that no engine can skip the work. */
const sink = [];

/** The rules a contender breaks on the probe cases, [] when it follows them all. */
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
  const times = Array.from({ length: 5 }, () => Number(spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' }).stdout));
  return times.sort((a, b) => a - b)[2];
}

const lines = [];
const say = (line = '') => {
  lines.push(line);
  console.log(line);
};

say(`Node.js ${process.version} (V8 ${process.versions.v8}) on ${os.cpus()[0]?.model ?? 'an unknown CPU'}, ${os.cpus().length} cores, ${os.platform()} ${os.arch()}`);
say(`Module load time of auth0-user-patch: ${moduleLoadTime().toFixed(2)} ms (median of 5 cold starts)`);
say();
say('## Semantics (checked before timing)');
say();
say('| contender | follows Auth0\'s rules? |');
say('| --- | --- |');
const verdicts = new Map();
for (const contender of contenders.filter((candidate) => candidate.merges)) {
  const broken = brokenRules(contender);
  verdicts.set(contender.name, broken.length === 0);
  say(`| ${contender.name} | ${broken.length === 0 ? 'correct' : `**wrong**: ${broken.join('; ')}`} |`);
}
say();

const ROUNDS = 5;
const medianOf = (values) => [...values].sort((a, b) => a - b)[values.length >> 1];

/** mitata's median time of one call, measured after a full garbage collection (run with --expose-gc). */
async function timeOf(call) {
  globalThis.gc?.();
  return (await measure(() => do_not_optimize(call()), { min_cpu_time: 100e6 })).p50;
}

/**
 * The ratio of two calls' times, measured back to back in alternation over several rounds, so that both sides
 * see the same state of the machine and of the heap: the figure the targets are judged by.
 */
async function pairedRatio(numerator, denominator, rounds = 7) {
  const ratios = [];
  for (let round = 0; round < rounds; round++) ratios.push((await timeOf(numerator)) / (await timeOf(denominator)));
  return medianOf(ratios);
}
const medians = new Map();
for (const { name, user, patch, patchText } of workloads) {
  const expected = applyPatch(copy(user), copy(patch));
  // Each contender gets its own copy, so that no engine state (frozen or migrated objects) leaks between them.
  const runs = contenders.map((contender) => {
    const ownUser = copy(user);
    const ownPatch = copy(patch);
    const output = contender.run(ownUser, ownPatch, patchText);
    sink.push(output);
    const verdict = !contender.merges ? 'baseline' : isDeepStrictEqual(copy(output), expected) ? 'correct' : '**wrong**';
    return { contender, verdict, time: () => contender.run(ownUser, ownPatch, patchText), samples: [] };
  });
  // Rounds interleave the contenders, so that drift of a shared machine reaches all of them alike; each
  // contender's figure is the median of its per-round medians.
  for (let round = 0; round < ROUNDS; round++) {
    for (const run of runs) run.samples.push(await timeOf(run.time));
  }
  for (const run of runs) medians.set(`${name}|${run.contender.name}`, medianOf(run.samples));
  const ours = medians.get(`${name}|applyPatch`);
  say(`## ${name}`);
  say();
  say('| contender | median | vs applyPatch | output |');
  say('| --- | ---: | ---: | --- |');
  for (const { contender, verdict } of runs) {
    const time = medians.get(`${name}|${contender.name}`);
    say(`| ${contender.name}${contender.note ? ` (${contender.note})` : ''} | ${format(time)} | ${(time / ours).toFixed(2)}x | ${verdict} |`);
  }
  say();
}

const median = (workload, contender) => medians.get(`${workloads[workload].name}|${contender}`);
/** A contender's call on its own copy of a workload, for the paired measurements. */
function call(workload, contenderName) {
  const { user, patch, patchText } = workloads[workload];
  const contender = contenders.find((candidate) => candidate.name === contenderName);
  const ownUser = copy(user);
  const ownPatch = copy(patch);
  return () => contender.run(ownUser, ownPatch, patchText);
}
const targets = [
  ['typical: applyPatch / JSON.parse(body) <= 0.35', await pairedRatio(call(0, 'applyPatch'), call(0, 'JSON.parse(body)')), (r) => r <= 0.35],
  ['typical: applyPatch / hand spread <= 4', await pairedRatio(call(0, 'applyPatch'), call(0, 'hand spread (no validation)')), (r) => r <= 4],
  ['typical: structuredClone + assign / applyPatch >= 20', await pairedRatio(call(0, 'structuredClone + assign'), call(0, 'applyPatch')), (r) => r >= 20],
  ['typical: lodash.merge / applyPatch >= 20', await pairedRatio(call(0, 'lodash.merge'), call(0, 'applyPatch')), (r) => r >= 20],
  ['untouched subtree: 1 MB / 1 KB <= 1.5', await pairedRatio(call(2, 'applyPatch'), call(1, 'applyPatch')), (r) => r <= 1.5],
  ['1 MB patch: applyPatch / JSON.parse(body) <= 1.1', await pairedRatio(call(6, 'applyPatch'), call(6, 'JSON.parse(body)')), (r) => r <= 1.1],
];
say('## Targets');
say();
say('Each ratio is the median of 7 rounds in which the two sides are timed back to back.');
say();
say('| target | ratio | met |');
say('| --- | ---: | --- |');
for (const [label, ratio, met] of targets) say(`| ${label} | ${ratio.toFixed(2)} | ${met(ratio) ? 'yes' : '**no**'} |`);
say();
say('Cost per first-level key of the touched metadata (applyPatch):');
say();
say('| keys | median | per key |');
say('| ---: | ---: | ---: |');
for (const [index, keys] of [[3, 10], [4, 1000], [5, 10_000]]) {
  say(`| ${keys.toLocaleString('en')} | ${format(median(index, 'applyPatch'))} | ${format(median(index, 'applyPatch') / keys)} |`);
}

if (sink.length !== workloads.length * contenders.length) throw new Error('the sink lost results');
say();
say(`Each figure is the median of ${ROUNDS} interleaved rounds of mitata's median (p50) per call.`);
if (process.argv.includes('--record')) {
  const path = new URL('./RESULTS.md', import.meta.url);
  const text = readFileSync(path, 'utf8');
  const start = '<!-- results:start -->';
  const end = '<!-- results:end -->';
  const before = text.slice(0, text.indexOf(start) + start.length);
  const after = text.slice(text.indexOf(end));
  writeFileSync(path, `${before}\n${lines.join('\n')}\n${after}`);
  console.log('\nRecorded in bench/RESULTS.md');
}
