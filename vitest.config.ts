import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { reportScriptDefine } from './scripts/report-script-define.js';
import { findChromium } from './test/browser/chromium.js';

// Without a Chromium the browser tier is skipped with one line that says what to install, except in CI, where
// test/browser/chromium.test.ts fails with that line.
const chromium = findChromium();
const inCi = process.env['CI'] !== undefined && process.env['CI'] !== '' && process.env['CI'] !== 'false';
const runBrowser = chromium.found || inCi;
if (!runBrowser) process.stderr.write(`Skipping the browser tests (test/browser/): ${chromium.why}\n`);

/**
 * The library's test tiers, each a Vitest project that runs on its own (`vitest run --project <name>`; the npm
 * scripts test:unit, test:node, test:browser, test:types): `unit` the source (rules, laws, validation, describe,
 * the report, the CLI's functions), `node` the built package (dist through import and require, the CLI bin, a
 * consumer's compile, the docs' blocks, the JSDoc examples, the bundled example), `browser` Chromium, and `types`
 * the type tests and the compile errors. Several node tests spawn node, tsc or the CLI; on a two-core machine the
 * default 5 s can be too short for a cold start.
 */
const tier = (name: string, include: string[], extra: object = {}) => ({
  define: reportScriptDefine(),
  test: { name, include, testTimeout: 20_000, ...extra },
});

export default defineConfig({
  test: {
    // Most test files wait on processes they spawn (node, tsc, serve, Chromium) or on loopback servers: one worker a
    // core, not Vitest's default of one fewer, keeps both cores busy (the emulator's tier takes about half the time).
    maxWorkers: availableParallelism(),
    // Without Chromium (outside CI) the browser tier has no files, and runs green after its skip line.
    passWithNoTests: !runBrowser,
    globalSetup: ['test/support/no-temp-leftovers.ts'],
    projects: [
      tier('unit', ['test/unit/**/*.test.ts']),
      tier('node', ['test/node/**/*.test.ts']),
      tier('browser', runBrowser ? ['test/browser/**/*.test.ts'] : []),
      tier('types', ['test/types/**/*.test.ts'], {
        typecheck: { enabled: true, include: ['test/types/**/*.test-d.ts'], tsconfig: './tsconfig.json' },
      }),
    ],
  },
});
