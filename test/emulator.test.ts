/** The emulator suite against the TypeScript source. */
import * as emulator from '../src/emulator/index.js';
import { emulatorSuite } from './suites/emulator/index.js';

emulatorSuite(emulator);
