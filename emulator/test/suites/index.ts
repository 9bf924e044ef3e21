/** Every emulator suite, for each build of the emulator to run in full. */
import { authSuite } from './auth.suite.js';
import { controlSuite } from './control.suite.js';
import type { EmulatorModule } from './harness.js';
import { httpsSuite } from './https.suite.js';
import { relationsSuite } from './relations.suite.js';
import { resourceServersSuite } from './resource-servers.suite.js';
import { robustnessSuite } from './robustness.suite.js';
import { sdkRoutesSuite } from './sdk-routes.suite.js';
import { sdkSuite } from './sdk.suite.js';
import { sideEffectsSuite } from './side-effects.suite.js';
import { signInRefusalsSuite } from './signin-refusals.suite.js';
import { signInSuite } from './signin.suite.js';
import { stateSuite } from './state.suite.js';
import { usersSuite } from './users.suite.js';

export function emulatorSuite(emulator: EmulatorModule): void {
  sdkSuite(emulator);
  authSuite(emulator);
  httpsSuite(emulator);
  usersSuite(emulator);
  sideEffectsSuite(emulator);
  relationsSuite(emulator);
  resourceServersSuite(emulator);
  robustnessSuite(emulator);
  sdkRoutesSuite(emulator);
  signInSuite(emulator);
  signInRefusalsSuite(emulator);
  stateSuite(emulator);
  controlSuite(emulator);
}
