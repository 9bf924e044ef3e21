/** Every suite against the built package as an ES module consumer loads it (`import`), and its HTML report. */
import { describe } from 'vitest';
import { allSuites } from '../suites/all.js';
import { builtReportTests } from '../support/built-report.js';
import type { Library } from '../support/library.js';

// Resolved by package name through the `exports` map, as a consumer's import would be.
const library = (await import('auth0-user-patch')) as Library;
const report = await import('auth0-user-patch/report');

describe('dist (import)', () => {
  allSuites(library);
  builtReportTests(report, library);
});
