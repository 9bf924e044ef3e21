/**
 * The programs the language tests run the Update Metadata page's snippets with, each found on PATH or not, in the
 * one line a skipped (or, in CI, failed) run prints: what to install from Debian.
 */
import { spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

/** Each language of the page the tests run: the program, a check that it can run the snippet, its Debian packages. */
export const INTERPRETERS = {
  curl: { program: 'curl', title: 'curl', packages: 'curl' },
  python: { program: 'python3', title: 'Python', packages: 'python3' },
  ruby: { program: 'ruby', title: 'Ruby', packages: 'ruby' },
  go: { program: 'go', title: 'Go', packages: 'golang-go' },
  php: {
    program: 'php',
    title: 'PHP',
    packages: 'php-cli php-curl',
    // The snippet calls curl_init: the curl extension must be there too.
    check: ['-r', 'exit(extension_loaded("curl") ? 0 : 1);'],
  },
} as const;

export type Language = keyof typeof INTERPRETERS;

/** A program to run, or why there is none. */
export type InterpreterLookup =
  { readonly found: true; readonly path: string } | { readonly found: false; readonly why: string };

/** Finds a language's program on PATH (and checks it when it needs more, as PHP needs its curl extension). */
export function findInterpreter(language: Language, env: NodeJS.ProcessEnv = process.env): InterpreterLookup {
  const interpreter: { program: string; title: string; packages: string; check?: readonly string[] } =
    INTERPRETERS[language];
  const install = `install Debian's ${interpreter.packages} (apt-get install ${interpreter.packages})`;
  const path = (env['PATH'] ?? '')
    .split(delimiter)
    .filter((folder) => folder !== '')
    .map((folder) => join(folder, interpreter.program))
    .find(isExecutable);
  if (path === undefined)
    return {
      found: false,
      why: `the ${interpreter.title} snippets need ${interpreter.program}: none on PATH; ${install}`,
    };
  if (interpreter.check !== undefined && spawnSync(path, interpreter.check, { stdio: 'ignore' }).status !== 0)
    return {
      found: false,
      why: `the ${interpreter.title} snippets need ${interpreter.program} with its curl extension; ${install}`,
    };
  return { found: true, path };
}

/** Whether this is a CI run, where a missing program fails the tests instead of skipping them. */
export function inCi(env: NodeJS.ProcessEnv = process.env): boolean {
  const value = env['CI'];
  return value !== undefined && value !== '' && value !== 'false';
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
