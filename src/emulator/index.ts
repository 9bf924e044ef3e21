export { createEmulator, type Emulator, type EmulatorOptions } from './create-emulator.js';
export type { EmulatorServer, ListenOptions } from './listen.js';
