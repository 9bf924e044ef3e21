import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { bundleForBrowser } from '../scripts/bundle-for-browser.js';
import { findChromium } from '../test/browser/chromium.js';
import { findInterpreter, INTERPRETERS, type Language } from './test/languages/interpreters.js';

const here = fileURLToPath(new URL('.', import.meta.url));

// Without a Chromium the page's browser tests are skipped with one line that says what to install, except in CI.
const chromium = findChromium();
const inCi = process.env['CI'] !== undefined && process.env['CI'] !== '' && process.env['CI'] !== 'false';
if (!chromium.found && !inCi)
  process.stderr.write(`Skipping the browser tests (emulator/test/browser/): ${chromium.why}\n`);

// Without curl, python3, ruby, go or php, that language's snippet tests (test/languages/) are skipped with one line
// that says what to install, except in CI, where they fail with it.
for (const language of Object.keys(INTERPRETERS) as Language[]) {
  const lookup = findInterpreter(language);
  if (!lookup.found && !inCi)
    process.stderr.write(`Skipping language tests (emulator/test/languages/): ${lookup.why}\n`);
}

export default defineConfig({
  // The page's script, embedded as the build embeds it, so the source serves the page too.
  define: { __EMULATOR_PAGE_SCRIPT__: JSON.stringify(bundleForBrowser('src/page/page-app.ts', here)) },
  test: {
    include: ['test/**/*.test.ts'],
    exclude: chromium.found || inCi ? ['**/node_modules/**'] : ['**/node_modules/**', 'test/browser/**'],
    testTimeout: 20_000,
  },
});
