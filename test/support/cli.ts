/** The built `auth0-user-patch` bin, spawned as a user runs it, and scratch folders for its files. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll } from 'vitest';

/** The repository's root, the working directory of every run. */
export const root = fileURLToPath(new URL('../..', import.meta.url));
export const bin = join(root, 'dist', 'cli.js');
/** A file of the bundled example of Auth0's "Update Metadata" page. */
export const example = (name: string) => join(root, 'examples', 'auth0-page', name);

/** Runs the bin with `args` and `input` on standard input, without NO_COLOR unless `env` sets it. */
export function run(args: string[], input: string | Buffer = '', env: Record<string, string> = {}) {
  const { NO_COLOR: _ignored, ...rest } = process.env;
  const result = spawnSync(process.execPath, [bin, ...args], {
    cwd: root,
    input,
    encoding: 'utf8',
    env: { ...rest, ...env },
    timeout: 60_000,
    maxBuffer: 256 * 1024 * 1024,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A scratch folder in the temp directory, removed after the calling file's tests; `file` writes a file in it. */
export function scratchFolder(prefix: string) {
  const dir = mkdtempSync(join(tmpdir(), `auth0-user-patch-${prefix}-`));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const file = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };
  return { dir, file };
}

/** True when `text` holds a raw control or bidirectional character (the CLI escapes them). */
export const hasRawControl = (text: string) =>
  /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/.test(text);

/** A user whose user_metadata is 5,000 levels deep, as JSON text. */
export const deepUser = (nickname: string) =>
  `{"nickname":"${nickname}","user_metadata":${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}}`;
