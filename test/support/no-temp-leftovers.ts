/**
 * Vitest globalSetup of both packages: a test run leaves nothing in the temp directory. The run gets a temp directory
 * of its own (TMPDIR, inherited by the workers and every process a test spawns), so other runs on the machine cannot
 * be taken for it; after the run, any `auth0-user-patch*` entry still in it fails the run, naming it, and the
 * directory is removed either way.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const PREFIX = 'auth0-user-patch';

export default function setup(): () => void {
  const own = mkdtempSync(join(tmpdir(), `${PREFIX}-test-run-`));
  const previous = process.env['TMPDIR'];
  process.env['TMPDIR'] = own;
  return () => {
    if (previous === undefined) delete process.env['TMPDIR'];
    else process.env['TMPDIR'] = previous;
    const left = readdirSync(own).filter((name) => name.startsWith(PREFIX));
    rmSync(own, { recursive: true, force: true });
    if (left.length > 0) {
      // Vitest only logs an error thrown here; the exit code is what fails the run.
      process.exitCode = 1;
      process.stderr.write(
        `\nFAIL: the tests left ${left.length} scratch folder(s) in the temp directory; remove what each test ` +
          `creates (afterAll, or try/finally): ${left.join(', ')}\n\n`,
      );
    }
  };
}
