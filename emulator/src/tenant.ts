/** The state of one emulated tenant that route groups share, and what they need of the emulator. */
import type { Application } from './auth/clients.js';
import type { EmulatorRequest } from './http/exchange.js';
import type { Relations } from './relations.js';
import type { EmulatorConnection } from './store/connections.js';
import type { UserStore } from './store/user-store.js';

/** One emulated tenant. */
export type Tenant = {
  readonly users: UserStore;
  readonly connections: ReadonlyMap<string, EmulatorConnection>;
  /** The applications (`options.clients`), by client id. */
  readonly applications: ReadonlyMap<string, Application>;
  /** Roles, APIs, direct permissions, jobs and the outbox. */
  readonly relations: Relations;
  /** Keeps a hash of a database user's password (set by `POST /users` or `PATCH /users/{id}`), for sign-in. */
  readonly setPassword: (userId: string, password: string) => void;
  /** Deletes a user and takes it out of its roles and direct permissions (`DELETE /users/{id}`, linking). */
  readonly deleteUser: (id: string) => void;
  /** The emulator's clock (checked: always a valid Date). */
  readonly now: () => Date;
  /** The tenant's domain for a request (`options.domain`, else its Host): for ticket URLs. */
  readonly domain: (request: EmulatorRequest) => string;
};
