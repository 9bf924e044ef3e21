/**
 * The emulated tenant's users, frozen, with the uniqueness rules of a connection.
 *
 * A user holds accounts: its primary identity (its `user_id`, its `email` and `username` in its first identity's
 * connection) and each identity linked into it (`provider|user_id`, and the `email` and `username` of its
 * `profileData` in its own connection). A linked identity still belongs to its connection ("removes the secondary
 * user from the user list ..., although the secondary user account isn't deleted"), so the store keeps two
 * invariants, checked on every write:
 * 1. every account's id (a `user_id`, or a linked identity's `provider|user_id`) is held by exactly one user;
 * 2. in each connection, an email and a username (both compared case-insensitively) belong to one account at most,
 *    primary or linked.
 */
import type { Auth0User } from 'auth0-user-patch';
import { deepFreeze } from './deep-freeze.js';
import { readonlyMapView } from './readonly-map-view.js';

/** What another account already holds: its id, or its email or username in its connection. */
export type Conflict = 'id' | 'email' | 'username';

/** The users by `user_id`, in the order they were stored. */
export type UserStore = {
  readonly view: ReadonlyMap<string, Auth0User>;
  get(id: string): Auth0User | undefined;
  /** Stores a user (frozen), in place of the one with its id or last; a write that breaks an invariant throws. */
  put(user: Auth0User): Auth0User;
  delete(id: string): boolean;
  /** Empties the store, then stores `users`. */
  replaceAll(users: readonly Auth0User[]): void;
  /** Which account of `candidate` clashes with another (of another user than `exceptId`, or of its own). */
  findConflict(candidate: Auth0User, exceptId?: string): Conflict | undefined;
};

/** One account of a user: the keys it takes (`id`, and `email`/`username` within its connection). */
type AccountKeys = readonly (readonly [Conflict, string])[];

/** The keys each account of `user` takes, primary first. */
function accountKeys(user: Auth0User): AccountKeys[] {
  const [primary, ...linked] = user.identities ?? [];
  const accounts = [keysOf(String(user.user_id), primary?.connection, user.email, user.username)];
  for (const identity of linked) {
    const data: Record<string, unknown> = isRecord(identity['profileData']) ? identity['profileData'] : {};
    const id = `${String(identity.provider)}|${String(identity.user_id)}`;
    accounts.push(keysOf(id, identity.connection, data['email'], data['username']));
  }
  return accounts;
}

function keysOf(id: string, connection: unknown, email: unknown, username: unknown): AccountKeys {
  const keys: [Conflict, string][] = [['id', id]];
  if (typeof connection !== 'string') return keys;
  if (typeof email === 'string') keys.push(['email', `${connection}\n${email.toLowerCase()}`]);
  if (typeof username === 'string') keys.push(['username', `${connection}\n${username.toLowerCase()}`]);
  return keys;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A new, empty store. */
export function createUserStore(): UserStore {
  const users = new Map<string, Auth0User>();
  // Who holds each key (`id:…`, `email:…`, `username:…`), and which keys each user holds.
  const holders = new Map<string, string>();
  const held = new Map<string, readonly string[]>();
  const release = (id: string) => {
    for (const key of held.get(id) ?? []) holders.delete(key);
    held.delete(id);
  };
  const store: UserStore = {
    view: readonlyMapView(users),
    get: (id) => users.get(id),
    put(user) {
      const id = user.user_id as string;
      const conflict = store.findConflict(user, id);
      if (conflict !== undefined) throw new Error(`user store: ${id} would share its ${conflict} with another account`);
      const frozen = deepFreeze(user);
      release(id);
      const keys = accountKeys(frozen).flatMap((account) => account.map(([kind, key]) => `${kind}:${key}`));
      for (const key of keys) holders.set(key, id);
      held.set(id, keys);
      users.set(id, frozen);
      return frozen;
    },
    delete(id) {
      release(id);
      return users.delete(id);
    },
    replaceAll(list) {
      users.clear();
      holders.clear();
      held.clear();
      for (const user of list) store.put(user);
    },
    findConflict(candidate, exceptId) {
      const own = new Set<string>();
      for (const account of accountKeys(candidate)) {
        for (const [kind, key] of account) {
          const name = `${kind}:${key}`;
          const holder = holders.get(name);
          if (own.has(name) || (holder !== undefined && holder !== exceptId)) return kind;
          own.add(name);
        }
      }
      return undefined;
    },
  };
  return store;
}
