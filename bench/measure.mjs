// One contender on one workload, in a process of its own: node --expose-gc bench/measure.mjs <workload> <contender> [--among]
// Each call gets a patch of its own (parsed from the body before the timed batch); a batch's time includes every
// garbage collection that falls in it, and the figure is the total time over the total calls. Prints JSON.
import { PerformanceObserver } from 'node:perf_hooks';
import { contenders } from './contenders.mjs';
import { workloads } from './workloads.mjs';

const [workloadIndex, contenderName] = process.argv.slice(2);
const among = process.argv.includes('--among');
const budget = Number(process.env.BENCH_MS ?? 300);
const { user, patchText } = workloads[Number(workloadIndex)];
const contender = contenders.find((candidate) => candidate.name === contenderName);
if (contender === undefined) throw new Error(`no contender ${contenderName}`);

const windows = [];
const collections = [];
new PerformanceObserver((list) => collections.push(...list.getEntries())).observe({ entryTypes: ['gc'] });

const sink = [];
let timing = false;
// Batches of `size` calls on fresh patches; returns [elapsed ms, calls].
function batch(run, size) {
  const patches = Array.from({ length: size }, () => JSON.parse(patchText));
  const results = new Array(64);
  // Two young-generation collections move the patches out of the nursery, so that the collections inside the
  // batch count what the contender allocates, not the copying of patches it was handed.
  globalThis.gc?.({ type: 'minor' });
  globalThis.gc?.({ type: 'minor' });
  const start = performance.now();
  for (let index = 0; index < size; index++) results[index & 63] = run(user, patches[index], patchText);
  // The young-generation collection of what the batch allocated (the last 64 results still alive, as a store keeps the latest user) is part of its time.
  globalThis.gc?.({ type: 'minor' });
  const elapsed = performance.now() - start;
  if (timing) windows.push([start, start + elapsed]);
  sink.push(results[(size - 1) & 63]);
  if (sink.length > 64) sink.length = 0;
  return elapsed;
}

// "Among the others": every contender first runs on every workload here, as in a shared process.
if (among) {
  for (const other of contenders)
    for (const { user: otherUser, patchText: text } of workloads) {
      const started = performance.now();
      while (performance.now() - started < 20) sink.push(other.run(otherUser, JSON.parse(text), text));
      sink.length = 0;
    }
}

const run = contender.run;
// Calibrate: a batch takes about 20 ms, so that the collections of what it allocates fall inside it, warm-up of a third of the budget.
let size = 1;
// Patches of a batch are alive together: at most about 16 MB of body text's worth.
const maxSize = Math.max(1, Math.min(1 << 17, Math.floor(16e6 / patchText.length)));
while (size < maxSize && batch(run, size) < 20) size *= 2;
const warmEnd = performance.now() + budget / 3;
while (performance.now() < warmEnd) batch(run, size);
globalThis.gc?.();
let total = 0;
let calls = 0;
const perBatch = [];
timing = true;
const end = performance.now() + budget;
while (performance.now() < end || calls < 3) {
  const elapsed = batch(run, size);
  total += elapsed;
  calls += size;
  perBatch.push(elapsed / size);
}
timing = false;
await new Promise((resolve) => setTimeout(resolve, 20));
const inWindows = collections.filter((entry) =>
  windows.some(([from, to]) => entry.startTime >= from && entry.startTime < to),
);
const gcCount = inWindows.length;
const gcMs = inWindows.reduce((sum, entry) => sum + entry.duration, 0);
perBatch.sort((a, b) => a - b);
console.log(
  JSON.stringify({
    ns: (total / calls) * 1e6,
    medianNs: perBatch[perBatch.length >> 1] * 1e6,
    calls,
    gcCount,
    gcMs,
    gcShare: gcMs / total,
  }),
);
