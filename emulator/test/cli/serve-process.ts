/** `serve` of the built CLI (dist/cli.js) as a child process, as a user's test suite starts it. */
import { spawn, type ChildProcessByStdio } from 'node:child_process';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';

export const BIN = join(fileURLToPath(new URL('../..', import.meta.url)), 'dist', 'cli.js');

/** Reads `stream` up to serve's last line, `Listening on URL`: the URL and all that was printed. */
export function listening(stream: Readable, what = 'serve'): Promise<{ url: string; output: string }> {
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what} did not start: ${output}`)), 15_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /^Listening on (https?:\/\/\S+)\n/m.exec(output);
      if (match?.[1] === undefined) return;
      clearTimeout(timer);
      stream.off('data', onData);
      resolve({ url: match[1], output });
    };
    stream.on('data', onData);
    stream.once('end', () => reject(new Error(`${what} ended before listening: ${output}`)));
  });
}

/** A running `serve`: its address, what it printed, the process, and its exit code once it ends. */
export type Served = {
  url: string;
  output: string;
  child: ChildProcessByStdio<Writable | null, Readable, Readable>;
  stopped: Promise<number | null>;
};

/** Starts `serve --port 0 ...args`, with standard input a pipe or /dev/null, and waits until it listens. */
export async function startServe(args: readonly string[], stdin: 'pipe' | 'ignore' = 'ignore'): Promise<Served> {
  const command = [BIN, 'serve', '--port', '0', ...args];
  const child =
    stdin === 'pipe'
      ? spawn(process.execPath, command, { stdio: ['pipe', 'pipe', 'pipe'] })
      : spawn(process.execPath, command, { stdio: ['ignore', 'pipe', 'pipe'] });
  const stopped = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const { url, output } = await listening(child.stdout);
  return { url, output, child, stopped };
}

/** The certificate file `serve --https` printed, and the variables of the trust line it printed after it. */
export function printedTrust(output: string): { path: string; variables: Record<string, string> } {
  const path = /^Certificate: (.+)$/m.exec(output)?.[1];
  const line = /^export (.+)$/m.exec(output)?.[1];
  if (path === undefined || line === undefined) throw new Error(`no certificate in serve's output: ${output}`);
  const variables = Object.fromEntries(line.split(' ').map((pair) => pair.split('=', 2) as [string, string]));
  return { path, variables };
}
