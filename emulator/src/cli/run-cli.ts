/** `auth0-user-patch-emulator`: its one command, `serve`. */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Auth0User } from 'auth0-user-patch';
import type { EmulatorClient } from '../auth/clients.js';
import { createEmulator } from '../create-emulator.js';
import type { ListenOptions } from '../http/listen.js';
import type { EmulatorResourceServer } from '../signin/resource-server-seeds.js';
import type { EmulatorState } from '../state/state-format.js';
import { randomHex } from '../random-hex.js';
import { trustLine, writeCertificateFile, type CertificateFile } from './certificate-file.js';
import { OperatorError, printable } from './operator-error.js';
import { pageLink } from './page-link.js';
import { readBoundedText, readJsonFile } from './read-json-file.js';
import { readUsersFile } from './read-users-file.js';
import { checkStateTarget, writeStateFile } from './state-file.js';
import { USAGE } from './usage.js';

/** What the CLI writes and waits for, so that it runs the same in a process and in a test. */
export type CliIo = {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  version: string;
  /**
   * Settles when the process is asked to stop (a signal) or, with `watchParent`, when the process that started it
   * goes away: `serve` then closes its server.
   */
  waitForStop: (options: { watchParent: boolean }) => Promise<void>;
  /** Runs work that a second signal must not cut short (serving, then the export at exit): after the one that stops
   * `serve`, signals are ignored until it is done. */
  finishing: (work: () => Promise<void>) => Promise<void>;
};

const DEFAULT_PORT = 4010;

const OPTIONS = {
  port: { type: 'string' },
  host: { type: 'string' },
  token: { type: 'string' },
  'client-id': { type: 'string' },
  'client-secret': { type: 'string' },
  domain: { type: 'string' },
  users: { type: 'string' },
  clients: { type: 'string' },
  'resource-servers': { type: 'string' },
  https: { type: 'boolean' },
  cert: { type: 'string' },
  key: { type: 'string' },
  'cert-out': { type: 'string' },
  'outlive-parent': { type: 'boolean' },
  'idle-timeout-ms': { type: 'string' },
  'max-connections': { type: 'string' },
  import: { type: 'string' },
  'export-on-exit': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

/** Runs the CLI and returns its exit code: 0 after a clean stop, 2 for an operator's mistake. */
export async function runCli(args: readonly string[], io: CliIo): Promise<number> {
  try {
    const { values, positionals } = parseCommandLine(args);
    if (values.help) return print(io, USAGE);
    if (values.version) return print(io, `${io.version}\n`);
    const [command, ...rest] = positionals;
    if (command === undefined) throw new OperatorError('a command is missing: serve');
    if (command !== 'serve') throw new OperatorError(`unknown command: ${command}`);
    if (rest.length > 0) throw new OperatorError('serve takes no file; use --users <users.json>');
    return await serve(io, values);
  } catch (error) {
    if (!(error instanceof OperatorError)) throw error;
    io.stderr(`auth0-user-patch-emulator: ${printable(error.message)}\n`);
    return 2;
  }
}

function parseCommandLine(args: readonly string[]) {
  try {
    return parseArgs({ args: [...args], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new OperatorError((error as Error).message);
  }
}

type ServeOptions = {
  port?: string | undefined;
  host?: string | undefined;
  token?: string | undefined;
  'client-id'?: string | undefined;
  'client-secret'?: string | undefined;
  domain?: string | undefined;
  users?: string | undefined;
  clients?: string | undefined;
  'resource-servers'?: string | undefined;
  https?: boolean | undefined;
  cert?: string | undefined;
  key?: string | undefined;
  'cert-out'?: string | undefined;
  'outlive-parent'?: boolean | undefined;
  'idle-timeout-ms'?: string | undefined;
  'max-connections'?: string | undefined;
  import?: string | undefined;
  'export-on-exit'?: string | undefined;
};

async function serve(io: CliIo, options: ServeOptions): Promise<number> {
  const portText = options.port ?? String(DEFAULT_PORT);
  const port = /^\d{1,5}$/.test(portText) ? Number(portText) : Number.NaN;
  if (!(port <= 65_535))
    throw new OperatorError(`--port takes a port number from 0 to 65535, not ${JSON.stringify(portText)}`);
  const host = options.host ?? '127.0.0.1';
  if (host === '') throw new OperatorError('--host must not be empty');
  if (options.token === '') throw new OperatorError('--token must not be empty');
  const { 'client-id': givenId, 'client-secret': givenSecret } = options;
  if ((givenId === undefined) !== (givenSecret === undefined))
    throw new OperatorError('--client-id and --client-secret go together');
  if (givenId === '' || givenSecret === '')
    throw new OperatorError('--client-id and --client-secret must not be empty');
  const generated = givenId === undefined && options.token === undefined;
  const client = generated
    ? { clientId: randomHex(16), clientSecret: randomHex(32) }
    : givenId === undefined
      ? undefined
      : { clientId: givenId, clientSecret: givenSecret as string };
  const tls = tlsOptions(options);
  const bounds = connectionBounds(options);
  const state = stateOptions(options);
  const usersFile = options.users === undefined ? undefined : readUsersFile(options.users);
  const apps = options.clients === undefined ? [] : readJsonFile(options.clients);
  if (!Array.isArray(apps)) throw new OperatorError(`${options.clients ?? ''}: must hold an array of clients`);
  const apis = options['resource-servers'] === undefined ? undefined : readJsonFile(options['resource-servers']);
  // The file's applications first, so that a fault names its index in the file.
  const clients = [...(apps as EmulatorClient[]), ...(client === undefined ? [] : [client])];
  let emulator;
  try {
    emulator = createEmulator({
      ...(usersFile === undefined ? {} : { users: usersFile.users as readonly Auth0User[] }),
      ...(state.imported === undefined ? {} : { state: state.imported as EmulatorState }),
      page: true,
      ...(clients.length === 0 ? {} : { clients }),
      ...(apis === undefined ? {} : { resourceServers: apis as readonly EmulatorResourceServer[] }),
      ...(options.token === undefined ? {} : { token: options.token }),
      ...(options.domain === undefined ? {} : { domain: options.domain }),
    });
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
    throw new OperatorError(optionFault(error.message, options, usersFile?.lines));
  }
  let server;
  try {
    server = await emulator.listen({ port, host, ...tls, ...bounds });
  } catch (error) {
    if (error instanceof TypeError && error.message.startsWith('listen: cert and key must be')) {
      const prefix = `--cert ${options.cert} and --key ${options.key} must be`;
      throw new OperatorError(error.message.replace('listen: cert and key must be', prefix));
    }
    throw new OperatorError(listenFailure(error, host, port));
  }
  let certificateFile: CertificateFile | undefined;
  let output: string;
  try {
    if (tls.https === true && server.certificate !== undefined)
      certificateFile = writeCertificateFile(server.certificate, options['cert-out']);
    const credentials =
      client === undefined ? '' : `Client ID: ${client.clientId}\nClient secret: ${client.clientSecret}\n`;
    const trust =
      certificateFile === undefined
        ? ''
        : `Certificate: ${printable(certificateFile.path)}\n${printable(trustLine(certificateFile.path))}\n`;
    const domain = options.domain ?? server.url.replace(/^https?:\/\//, '');
    const page = await pageLink(emulator, server.url, domain, client);
    const discovery = `${server.url}/.well-known/openid-configuration`;
    output = `Domain: ${printable(domain)}\n${credentials}${trust}Discovery: ${discovery}\nPage: ${page}\nListening on ${server.url}\n`;
  } catch (error) {
    certificateFile?.remove();
    await server.close();
    throw error;
  }
  // Listening for the signals before the output says it is ready, so that a stop sent on reading it is not lost.
  const stop = io.waitForStop({ watchParent: options['outlive-parent'] !== true });
  io.stdout(output);
  const serveUntilStopped = async () => {
    try {
      await stop;
    } finally {
      certificateFile?.remove();
      await server.close();
    }
  };
  const exportTo = options['export-on-exit'];
  if (exportTo === undefined) await serveUntilStopped();
  else {
    // The stop, then the export: signals after the first are ignored until the state is written.
    await io.finishing(async () => {
      await serveUntilStopped();
      writeStateFile(exportTo, await emulator.exportState());
    });
  }
  return 0;
}

/** `--idle-timeout-ms` and `--max-connections`, as `listen` takes them. */
function connectionBounds(options: ServeOptions): Pick<ListenOptions, 'idleTimeoutMs' | 'maxConnections'> {
  const bounds: { idleTimeoutMs?: number; maxConnections?: number } = {};
  for (const [flag, name] of [
    ['idle-timeout-ms', 'idleTimeoutMs'],
    ['max-connections', 'maxConnections'],
  ] as const) {
    const text = options[flag];
    if (text === undefined) continue;
    const value = /^\d{1,9}$/.test(text) ? Number(text) : 0;
    if (value < 1) throw new OperatorError(`--${flag} takes a positive whole number, not ${JSON.stringify(text)}`);
    bounds[name] = value;
  }
  return bounds;
}

/** The state `--import` names (none when it is the `--export-on-exit` file, not yet written: a first run). */
function stateOptions(options: ServeOptions): { imported: unknown } {
  const { import: from, 'export-on-exit': to } = options;
  if (from === '' || to === '') throw new OperatorError('--import and --export-on-exit must not be empty');
  if (from !== undefined && options.users !== undefined)
    throw new OperatorError('--import and --users go separately: the state file holds the users');
  if (to !== undefined) checkStateTarget(to);
  if (from === undefined || (to !== undefined && resolve(from) === resolve(to) && !existsSync(from)))
    return { imported: undefined };
  return { imported: readJsonFile(from) };
}

/** An option's fault, as one line that names the file it came from (an export's users by their line). */
function optionFault(message: string, options: ServeOptions, lines: readonly number[] | undefined): string {
  const files: Record<string, string | undefined> = {
    users: options.users,
    clients: options.clients,
    resourceServers: options['resource-servers'],
    state: options.import,
  };
  const [, option = '', index] = /^createEmulator: options\.(\w+)(?:\[(\d+)\])?/.exec(message) ?? [];
  const file = files[option];
  const line = option === 'users' && index !== undefined ? lines?.[Number(index)] : undefined;
  const fault = message.replace(/^createEmulator: options\./, '');
  if (line !== undefined) return `${file ?? ''}: line ${line}${fault.slice(`users[${index}]`.length)}`;
  return file === undefined ? fault : `${file}: ${fault}`;
}

/** How `serve` listens: plain HTTP, HTTPS with a certificate it makes, or HTTPS with the one `--cert` names. */
function tlsOptions(options: ServeOptions): Pick<ListenOptions, 'https' | 'cert' | 'key'> {
  const { cert, key, 'cert-out': certOut } = options;
  if ((cert === undefined) !== (key === undefined)) throw new OperatorError('--cert and --key go together');
  if (cert === '' || key === '' || certOut === '')
    throw new OperatorError('--cert, --key and --cert-out must not be empty');
  if (cert !== undefined && key !== undefined) {
    if (certOut !== undefined)
      throw new OperatorError('--cert-out writes the certificate --https makes; with --cert you have yours');
    return { cert: readBoundedText(cert), key: readBoundedText(key) };
  }
  return options.https === true || certOut !== undefined ? { https: true } : {};
}

/** One line for an operator on why the server could not listen. */
function listenFailure(error: unknown, host: string, port: number): string {
  const code = (error as { code?: unknown } | undefined)?.code;
  switch (code) {
    case 'EADDRINUSE':
      return `port ${port} is in use on ${host}`;
    case 'EACCES':
      return `no permission to listen on port ${port} of ${host}`;
    case 'EADDRNOTAVAIL':
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'EINVAL':
      return `cannot listen on ${host}: it is not an address of this machine`;
    default:
      return `cannot listen on ${host}:${port}: ${error instanceof Error ? error.message : String(error)}`;
  }
}

function print(io: CliIo, text: string): number {
  io.stdout(text);
  return 0;
}
