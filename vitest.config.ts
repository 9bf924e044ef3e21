import { defineConfig } from 'vitest/config';
import { reportScriptDefine } from './scripts/report-script-define.js';
import { findChromium } from './test/browser/chromium.js';

// Without a Chromium the browser tests are skipped with one line that says what to install, except in CI, where
// test/browser/chromium.test.ts fails with that line.
const chromium = findChromium();
const inCi = process.env['CI'] !== undefined && process.env['CI'] !== '' && process.env['CI'] !== 'false';
if (!chromium.found && !inCi) process.stderr.write(`Skipping the browser tests (test/browser/): ${chromium.why}\n`);

export default defineConfig({
  // The HTML report's script, embedded as the build embeds it, so the source renders reports too.
  define: reportScriptDefine(),
  test: {
    include: ['test/**/*.test.ts'],
    exclude: chromium.found || inCi ? ['**/node_modules/**'] : ['**/node_modules/**', 'test/browser/**'],
    // Several tests spawn node, tsc or the CLI; on a two-core CI machine running test files in parallel, the
    // default 5 s can be too short for a cold start.
    testTimeout: 20_000,
    typecheck: {
      enabled: true,
      include: ['test/**/*.test-d.ts'],
      tsconfig: './tsconfig.json',
    },
  },
});
