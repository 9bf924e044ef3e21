// A consumer on `moduleResolution: node10` (TypeScript's classic Node resolution, which ignores `exports`): the
// root resolves through `types`, and `auth0-user-patch/emulator` through `typesVersions`. Compiled by
// test/consumer.test.ts with skipLibCheck: false, from a directory where node_modules/auth0-user-patch is this package.
import { applyPatch, isPatchError, type UserPatch } from 'auth0-user-patch';
import { createEmulator, type Emulator } from 'auth0-user-patch/emulator';

const patch: UserPatch = { user_metadata: { color: 'pink' } };
const after = applyPatch({ user_id: 'auth0|1' }, { user_metadata: { color: 'pink' } });
const color: string = after.user_metadata.color;
const refused: boolean = isPatchError(new Error('x'));
const make: (...args: never[]) => Emulator = createEmulator;
export { color, make, patch, refused };
