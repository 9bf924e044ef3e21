/** Every suite against the built package as an ES module consumer loads it (`import`). */
import { describe } from 'vitest';
import { allSuites } from './suites/all.js';
import type { Library } from './library.js';

// Resolved by package name through the `exports` map, as a consumer's import would be.
const library = (await import('auth0-user-patch')) as Library;

describe('dist (import)', () => allSuites(library));
