import { defineConfig } from 'vitest/config';
import { reportScriptDefine } from './scripts/report-script-define.js';

/**
 * The unit tier alone, for mutation testing (`npm run mutate`): every suite against the TypeScript source and the
 * unit tests of src/ (test/unit/). Left out: the node tier (the builds, the CLI bin, the docs), the browser and the
 * type tests, which test a build or take long and kill no mutant of src/core or src/describe.
 */
export default defineConfig({
  define: reportScriptDefine(),
  test: {
    include: ['test/unit/**/*.test.ts'],
    testTimeout: 60_000,
    typecheck: { enabled: false },
  },
});
