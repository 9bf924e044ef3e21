/** The state of one emulated tenant that route groups share, and what they need of the emulator. */
import type { RouteContext } from './http/router.js';
import type { EmulatorConnection } from './store/connections.js';
import type { UserStore } from './store/user-store.js';

/** One emulated tenant. */
export type Tenant = {
  readonly users: UserStore;
  readonly connections: ReadonlyMap<string, EmulatorConnection>;
  /** The emulator's clock (checked: always a valid Date). */
  readonly now: () => Date;
  /** The request body as JSON, or a refusal with Auth0's 400 or 413. */
  readonly readJson: (context: RouteContext) => Promise<unknown>;
};
