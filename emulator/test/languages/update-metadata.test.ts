/**
 * The Update Metadata page's snippets in curl, Python, Ruby, Go and PHP, unchanged but for the host, against
 * `serve --https` (the built CLI), trusting the certificate it prints. Each language needs its program: without it
 * its tests are skipped with one line (vitest.config.ts), except in CI, where they fail with that line.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { printedTrust, startServe, type Served } from '../cli/serve-process.js';
import { findInterpreter, inCi, INTERPRETERS, type Language } from './interpreters.js';
import { runProgram, type Outcome } from './run-program.js';

const snippets = new URL('./update-metadata/', import.meta.url);
// The user the page assumes ("Assuming you created a user with the following metadata values"), with the literal id
// the snippets send; serve runs with --token ABCD, the token they send. Made before the first test that runs (none,
// when every language is skipped) and removed after the last.
let scratch = '';
let usersFile = '';
beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'auth0-user-patch-emulator-languages-'));
  usersFile = join(scratch, 'users.json');
  writeFileSync(
    usersFile,
    JSON.stringify([
      {
        user_id: 'user_id',
        email: 'jane.doe@example.com',
        user_metadata: { hobby: 'surfing' },
        app_metadata: { plan: 'full' },
      },
    ]),
  );
});
afterAll(() => {
  if (scratch !== '') rmSync(scratch, { recursive: true, force: true });
});

const HOME = '123 Main Street, Anytown, ST 12345';
const WORK = '100 Industrial Way, Anytown, ST 12345';
/** The profile the page shows after each call. */
const AFTER = {
  '1-add-home-address': {
    email: 'jane.doe@example.com',
    user_metadata: { hobby: 'surfing', addresses: { home: HOME } },
    app_metadata: { plan: 'full' },
  },
  '2-add-work-address': {
    email: 'jane.doe@example.com',
    user_metadata: { hobby: 'surfing', addresses: { home: HOME, work: WORK } },
    app_metadata: { plan: 'full' },
  },
} as const;
type Step = keyof typeof AFTER;

/**
 * Where each snippet names the host, and what takes its place: the page's placeholder, `YOUR_DOMAIN` in the first
 * call and `youraccount.auth0.com` in the second. The first Python snippet is broken as the page prints it
 * (`HTTPSConnection("")` and the domain at the start of the path): its host goes where the second one has it.
 */
function hostPlaces(language: Language, step: Step): readonly (readonly [string, string])[] {
  if (language === 'python' && step === '1-add-home-address')
    return [
      ['HTTPSConnection("")', 'HTTPSConnection("{host}")'],
      ['"/YOUR_DOMAIN/api/v2/', '"/api/v2/'],
    ];
  return [[step === '1-add-home-address' ? 'YOUR_DOMAIN' : 'youraccount.auth0.com', '{host}']];
}

const EXTENSIONS: Record<Language, string> = { curl: 'sh', python: 'py', ruby: 'rb', go: 'go', php: 'php' };

/** The snippet with the host put in its one place (each place found exactly once, none left behind). */
function snippet(language: Language, step: Step, host: string): string {
  let code = readFileSync(new URL(`${step}.${EXTENSIONS[language]}`, snippets), 'utf8');
  for (const [place, replacement] of hostPlaces(language, step)) {
    expect(code.split(place), `${step}.${EXTENSIONS[language]} names its host once`).toHaveLength(2);
    code = code.replace(place, replacement.replace('{host}', host));
  }
  expect(code).not.toMatch(/YOUR_DOMAIN|youraccount/);
  return code;
}

/** Runs a program to its end in the scratch folder (or `cwd`), with the snippet as its standard input when `input` is set. */
function run(
  program: string,
  args: readonly string[],
  options: { env: NodeJS.ProcessEnv; input?: string; cwd?: string },
): Promise<Outcome> {
  return runProgram(program, args, { ...options, cwd: options.cwd ?? scratch });
}

/**
 * Runs one snippet as a user runs it: curl's in a shell, Python's and Ruby's from standard input, Go's with
 * `go run main.go`, PHP's with `php -r` (the page gives no `<?php` tag; PHP's curl extension reads its CA file from
 * `curl.cainfo`, not from the environment). `certificate` is the file to trust, or none.
 */
async function runSnippet(
  language: Language,
  program: string,
  code: string,
  trust: { env: NodeJS.ProcessEnv; certificate: string | undefined },
): Promise<Outcome> {
  switch (language) {
    case 'curl':
      return run('sh', ['-c', code], { env: trust.env });
    case 'python':
    case 'ruby':
      return run(program, ['-'], { env: trust.env, input: code });
    case 'go': {
      const folder = mkdtempSync(join(scratch, 'go-'));
      writeFileSync(join(folder, 'main.go'), code);
      return run(program, ['run', 'main.go'], { env: trust.env, cwd: folder });
    }
    case 'php':
      return run(
        program,
        [...(trust.certificate === undefined ? [] : ['-d', `curl.cainfo=${trust.certificate}`]), '-r', code],
        {
          env: trust.env,
        },
      );
  }
}

/** The response body a snippet printed: its last line (Go prints the response struct first). */
function printedBody(outcome: Outcome): Record<string, unknown> {
  const lines = outcome.stdout.trim().split('\n');
  return JSON.parse(lines[lines.length - 1] as string) as Record<string, unknown>;
}

/** Starts serve --https with the page's user and token, runs `body`, and stops serve (which removes its file). */
async function withServe(body: (server: Served, trust: ReturnType<typeof printedTrust>) => Promise<void>) {
  const server = await startServe(['--https', '--token', 'ABCD', '--users', usersFile]);
  try {
    await body(server, printedTrust(server.output));
  } finally {
    server.child.kill('SIGTERM');
    await server.stopped;
  }
}

/** How each client says it does not trust the certificate (Go's snippet drops the error and then dereferences nil). */
const UNTRUSTED: Record<Language, RegExp> = {
  curl: /SSL certificate problem: self[- ]signed certificate/,
  python: /CERTIFICATE_VERIFY_FAILED/,
  ruby: /certificate verify failed/,
  go: /nil pointer dereference/,
  php: /cURL Error #:SSL certificate problem: self[- ]signed certificate/,
};

const TIMEOUT_MS: Record<Language, number> = { curl: 30_000, python: 30_000, ruby: 30_000, go: 120_000, php: 30_000 };

for (const language of Object.keys(INTERPRETERS) as Language[]) {
  const lookup = findInterpreter(language);
  const { title } = INTERPRETERS[language];
  describe.skipIf(!lookup.found && !inCi())(`the Update Metadata page in ${title}`, () => {
    it(
      `runs the page's two ${title} snippets, unchanged but for the host, trusting the certificate serve printed`,
      async () => {
        expect(lookup.found, lookup.found ? '' : lookup.why).toBe(true);
        const program = lookup.found ? lookup.path : '';
        await withServe(async (server, { path, variables }) => {
          const host = server.url.slice('https://'.length);
          // The machine's own CA settings are replaced by the line serve printed, as a user pastes it.
          const trust = { env: { ...process.env, ...variables }, certificate: path };
          for (const step of Object.keys(AFTER) as Step[]) {
            const outcome = await runSnippet(language, program, snippet(language, step, host), trust);
            expect(outcome.code, outcome.stderr).toBe(0);
            const body = printedBody(outcome);
            expect(body['user_id']).toBe('user_id');
            expect({
              email: body['email'],
              user_metadata: body['user_metadata'],
              app_metadata: body['app_metadata'],
            }).toEqual(AFTER[step]);
            if (language === 'go') expect(outcome.stdout).toMatch(/^&\{200 OK 200 HTTP\/1\.1 /);
          }
        });
      },
      TIMEOUT_MS[language],
    );

    it(
      `gets no answer from serve --https without trusting its certificate (${title} checks it)`,
      async () => {
        expect(lookup.found, lookup.found ? '' : lookup.why).toBe(true);
        const program = lookup.found ? lookup.path : '';
        await withServe(async (server) => {
          const host = server.url.slice('https://'.length);
          // Ruby's snippet turns verification off (VERIFY_NONE); the page's create snippet turns it on.
          const code = snippet(language, '1-add-home-address', host).replace('VERIFY_NONE', 'VERIFY_PEER');
          const outcome = await runSnippet(language, program, code, { env: process.env, certificate: undefined });
          expect(`${outcome.stdout}\n${outcome.stderr}`).toMatch(UNTRUSTED[language]);
        });
      },
      TIMEOUT_MS[language],
    );
  });
}

const rubyLookup = findInterpreter('ruby');
describe.skipIf(!rubyLookup.found && !inCi())('Ruby with verification on', () => {
  it("trusts the certificate through SSL_CERT_FILE from the printed line (the page's snippet sets VERIFY_NONE)", async () => {
    expect(rubyLookup.found, rubyLookup.found ? '' : rubyLookup.why).toBe(true);
    await withServe(async (server, { path, variables }) => {
      const code = snippet('ruby', '1-add-home-address', server.url.slice('https://'.length)).replace(
        'VERIFY_NONE',
        'VERIFY_PEER',
      );
      const outcome = await runSnippet('ruby', rubyLookup.found ? rubyLookup.path : '', code, {
        env: { ...process.env, ...variables },
        certificate: path,
      });
      expect(outcome.code, outcome.stderr).toBe(0);
      expect(printedBody(outcome)['user_metadata']).toEqual(AFTER['1-add-home-address'].user_metadata);
    });
  });
});
