/** Every suite against the TypeScript source. */
import * as library from '../../src/index.js';
import { allSuites } from '../suites/all.js';

allSuites(library);
