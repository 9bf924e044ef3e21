/** The emulator suite against the built subpath export, as a consumer imports it. */
import { describe } from 'vitest';
import { emulatorSuite } from './suites/index.js';

const emulator = (await import('auth0-user-patch-emulator')) as typeof import('../src/index.js');

describe('dist (auth0-user-patch/emulator)', () => emulatorSuite(emulator));
