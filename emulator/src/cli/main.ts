import { createRequire } from 'node:module';
import { runCli } from './run-cli.js';

// The built CLI lives in dist/, beside which package.json sits one folder up.
const { version } = createRequire(import.meta.url)('../package.json') as { version: string };

process.exitCode = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  version,
  waitForStop: () =>
    new Promise((resolve) => {
      process.once('SIGINT', () => resolve());
      process.once('SIGTERM', () => resolve());
    }),
});
