/** What stops `serve`: a signal, or the process that started it going away. */
import { fstatSync } from 'node:fs';

/** How often `serve` looks whether its parent process is still there, in milliseconds. */
const PARENT_CHECK_MS = 500;

/**
 * Settles on SIGINT, SIGTERM or SIGHUP; and, with `watchParent`, when the parent process goes away (the parent pid is
 * no longer `parent`, read when the process started: the orphan was adopted by init or a subreaper) or when standard
 * input, a pipe or a socket, reaches its end (the process holding the other end exited or closed it). Everything it
 * listens to is released once it settles, so a second signal ends the process at once.
 */
export function waitForStop({ watchParent, parent }: { watchParent: boolean; parent: number }): Promise<void> {
  return new Promise((resolve) => {
    const releases: (() => void)[] = [];
    let stopped = false;
    const stop = () => {
      if (stopped) return;
      stopped = true;
      for (const release of releases) release();
      resolve();
    };
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
      process.on(signal, stop);
      releases.push(() => process.off(signal, stop));
    }
    if (!watchParent) return;
    const timer = setInterval(() => {
      if (process.ppid !== parent) stop();
    }, PARENT_CHECK_MS);
    releases.push(() => clearInterval(timer));
    if (stdinIsPipe()) {
      process.stdin.on('end', stop).on('error', stop).resume();
      releases.push(() => process.stdin.off('end', stop).off('error', stop).destroy());
    }
  });
}

/** Whether standard input is a pipe or a socket, whose end means its writer is gone (not a terminal or /dev/null). */
function stdinIsPipe(): boolean {
  try {
    const stats = fstatSync(0);
    return stats.isFIFO() || stats.isSocket();
  } catch {
    return false;
  }
}

/**
 * Runs `work` with SIGINT, SIGTERM and SIGHUP ignored, so that the second signal a stop often brings (Ctrl-C reaches
 * both npm and `serve`) does not end the process halfway through it.
 */
export async function ignoringSignals(work: () => Promise<void>): Promise<void> {
  const ignore = () => undefined;
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
  for (const signal of signals) process.on(signal, ignore);
  try {
    await work();
  } finally {
    for (const signal of signals) process.off(signal, ignore);
  }
}
