import { fileURLToPath } from 'node:url';
import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';
import { reportScriptDefine } from '../../../scripts/report-script-define.js';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../chromium.js';

// Vitest's browser mode, pointed at Debian's Chromium: the library's suites run in a real browser page, where
// nothing from Node exists. test/browser/library-in-browser.test.ts runs this config.
export default defineConfig({
  root: fileURLToPath(new URL('../../..', import.meta.url)),
  cacheDir: fileURLToPath(new URL('../../../node_modules/.vite-browser-suites', import.meta.url)),
  // environment.browser.ts renders a report: its script, embedded as the build embeds it.
  define: reportScriptDefine(),
  test: {
    include: ['test/browser/in-browser/*.browser.ts'],
    testTimeout: 60_000,
    browser: {
      enabled: true,
      headless: true,
      provider: playwright({ launchOptions: { executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS] } }),
      instances: [{ browser: 'chromium' }],
      api: { host: '127.0.0.1', port: 0 },
    },
  },
});
