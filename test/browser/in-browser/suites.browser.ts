/** Every suite against the TypeScript source, run inside Chromium by Vitest's browser mode. */
import * as library from '../../../src/index.js';
import { allSuites } from '../../suites/all.js';

allSuites(library);
