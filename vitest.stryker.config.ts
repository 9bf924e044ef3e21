import { defineConfig } from 'vitest/config';
import { reportScriptDefine } from './scripts/report-script-define.js';

/**
 * The fast suites, for mutation testing (`npm run mutate`): every suite against the TypeScript source and the unit
 * tests of src/core and src/describe. Left out: the dist builds, the CLI, the browser, the emulator and the docs
 * tests, which need a build or take long, and type checking.
 */
export default defineConfig({
  define: reportScriptDefine(),
  test: {
    include: [
      'test/src.test.ts',
      'test/unit/**/*.test.ts',
      'test/polluted-prototype.test.ts',
      'test/crash.test.ts',
      'test/deep-users.test.ts',
      'test/html-report.test.ts',
    ],
    testTimeout: 60_000,
    typecheck: { enabled: false },
  },
});
