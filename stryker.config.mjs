// Mutation testing: `npm run mutate`. See "Mutation testing" in docs/development.md for the last score and the
// mutants known to be equivalent.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.stryker.config.ts', related: false },
  mutate: [
    'src/core/**/*.ts',
    'src/describe/**/*.ts',
    '!src/core/types.ts',
    '!src/core/patched-user.ts',
    '!src/core/patch-check.ts',
  ],
  coverageAnalysis: 'perTest',
  concurrency: 2,
  // Two cores: a mutant's run may take several times the dry run's time before it counts as a timeout.
  timeoutMS: 15_000,
  timeoutFactor: 2,
  ignorePatterns: [
    'dist/**/*.map',
    'coverage',
    'reports',
    '.scratch',
    'bench',
    'docs/images',
    'test/browser',
    // test/unit/report/html-report.test.ts reads emulator/src (labels and colours are written once); the rest is not needed.
    'emulator/dist',
    'emulator/test',
    'emulator/spec',
    'emulator/docs',
    'tooling',
  ],
  reporters: ['clear-text', 'progress-append-only', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
