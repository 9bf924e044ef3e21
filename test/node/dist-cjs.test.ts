/** Every suite against the built package as a CommonJS consumer loads it (`require`), and its HTML report. */
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { allSuites } from '../suites/all.js';
import { builtReportTests } from '../support/built-report.js';
import type { Library } from '../support/library.js';

const require = createRequire(import.meta.url);
const library = require('auth0-user-patch') as Library;

describe('dist (require)', () => {
  it('loads the CommonJS build', () => {
    expect(require.resolve('auth0-user-patch')).toMatch(/dist[\\/]index\.cjs$/);
    expect(require.resolve('auth0-user-patch/report')).toMatch(/dist[\\/]report\.cjs$/);
  });
  allSuites(library);
  builtReportTests(require('auth0-user-patch/report') as Parameters<typeof builtReportTests>[0], library);
});
