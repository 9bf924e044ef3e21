/** The emulated tenant's users, frozen, with the uniqueness rules of a connection. */
import type { Auth0User } from 'auth0-user-patch';
import { deepFreeze } from './deep-freeze.js';
import { readonlyMapView } from './readonly-map-view.js';

/** The users by `user_id`, in the order they were stored. */
export type UserStore = {
  readonly view: ReadonlyMap<string, Auth0User>;
  get(id: string): Auth0User | undefined;
  /** Stores a user (frozen), in place of the one with its id or last. */
  put(user: Auth0User): Auth0User;
  delete(id: string): boolean;
  /** Empties the store, then stores `users`. */
  replaceAll(users: readonly Auth0User[]): void;
  /** Which attribute of `candidate` another user of its connection already has: `email` or `username`. */
  findConflict(candidate: Auth0User, exceptId?: string): 'email' | 'username' | undefined;
};

/** The connection a user lives in: its primary identity's. */
function connectionOf(user: Auth0User): string | undefined {
  const connection = user.identities?.[0]?.connection;
  return typeof connection === 'string' ? connection : undefined;
}

/** A new, empty store. */
export function createUserStore(): UserStore {
  const users = new Map<string, Auth0User>();
  const store: UserStore = {
    view: readonlyMapView(users),
    get: (id) => users.get(id),
    put(user) {
      const frozen = deepFreeze(user);
      users.set(user.user_id as string, frozen);
      return frozen;
    },
    delete: (id) => users.delete(id),
    replaceAll(list) {
      users.clear();
      for (const user of list) store.put(user);
    },
    findConflict(candidate, exceptId) {
      const connection = connectionOf(candidate);
      const email = candidate.email?.toLowerCase();
      const username = candidate.username?.toLowerCase();
      if (connection === undefined || (email === undefined && username === undefined)) return undefined;
      for (const [id, user] of users) {
        if (id === exceptId || connectionOf(user) !== connection) continue;
        if (email !== undefined && user.email?.toLowerCase() === email) return 'email';
        if (username !== undefined && user.username?.toLowerCase() === username) return 'username';
      }
      return undefined;
    },
  };
  return store;
}
