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
 *    primary or linked, and so does a phone number in a passwordless sms connection (its user is its number).
 */
import type { Auth0User } from 'auth0-user-patch';
import { deepFreeze } from './deep-freeze.js';
import { createSearchIndex } from '../search/search-index.js';
import { readonlyMapView } from './readonly-map-view.js';

/** What another account already holds: its id, or its email or username in its connection. */
export type Conflict = 'id' | 'email' | 'username' | 'phone_number';

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
  /**
   * The ids of the users a search term or phrase `text` finds under `field` from an index (`user_id`, and the
   * search index's fields), in no order, or `undefined` when the field has none.
   */
  lookup(field: string, text: string): readonly string[] | undefined;
  /** The users of `ids`, in the store's order (read as the iteration goes, so a reader may stop early). */
  inOrder(ids: ReadonlySet<string>): Iterable<Auth0User>;
};

/**
 * One account of a user: its id (a linked one's `provider|user_id`, kept as its two parts), and its connection,
 * email and username (a linked one's from its `profileData`).
 */
type Account = {
  readonly id: string;
  readonly linked?: { readonly provider: string; readonly userId: string };
  readonly connection: unknown;
  readonly email: unknown;
  readonly username: unknown;
  /** An sms account's phone number (none for the other kinds: their users share numbers). */
  readonly phone_number: unknown;
};

/** The accounts of `user`, primary first. */
function accountsOf(user: Auth0User): Account[] {
  const identities = user.identities ?? [];
  const primary = identities[0];
  const accounts: Account[] = [
    {
      id: String(user.user_id),
      connection: primary?.connection,
      email: user.email,
      username: user.username,
      phone_number: primary?.provider === 'sms' ? user.phone_number : undefined,
    },
  ];
  for (let at = 1; at < identities.length; at++) {
    const identity = identities[at] as NonNullable<typeof primary>;
    const data: Record<string, unknown> = isRecord(identity['profileData']) ? identity['profileData'] : {};
    const [provider, userId] = [String(identity.provider), String(identity.user_id)];
    accounts.push({
      id: `${provider}|${userId}`,
      linked: { provider, userId },
      connection: identity.connection,
      email: data['email'],
      username: data['username'],
      phone_number: provider === 'sms' ? data['phone_number'] : undefined,
    });
  }
  return accounts;
}

/** Who holds each email (or username) of each connection, compared case-insensitively: connection, then value. */
type ByConnection = Map<string, Map<string, string>>;

const KINDS = ['email', 'username', 'phone_number'] as const;

/** Whether two lists of accounts take the same keys. */
function sameAccounts(left: readonly Account[], right: readonly Account[]): boolean {
  if (left.length !== right.length) return false;
  for (let at = 0; at < left.length; at++) {
    const [one, other] = [left[at] as Account, right[at] as Account];
    if (one.id !== other.id || one.connection !== other.connection) return false;
    if (one.email !== other.email || one.username !== other.username || one.phone_number !== other.phone_number)
      return false;
  }
  return true;
}

/** The value an account takes in its connection under `kind`, folded, or undefined when it takes none. */
function valueOf(account: Account, kind: (typeof KINDS)[number]): string | undefined {
  const value = account[kind];
  return typeof account.connection === 'string' && typeof value === 'string' ? value.toLowerCase() : undefined;
}

/** The users whose ids are among `ids`, in the map's order, ending as soon as every one has been found. */
function* usersAmong(users: ReadonlyMap<string, Auth0User>, ids: ReadonlySet<string>): Generator<Auth0User> {
  let found = 0;
  for (const [id, user] of users) {
    if (!ids.has(id)) continue;
    yield user;
    if (++found === ids.size) return;
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A new, empty store; `searchable: false` keeps no search index (for a store that only checks seeds). */
export function createUserStore({ searchable = true }: { searchable?: boolean } = {}): UserStore {
  const users = new Map<string, Auth0User>();
  // The ids of linked accounts and the user each is linked into (a primary account's id is its user's key), and
  // the holders of each connection's emails and usernames.
  const linkedIds = new Map<string, Map<string, string>>();
  const taken = {
    email: new Map() as ByConnection,
    username: new Map() as ByConnection,
    phone_number: new Map() as ByConnection,
  };
  const index = searchable ? createSearchIndex(() => users.entries()) : undefined;
  // A linked account's id is `provider|user_id`, kept by provider then user_id (no joined string per user): an id
  // is looked up at each of its `|`, since a provider or a user_id may hold one too.
  const linkedHolder = (id: string) => {
    for (let bar = id.indexOf('|'); bar !== -1; bar = id.indexOf('|', bar + 1)) {
      const holder = linkedIds.get(id.slice(0, bar))?.get(id.slice(bar + 1));
      if (holder !== undefined) return holder;
    }
    return undefined;
  };
  const idHolder = (id: string) => (users.has(id) ? id : linkedHolder(id));
  /** Takes (or, `held` false, gives back) the keys of `user`'s accounts for `id`. */
  const keep = (id: string, user: Auth0User, held: boolean) => {
    const accounts = accountsOf(user);
    for (let at = 0; at < accounts.length; at++) {
      const account = accounts[at] as Account;
      if (account.linked !== undefined) {
        const { provider, userId } = account.linked;
        let holders = linkedIds.get(provider);
        if (held) {
          if (holders === undefined) linkedIds.set(provider, (holders = new Map()));
          holders.set(userId, id);
        } else if (holders?.get(userId) === id) holders.delete(userId);
      }
      if (typeof account.connection !== 'string') continue;
      for (const kind of KINDS) {
        const value = valueOf(account, kind);
        if (value === undefined) continue;
        let holders = taken[kind].get(account.connection);
        if (held) {
          if (holders === undefined) taken[kind].set(account.connection, (holders = new Map()));
          holders.set(value, id);
        } else if (holders?.get(value) === id) holders.delete(value);
      }
    }
  };
  const release = (id: string) => {
    const stored = users.get(id);
    if (stored === undefined) return;
    keep(id, stored, false);
    index?.remove(id, stored);
  };
  const store: UserStore = {
    view: readonlyMapView(users),
    get: (id) => users.get(id),
    put(user) {
      const id = user.user_id as string;
      const conflict = store.findConflict(user, id);
      if (conflict !== undefined) throw new Error(`user store: ${id} would share its ${conflict} with another account`);
      const frozen = deepFreeze(user);
      const before = users.get(id);
      // A write that leaves its accounts as they were (most PATCHes) keeps their keys.
      if (before === undefined || !sameAccounts(accountsOf(before), accountsOf(frozen))) {
        if (before !== undefined) keep(id, before, false);
        keep(id, frozen, true);
      }
      if (before !== undefined) index?.remove(id, before);
      users.set(id, frozen);
      index?.add(id, frozen);
      return frozen;
    },
    delete(id) {
      release(id);
      return users.delete(id);
    },
    replaceAll(list) {
      users.clear();
      linkedIds.clear();
      taken.email.clear();
      taken.username.clear();
      taken.phone_number.clear();
      index?.clear();
      for (const user of list) store.put(user);
    },
    findConflict(candidate, exceptId) {
      const accounts = accountsOf(candidate);
      // The keys of the user it replaces, unchanged (most PATCHes): they kept the invariants, so they still do.
      const replaced = exceptId === undefined ? undefined : users.get(exceptId);
      if (
        replaced !== undefined &&
        replaced.user_id === candidate.user_id &&
        sameAccounts(accountsOf(replaced), accounts)
      )
        return undefined;
      // The keys of the candidate's accounts seen so far: two of its own accounts may not share one either.
      const own = accounts.length === 1 ? undefined : new Set<string>();
      for (const account of accounts) {
        const holder = idHolder(account.id);
        if (own?.has(`id\n${account.id}`) || (holder !== undefined && holder !== exceptId)) return 'id';
        own?.add(`id\n${account.id}`);
        for (const kind of KINDS) {
          const value = valueOf(account, kind);
          if (value === undefined) continue;
          const key = `${kind}\n${account.connection as string}\n${value}`;
          const taker = taken[kind].get(account.connection as string)?.get(value);
          if (own?.has(key) || (taker !== undefined && taker !== exceptId)) return kind;
          own?.add(key);
        }
      }
      return undefined;
    },
    lookup: (field, text) => (field === 'user_id' ? (users.has(text) ? [text] : []) : index?.lookup(field, text)),
    inOrder(ids) {
      if (ids.size <= 1) {
        const [only] = ids;
        const user = only === undefined ? undefined : users.get(only);
        return user === undefined ? [] : [user];
      }
      return usersAmong(users, ids);
    },
  };
  return store;
}
