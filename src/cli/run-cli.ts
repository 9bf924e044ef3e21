import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { patchUser } from '../core/apply-patch.js';
import { readConnectionSettings } from '../core/connection.js';
import { diffUsers, UnreachableUserError } from '../describe/diff-users.js';
import { PatchError } from '../core/patch-error.js';
import { isPlainObject } from '../internal/is-plain-object.js';
import { previewPatch, type PatchPreview } from '../describe/preview-patch.js';
import type { Auth0User, ConnectionSettings } from '../core/types.js';
import { validatePatch } from '../core/validate-patch.js';
import { renderHtmlReport } from '../report/render-html-report.js';
import { renderPreview } from './preview-report.js';
import { inputName, readJson } from './read-json.js';
import { nestsDeeperThan } from './nesting-depth.js';
import { boundedOutput, jsonText, terminalText } from './terminal-text.js';
import { USAGE } from './usage.js';
import { UsageError } from './usage-error.js';

/** What the CLI reads and writes, so that it runs the same in a process and in a test. */
export type CliIo = {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  readStandardInput: () => string;
  /** Whether standard output is a terminal that may get colours (a TTY, and no `NO_COLOR`). */
  color: boolean;
  version: string;
};

const OPTIONS = {
  json: { type: 'boolean' },
  connection: { type: 'string' },
  html: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

/** Runs `auth0-user-patch` and returns the exit code: 0 success, 1 a refused patch or an unreachable diff, 2 a usage error, an unreadable file, malformed JSON, or an output past the bound. */
export function runCli(args: readonly string[], given: CliIo): number {
  const io = boundedOutput(given);
  try {
    const { values, positionals } = parseCommandLine(args);
    if (values.help) return print(io, USAGE);
    if (values.version) return print(io, `${io.version}\n`);
    const [command, ...files] = positionals;
    if (values.json && command !== 'preview') throw new UsageError('--json goes with preview only');
    if (values.html !== undefined && command !== 'preview') throw new UsageError('--html goes with preview only');
    if (values.html !== undefined && values.json) throw new UsageError('--json and --html go separately');
    if (values.html === '')
      throw new UsageError('--html takes the file to write the report to (- for standard output)');
    if (values.connection !== undefined && (command === 'validate' || command === 'serve'))
      throw new UsageError('--connection goes with apply, preview and diff');
    if (values.connection === '')
      throw new UsageError("--connection takes the file that holds the user's connection (- for standard input)");
    if ([...files, values.connection].filter((file) => file === '-').length > 1)
      throw new UsageError('only one argument can read standard input (-)');
    const read = (file: string) => readJson(file, io.readStandardInput);
    const connection = () => (values.connection === undefined ? {} : readConnection(values.connection, read));
    switch (command) {
      case 'apply':
        return apply(io, connection(), ...twoFiles(command, files, read));
      case 'preview': {
        const how = { json: values.json === true, html: values.html, files };
        return preview(io, how, connection(), ...twoFiles(command, files, read));
      }
      case 'diff':
        return diff(io, connection(), ...twoFiles(command, files, read), files[1] as string);
      case 'validate':
        return validate(io, read(oneFile(command, files)));
      case 'serve':
        throw new UsageError(
          "serve is the emulator's command: npx auth0-user-patch-emulator serve (package auth0-user-patch-emulator)",
          false,
        );
      case undefined:
        throw new UsageError('a command is missing');
      default:
        throw new UsageError(`unknown command: ${command}`);
    }
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(
      `auth0-user-patch: ${terminalText(error.message)}\n${error.showUsageHint ? 'Run auth0-user-patch --help for usage.\n' : ''}`,
    );
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

/** `--connection`'s file: the user's connection, as `options.connection` of the library takes it, checked. */
function readConnection(file: string, read: (file: string) => unknown): ConnectionOption {
  const connection = read(file);
  if (!isPlainObject(connection)) throw new UsageError(`${inputName(file)} must hold a connection (a JSON object)`);
  const options = { connection: connection as ConnectionSettings };
  try {
    readConnectionSettings(options);
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
    throw new UsageError(`${inputName(file)}: ${error.message.replace('applyPatch: options.connection.', '')}`);
  }
  return options;
}

/** What `--connection` gives the library: the connection of the user's primary identity, or nothing. */
type ConnectionOption = { connection?: ConnectionSettings };

function apply(io: CliIo, connection: ConnectionOption, user: Auth0User, patch: unknown): number {
  try {
    return print(io, `${jsonText(patchUser(user, patch, connection).user, 2)}\n`);
  } catch (error) {
    return refuse(io, error);
  }
}

/** The deepest input the HTML report shows: its page embeds the user and the patch as JSON, which recurses. */
const MAX_REPORT_DEPTH = 1000;

type PreviewOptions = { json: boolean; html: string | undefined; files: readonly string[] };

function preview(
  io: CliIo,
  { json, html, files }: PreviewOptions,
  connection: ConnectionOption,
  user: Auth0User,
  patch: unknown,
): number {
  if (html !== undefined)
    for (const [value, file] of [
      [user, files[0]],
      [patch, files[1]],
    ] as const)
      if (nestsDeeperThan(value, MAX_REPORT_DEPTH))
        throw new UsageError(
          `${inputName(file ?? '-')} nests deeper than ${MAX_REPORT_DEPTH.toLocaleString('en-US')} levels, too deep for the HTML report`,
          false,
        );
  const result = previewPatch(user, patch, connection);
  if (html === undefined) io.stdout(json ? `${jsonText(result, 2)}\n` : renderPreview(result, { color: io.color }));
  else {
    const sources = { user: inputName(files[0] as string), patch: inputName(files[1] as string) };
    writeHtmlReport(io, html, renderHtmlReport({ user, patch, preview: result, sources }), result);
  }
  return result.error === undefined ? 0 : refuse(io, result.error);
}

/** Writes the HTML report to its file (a line on standard output says so), or to standard output for `-`. */
function writeHtmlReport(io: CliIo, file: string, page: string, { changes, warnings, error }: PatchPreview): void {
  if (file === '-') return io.stdout(page);
  try {
    writeFileSync(file, page);
  } catch (error) {
    throw new UsageError(`cannot write ${file}: ${(error as Error).message}`);
  }
  const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  io.stdout(
    `Wrote ${terminalText(file)}: ${error === undefined ? `${count(changes.length, 'change')}, ${count(warnings.length, 'warning')}` : 'Auth0 refuses the patch'}\n`,
  );
}

function diff(io: CliIo, connection: ConnectionOption, before: Auth0User, after: unknown, afterFile: string): number {
  if (!isPlainObject(after)) throw new UsageError(`${inputName(afterFile)} must hold a user (a JSON object)`);
  try {
    return print(io, `${jsonText(diffUsers(before, after as Auth0User, connection), 2)}\n`);
  } catch (error) {
    if (!(error instanceof UnreachableUserError)) throw error;
    io.stderr(`${terminalText(error.message)}\n`);
    return 1;
  }
}

function validate(io: CliIo, patch: unknown): number {
  const error = validatePatch(patch);
  return error === undefined ? print(io, 'valid\n') : refuse(io, error);
}

function refuse(io: CliIo, error: unknown): number {
  if (!(error instanceof PatchError)) throw error;
  io.stderr(`${jsonText(error.toJSON())}\n`);
  return 1;
}

function print(io: CliIo, text: string): number {
  io.stdout(text);
  return 0;
}
