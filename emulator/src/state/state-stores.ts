/** The parts of an emulator a state is read from and written to. */
import type { SigningKey } from '../auth/signing-key.js';
import type { Relations } from '../relations.js';
import type { PasswordStore } from '../signin/passwords.js';
import type { SignInState } from '../signin/sign-in-state.js';
import type { EmulatorConnection } from '../store/connections.js';
import type { UserStore } from '../store/user-store.js';

/** The tenant's stores. */
export type StateStores = {
  readonly connections: Map<string, EmulatorConnection>;
  /** The `con_` id of each connection, by name. */
  readonly connectionIds: Map<string, string>;
  readonly users: UserStore;
  readonly passwords: PasswordStore;
  readonly relations: Relations;
  readonly signIn: SignInState;
  readonly key: () => Promise<SigningKey>;
};
