/**
 * `serve` under a supervisor: it stops, and removes its certificate, when the process that started it goes away,
 * however that process ends, so a test suite in any language leaves no server behind.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, listening, printedTrust, startServe } from './serve-process.js';

const scratch = mkdtempSync(join(tmpdir(), 'auth0-user-patch-emulator-supervised-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Settles when every process holding the stream's pipe has closed it: serve, which inherited it, has exited. */
const ended = (stream: Readable) =>
  new Promise<void>((resolve) => {
    stream.resume();
    stream.once('close', resolve);
  });

/** Whether a TCP connection to the server's port is refused: nothing listens there any more. */
const refused = (url: string) =>
  new Promise<boolean>((resolve) => {
    const { hostname, port } = new URL(url);
    const socket = connect({ host: hostname, port: Number(port) });
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code === 'ECONNREFUSED'));
  });

describe('serve under a supervisor', () => {
  it('stops when its standard input, a pipe, is closed', async () => {
    const server = await startServe(['--https', '--token', 'T'], 'pipe');
    const { path } = printedTrust(server.output);
    server.child.stdin?.end();
    expect(await server.stopped).toBe(0);
    expect(existsSync(dirname(path))).toBe(false);
    expect(await refused(server.url)).toBe(true);
  });

  it('stops when its parent process is killed (SIGKILL: no chance to stop it)', async () => {
    // The parent hands serve its own standard output (so the test reads serve through it) and /dev/null as input.
    const parent = spawn(
      process.execPath,
      [
        '-e',
        `require('node:child_process').spawn(process.execPath, ${JSON.stringify([BIN, 'serve', '--https', '--port', '0', '--token', 'T'])}, { stdio: ['ignore', 'inherit', 'inherit'] }); setInterval(() => {}, 1000);`,
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const { url, output } = await listening(parent.stdout);
    const { path } = printedTrust(output);
    parent.kill('SIGKILL');
    await ended(parent.stdout);
    expect(existsSync(dirname(path))).toBe(false);
    expect(await refused(url)).toBe(true);
  });

  it('stops when npm exec (npx) that started it is stopped: npm passes SIGTERM to its shell, not to serve', async () => {
    writeFileSync(join(scratch, 'package.json'), '{}');
    const npm = spawn('npm', ['exec', '--yes', '--', 'node', BIN, 'serve', '--https', '--port', '0', '--token', 'T'], {
      cwd: scratch,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, npm_config_update_notifier: 'false' },
    });
    const { url, output } = await listening(npm.stdout, 'npm exec serve');
    const { path } = printedTrust(output);
    npm.kill('SIGTERM');
    await ended(npm.stdout);
    expect(existsSync(dirname(path))).toBe(false);
    expect(await refused(url)).toBe(true);
  });
});
