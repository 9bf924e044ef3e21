import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { bundleForBrowser } from '../scripts/bundle-for-browser.js';
import { findChromium } from '../test/browser/chromium.js';
import { findInterpreter, INTERPRETERS, type Language } from './test/languages/interpreters.js';

const here = fileURLToPath(new URL('.', import.meta.url));

// Without a Chromium the page's browser tests are skipped with one line that says what to install, except in CI.
const chromium = findChromium();
const inCi = process.env['CI'] !== undefined && process.env['CI'] !== '' && process.env['CI'] !== 'false';
const runBrowser = chromium.found || inCi;
if (!runBrowser) process.stderr.write(`Skipping the browser tests (emulator/test/browser/): ${chromium.why}\n`);

// Without curl, python3, ruby, go or php, that language's snippet tests (test/languages/) are skipped with one line
// that says what to install, except in CI, where they fail with it.
for (const language of Object.keys(INTERPRETERS) as Language[]) {
  const lookup = findInterpreter(language);
  if (!lookup.found && !inCi)
    process.stderr.write(`Skipping language tests (emulator/test/languages/): ${lookup.why}\n`);
}

/**
 * The emulator's test tiers, each a Vitest project that runs on its own: `node` every test but the browser ones and
 * the suite on the source, `source` that suite on the TypeScript source (test/src.test.ts; `node` runs it on the
 * build), both the npm script test:emulator; and `browser` the page in Chromium (test/browser/, part of
 * test:browser). CI runs `node` alone again on Node 22 and 24.
 */
// The page's script, embedded as the build embeds it, so the source serves the page too.
const define = { __EMULATOR_PAGE_SCRIPT__: JSON.stringify(bundleForBrowser('src/page/page-app.ts', here)) };
const tier = (name: string, include: string[], exclude: string[], extra: object = {}) => ({
  define: { ...define }, // a copy for each project: Vite changes the object it is given
  test: { name, include, exclude: ['**/node_modules/**', ...exclude], testTimeout: 20_000, ...extra },
});

export default defineConfig({
  test: {
    // Most test files wait on processes they spawn (node, tsc, serve, Chromium) or on loopback servers: one worker a
    // core, not Vitest's default of one fewer, keeps both cores busy (the emulator's tier takes about half the time).
    maxWorkers: availableParallelism(),
    // Without Chromium (outside CI) the browser tier has no files, and runs green after its skip line.
    passWithNoTests: !runBrowser,
    // Nothing left in the temp directory after a run (the library's check, shared by both packages).
    globalSetup: ['../test/support/no-temp-leftovers.ts'],
    projects: [
      tier('node', ['test/**/*.test.ts'], ['test/browser/**', 'test/src.test.ts']),
      tier('source', ['test/src.test.ts'], []),
      tier('browser', runBrowser ? ['test/browser/**/*.test.ts'] : [], []),
    ],
  },
});
