import { createRequire } from 'node:module';
import { readBounded } from './read-json.js';
import { runCli } from './run-cli.js';

// The built CLI lives in dist/, beside which package.json sits one folder up.
const { version } = createRequire(import.meta.url)('../package.json') as { version: string };

const noColor = process.env['NO_COLOR'] !== undefined && process.env['NO_COLOR'] !== '';

process.exitCode = runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  readStandardInput: () => readBounded(0),
  color: process.stdout.isTTY === true && !noColor,
  version,
});
