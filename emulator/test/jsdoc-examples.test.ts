/** The emulator's public examples (`auth0-user-patch-emulator`): see test/support/public-examples.ts. */
import { fileURLToPath } from 'node:url';
import { checkPublicExamples } from '../../test/support/public-examples.js';

checkPublicExamples({
  root: fileURLToPath(new URL('..', import.meta.url)),
  entries: ['src/index.ts'],
  freeNames: {
    user: 'declare const user: Auth0User;',
    request: 'declare const request: Request;',
    management: 'declare const management: ManagementClient;',
    auth0: 'declare const auth0: Emulator;',
    server: 'declare const server: EmulatorServer;',
    clients: 'declare const clients: EmulatorClient[];',
    users: 'declare const users: Auth0User[];',
    beforeEach: 'declare function beforeEach(hook: () => unknown): void;',
    afterAll: 'declare function afterAll(hook: () => unknown): void;',
  },
  imports: ["import type { Auth0User } from 'auth0-user-patch';", "import { ManagementClient } from 'auth0';"],
  minimumExamples: 12,
  expectedNames: ['createEmulator', 'Emulator.fetch', 'Emulator.reset'],
});
