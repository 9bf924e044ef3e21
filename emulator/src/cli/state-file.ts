/**
 * The state file of `serve --export-on-exit`: checked when `serve` starts, so that a path it cannot write to stops it
 * then, and written when it stops, atomically: the whole state goes to a file beside the target, is flushed to the
 * disk, and is renamed over the target, which therefore always holds a whole state (the old one or the new one).
 */
import {
  closeSync,
  fsyncSync,
  openSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
  accessSync,
  constants,
} from 'node:fs';
import { dirname } from 'node:path';
import { OperatorError } from './operator-error.js';

/** Refuses a target `serve` could not write at exit: a folder, or a file in a folder that is missing or read-only. */
export function checkStateTarget(path: string): void {
  const folder = dirname(path);
  let isFolder: boolean;
  try {
    isFolder = statSync(folder).isDirectory();
  } catch {
    throw new OperatorError(`--export-on-exit ${path}: the folder ${folder} does not exist`);
  }
  if (!isFolder) throw new OperatorError(`--export-on-exit ${path}: ${folder} is not a folder`);
  try {
    accessSync(folder, constants.W_OK);
  } catch {
    throw new OperatorError(`--export-on-exit ${path}: no permission to write in ${folder}`);
  }
  let existing;
  try {
    existing = statSync(path);
  } catch {
    return;
  }
  if (existing.isDirectory()) throw new OperatorError(`--export-on-exit ${path}: is a folder, not a file`);
}

/** Writes the state as JSON to `path` (readable by its owner only: it holds password hashes and a private key). */
export function writeStateFile(path: string, state: unknown): void {
  const temporary = `${path}.${process.pid}.tmp`;
  let descriptor: number | undefined;
  try {
    rmSync(temporary, { force: true });
    descriptor = openSync(temporary, 'wx', 0o600);
    const bytes = Buffer.from(`${JSON.stringify(state, null, 2)}\n`, 'utf8');
    let written = 0;
    while (written < bytes.length) written += writeSync(descriptor, bytes, written, bytes.length - written);
    fsyncSync(descriptor);
    closeSync(descriptor);
    descriptor = undefined;
    renameSync(temporary, path);
  } catch (error) {
    if (descriptor !== undefined) closeSync(descriptor);
    rmSync(temporary, { force: true });
    throw new OperatorError(`cannot write the state to ${path}: ${(error as Error).message}`);
  }
  syncFolder(dirname(path));
}

/** Flushes a folder's entries, so that the rename itself survives a power cut (where the system allows it). */
function syncFolder(folder: string): void {
  let descriptor: number | undefined;
  try {
    descriptor = openSync(folder, 'r');
    fsyncSync(descriptor);
  } catch {
    // Some systems cannot open a folder or flush one; the file is whole either way.
  } finally {
    if (descriptor !== undefined) closeSync(descriptor);
  }
}
