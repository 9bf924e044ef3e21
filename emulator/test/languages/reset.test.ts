/**
 * The reset step of each language's page (docs/*.md, "In a test suite"), and the README's curl lines for the
 * test-control routes, run as the pages give them against `serve --https` (the built CLI), trusting the certificate it
 * prints. Each reads its block from the page, so the page cannot drift; each must also fail with a wrong token.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { printedTrust, startServe, type Served } from '../cli/serve-process.js';
import { fetchTrusting } from '../suites/fetch-trusting.js';
import { findInterpreter, inCi, INTERPRETERS, type Language } from './interpreters.js';
import { runProgram, type Outcome } from './run-program.js';

const emulator = new URL('../../', import.meta.url);
let scratch = '';
let usersFile = '';
beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'auth0-user-patch-emulator-reset-'));
  usersFile = join(scratch, 'users.json');
  writeFileSync(usersFile, JSON.stringify([{ user_id: 'auth0|jane', email: 'jane@example.com' }]));
});
afterAll(() => {
  if (scratch !== '') rmSync(scratch, { recursive: true, force: true });
});

/** The one block of `page` that calls the reset route. */
function resetBlock(page: string, language: string): string {
  const text = readFileSync(new URL(page, emulator), 'utf8');
  const blocks = [...text.matchAll(/^```(\w+)\n([\s\S]*?)^```$/gm)]
    .filter((block) => block[1] === language && block[2]?.includes('/emulator/v1/reset'))
    .map((block) => block[2] as string);
  expect(blocks, `${page} has one ${language} block that resets the tenant`).toHaveLength(1);
  return blocks[0] as string;
}

/** Each language's block, as a program that runs it against `url`, with the certificate at `certificate`. */
const PROGRAMS: Record<
  Language,
  (url: string, certificate: string) => { args: (program: string) => string[]; input?: string; file?: string }
> = {
  // The README's lines, with the address serve printed in place of the example's.
  curl: (url) => {
    const block = resetBlock('README.md', 'sh');
    expect(block.split('https://127.0.0.1:4010')).toHaveLength(2);
    return { args: () => ['sh', '-c', block.replace('https://127.0.0.1:4010', url)] };
  },
  python: (url) => ({
    args: (program) => [program, '-'],
    input: `${resetBlock('docs/python.md', 'text')}\nreset({"url": ${JSON.stringify(url)}})\n`,
  }),
  ruby: (url) => ({
    args: (program) => [program, '-'],
    input: `EMULATOR_URL = ${JSON.stringify(url)}\n${resetBlock('docs/ruby.md', 'text')}\nreset_tenant\n`,
  }),
  go: (url) => ({
    args: (program) => [program, 'test', '-count=1', 'reset_test.go'],
    file: [
      'package reset',
      'import (\n\t"net/http"\n\t"testing"\n)',
      `var emulatorURL = ${JSON.stringify(url)}`,
      resetBlock('docs/go.md', 'text'),
      'func TestReset(t *testing.T) { resetTenant(t) }',
    ].join('\n\n'),
  }),
  php: (url, certificate) => ({
    args: (program) => [
      program,
      '-r',
      `define('EMULATOR_URL', ${JSON.stringify(url)});\ndefine('EMULATOR_CERTIFICATE', ${JSON.stringify(certificate)});\n${resetBlock('docs/php.md', 'text')}\nresetTenant();\n`,
    ],
  }),
};

/** Runs one language's block against `server`, with `token` in place of the page's `test-token`. */
async function runReset(language: Language, program: string, server: Served, token: string): Promise<Outcome> {
  const { path, variables } = printedTrust(server.output);
  const built = PROGRAMS[language](server.url, path);
  const folder = mkdtempSync(join(scratch, `${language}-`));
  const swap = (code: string) => code.replaceAll('test-token', token);
  if (built.file !== undefined) writeFileSync(join(folder, 'reset_test.go'), swap(built.file));
  const [command = '', ...args] = built.args(program).map(swap);
  return runProgram(command, args, {
    env: { ...process.env, ...variables },
    cwd: folder,
    ...(built.input === undefined ? {} : { input: swap(built.input) }),
  });
}

/** The users the tenant holds, read over HTTPS with the certificate serve printed. */
async function userIds(server: Served): Promise<string[]> {
  const certificate = readFileSync(printedTrust(server.output).path, 'utf8');
  const response = await fetchTrusting(certificate)(`${server.url}/api/v2/users`, {
    headers: { authorization: 'Bearer test-token' },
  });
  return ((await response.json()) as { user_id: string }[]).map((user) => user.user_id);
}

const TIMEOUT_MS: Record<Language, number> = { curl: 30_000, python: 30_000, ruby: 30_000, go: 120_000, php: 30_000 };

for (const language of Object.keys(INTERPRETERS) as Language[]) {
  const lookup = findInterpreter(language);
  const { title } = INTERPRETERS[language];
  const where = language === 'curl' ? 'the README' : `docs/${language}.md`;
  describe.skipIf(!lookup.found && !inCi())(`resetting the tenant in ${title}`, () => {
    it(
      `empties the tenant with the reset step of ${where}, and fails with a wrong token`,
      async () => {
        expect(lookup.found, lookup.found ? '' : lookup.why).toBe(true);
        const program = lookup.found ? lookup.path : '';
        const server = await startServe(['--https', '--token', 'test-token', '--users', usersFile]);
        try {
          expect(await userIds(server)).toEqual(['auth0|jane']);
          const refused = await runReset(language, program, server, 'wrong-token');
          expect(refused.code, refused.stdout).not.toBe(0);
          expect(await userIds(server)).toEqual(['auth0|jane']);
          const outcome = await runReset(language, program, server, 'test-token');
          expect(outcome.code, `${outcome.stdout}\n${outcome.stderr}`).toBe(0);
          expect(await userIds(server)).toEqual([]);
          // The README's lines also saved the state, loaded it back, and read the outbox.
          if (language === 'curl') expect(outcome.stdout).toBe('[]');
        } finally {
          server.child.kill('SIGTERM');
          await server.stopped;
        }
      },
      TIMEOUT_MS[language],
    );
  });
}
