import { parseArgs } from 'node:util';
import { applyPatch } from '../apply-patch.js';
import { diffUsers, UnreachableUserError } from '../diff-users.js';
import { PatchError } from '../patch-error.js';
import { isPlainObject } from '../is-plain-object.js';
import { previewPatch } from '../preview-patch.js';
import type { Auth0User } from '../types.js';
import { validatePatch } from '../validate-patch.js';
import { createEmulator } from '../emulator/create-emulator.js';
import { randomHex } from '../emulator/create-user.js';
import { renderPreview } from './preview-report.js';
import { inputName, readJson } from './read-json.js';
import { USAGE } from './usage.js';
import { UsageError } from './usage-error.js';

/**
 * What the CLI reads and writes, so that it runs the same in a process and in a test.
 *
 * @example
 * const io: CliIo = { stdout: (text) => process.stdout.write(text), stderr: (text) => process.stderr.write(text), readStandardInput: () => '', color: false, version: '1.0.0', waitForStop: () => new Promise(() => {}) };
 */
export type CliIo = {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  readStandardInput: () => string;
  /** Whether standard output is a terminal that may get colours (a TTY, and no `NO_COLOR`). */
  color: boolean;
  version: string;
  /** Settles when the process is asked to stop (SIGINT or SIGTERM): `serve` then closes its server. */
  waitForStop: () => Promise<void>;
};

const DEFAULT_PORT = 4010;

const OPTIONS = {
  json: { type: 'boolean' },
  port: { type: 'string' },
  host: { type: 'string' },
  token: { type: 'string' },
  users: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

/**
 * Runs `auth0-user-patch` with its arguments and returns the exit code: 0 success, 1 a refused patch (Auth0's
 * error body on standard error) or an unreachable diff, 2 a usage error, an unreadable file or malformed JSON.
 *
 * @example
 * const code = await runCli(['validate', 'patch.json'], io);
 */
export async function runCli(args: readonly string[], io: CliIo): Promise<number> {
  try {
    const { values, positionals } = parseCommandLine(args);
    if (values.help) return print(io, USAGE);
    if (values.version) return print(io, `${io.version}\n`);
    const [command, ...files] = positionals;
    if (values.json && command !== 'preview') throw new UsageError('--json goes with preview only');
    const serveOption = (['port', 'host', 'token', 'users'] as const).find((name) => values[name] !== undefined);
    if (serveOption !== undefined && command !== 'serve') throw new UsageError(`--${serveOption} goes with serve only`);
    if (files.filter((file) => file === '-').length > 1) throw new UsageError('only one argument can read standard input (-)');
    const read = (file: string) => readJson(file, io.readStandardInput);
    switch (command) {
      case 'apply':
        return apply(io, ...twoFiles(command, files, read));
      case 'preview':
        return preview(io, values.json === true, ...twoFiles(command, files, read));
      case 'diff':
        return diff(io, ...twoFiles(command, files, read), files[1] as string);
      case 'validate':
        return validate(io, read(oneFile(command, files)));
      case 'serve':
        if (files.length > 0) throw new UsageError('serve takes no file; use --users <users.json>');
        return await serve(io, values, read);
      case undefined:
        throw new UsageError('a command is missing');
      default:
        throw new UsageError(`unknown command: ${command}`);
    }
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(`auth0-user-patch: ${error.message}\nRun auth0-user-patch --help for usage.\n`);
    return 2;
  }
}

function parseCommandLine(args: readonly string[]) {
  try {
    return parseArgs({ args: [...args], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

function oneFile(command: string, files: readonly string[]): string {
  if (files.length !== 1) throw new UsageError(`${command} takes one file: <patch.json>`);
  return files[0] as string;
}

function twoFiles(command: string, files: readonly string[], read: (file: string) => unknown): [Auth0User, unknown] {
  if (files.length !== 2) {
    const names = command === 'diff' ? '<before.json> <after.json>' : '<user.json> <patch.json>';
    throw new UsageError(`${command} takes two files: ${names}`);
  }
  const [userFile, secondFile] = files as [string, string];
  const user = read(userFile);
  if (!isPlainObject(user)) throw new UsageError(`${inputName(userFile)} must hold a user (a JSON object)`);
  return [user as Auth0User, read(secondFile)];
}

function apply(io: CliIo, user: Auth0User, patch: unknown): number {
  try {
    return print(io, `${JSON.stringify(applyPatch(user, patch as never), null, 2)}\n`);
  } catch (error) {
    return refuse(io, error);
  }
}

function preview(io: CliIo, asJson: boolean, user: Auth0User, patch: unknown): number {
  const result = previewPatch(user, patch);
  io.stdout(asJson ? `${JSON.stringify(result, null, 2)}\n` : renderPreview(result, { color: io.color }));
  return result.error === undefined ? 0 : refuse(io, result.error);
}

function diff(io: CliIo, before: Auth0User, after: unknown, afterFile: string): number {
  if (!isPlainObject(after)) throw new UsageError(`${inputName(afterFile)} must hold a user (a JSON object)`);
  try {
    return print(io, `${JSON.stringify(diffUsers(before, after as Auth0User), null, 2)}\n`);
  } catch (error) {
    if (!(error instanceof UnreachableUserError)) throw error;
    io.stderr(`${error.message}\n`);
    return 1;
  }
}

function validate(io: CliIo, patch: unknown): number {
  const error = validatePatch(patch);
  return error === undefined ? print(io, 'valid\n') : refuse(io, error);
}

async function serve(
  io: CliIo,
  options: { port?: string | undefined; host?: string | undefined; token?: string | undefined; users?: string | undefined },
  read: (file: string) => unknown,
): Promise<number> {
  const port = Number(options.port ?? DEFAULT_PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new UsageError(`--port takes a port number, not ${options.port}`);
  const users = options.users === undefined ? [] : read(options.users);
  if (!Array.isArray(users) || !users.every((user) => isPlainObject(user) && typeof user['user_id'] === 'string')) {
    throw new UsageError(`${options.users} must hold an array of users, each with a user_id`);
  }
  const token = options.token ?? randomHex(16);
  const server = await createEmulator({ token, users }).listen({ port, host: options.host ?? '127.0.0.1' });
  if (options.token === undefined) io.stdout(`Token: ${token}\n`);
  io.stdout(`Listening on ${server.url}\n`);
  await io.waitForStop();
  await server.close();
  return 0;
}

function refuse(io: CliIo, error: unknown): number {
  if (!(error instanceof PatchError)) throw error;
  io.stderr(`${JSON.stringify(error)}\n`);
  return 1;
}

function print(io: CliIo, text: string): number {
  io.stdout(text);
  return 0;
}
