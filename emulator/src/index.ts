export { createEmulator, type Emulator, type EmulatorOptions } from './create-emulator.js';
export type { EmulatorClient } from './auth/clients.js';
export type { EmulatorConnection } from './store/connections.js';
export type { RateLimitOptions } from './http/rate-limit.js';
export type { EmulatorServer, ListenOptions } from './http/listen.js';
export type { OutboxMessage } from './jobs/outbox.js';
