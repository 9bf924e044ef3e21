/**
 * When `serve` stops, with the clock and the parent pid under the test's control: the parent going away (its pid
 * changes), the signals, and nothing left listening afterwards. Standard input is not a pipe here (fstat is
 * stubbed); the CLI test closes a real pipe and kills a real parent.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { waitForStop } from '../../src/cli/wait-for-stop.js';

vi.mock('node:fs', async (importOriginal) => ({
  ...(await importOriginal<typeof import('node:fs')>()),
  fstatSync: () => ({ isFIFO: () => false, isSocket: () => false }),
}));

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
const original = Object.getOwnPropertyDescriptor(process, 'ppid') as PropertyDescriptor;
let parent = 4242;

/** Starts waiting, and tells whether it has settled yet. */
function watch(watchParent: boolean): () => boolean {
  let settled = false;
  void waitForStop({ watchParent, parent: 4242 }).then(() => {
    settled = true;
  });
  return () => settled;
}

describe('waitForStop', () => {
  const listeners = () => SIGNALS.map((signal) => process.listenerCount(signal));
  let before: number[];
  beforeEach(() => {
    vi.useFakeTimers();
    parent = 4242;
    Object.defineProperty(process, 'ppid', { configurable: true, get: () => parent });
    before = listeners();
  });
  afterEach(() => {
    vi.useRealTimers();
    Object.defineProperty(process, 'ppid', original);
  });

  it('settles within half a second of the parent going away, and leaves no timer or listener behind', async () => {
    const settled = watch(true);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(settled()).toBe(false);
    parent = 1; // adopted by init
    await vi.advanceTimersByTimeAsync(500);
    expect(settled()).toBe(true);
    expect(vi.getTimerCount()).toBe(0);
    expect(listeners()).toEqual(before);
  });

  it('settles at once when the parent was gone before it was called (it died while serve started)', async () => {
    parent = 1;
    const settled = watch(true);
    await vi.advanceTimersByTimeAsync(500);
    expect(settled()).toBe(true);
  });

  it('does not watch the parent when told to outlive it', async () => {
    const settled = watch(false);
    parent = 1;
    await vi.advanceTimersByTimeAsync(60_000);
    expect(settled()).toBe(false);
    expect(vi.getTimerCount()).toBe(0);
    process.emit('SIGTERM');
    await vi.advanceTimersByTimeAsync(0);
    expect(settled()).toBe(true);
  });

  it.each(SIGNALS)(
    'settles on %s, then leaves the signal to its default (a second one ends the process)',
    async (signal) => {
      const settled = watch(true);
      expect(listeners()).toEqual(before.map((count) => count + 1));
      process.emit(signal);
      await vi.advanceTimersByTimeAsync(0);
      expect(settled()).toBe(true);
      expect(listeners()).toEqual(before);
      expect(vi.getTimerCount()).toBe(0);
    },
  );
});
