/** The emulator suite against the TypeScript source. */
import * as emulator from '../src/index.js';
import { emulatorSuite } from './suites/index.js';

emulatorSuite(emulator);
