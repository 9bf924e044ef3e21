import { createRequire } from 'node:module';
import { runCli } from './run-cli.js';
import { ignoringSignals, waitForStop } from './wait-for-stop.js';

// Read first: a parent that is gone before serve listens is gone all the same.
const parent = process.ppid;

// The built CLI lives in dist/, beside which package.json sits one folder up.
const { version } = createRequire(import.meta.url)('../package.json') as { version: string };

process.exitCode = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  version,
  waitForStop: ({ watchParent }) => waitForStop({ watchParent, parent }),
  finishing: ignoringSignals,
});
