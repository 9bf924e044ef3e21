/** The tenant's roles, who holds each (with when they were assigned) and what each grants. */
import { createGrantStore, type GrantStore } from '../permissions/grant-store.js';

/** A role as the Management API answers it: `{ id, name, description }`. */
export type Role = { readonly id: string; readonly name: string; readonly description?: string };

/** A user holding a role, since `assignedAt` (milliseconds). */
export type Member = { readonly userId: string; readonly assignedAt: number };

/** The roles by id, in the order they were created. */
export type RoleStore = {
  get(id: string): Role | undefined;
  /** Every role, by name (then id), as Auth0 lists them. */
  list(): Role[];
  /** Stores a role (frozen), in place of the one with its id or last. */
  put(role: Role): Role;
  /** Deletes a role with its members and permissions. */
  delete(id: string): boolean;
  /** The role that already has `name`, other than `exceptId`. */
  named(name: string, exceptId?: string): Role | undefined;
  /**
   * A role's members, oldest assignment first, then by user_id: the order of Auth0's checkpoint paging. Kept in
   * that order as they are assigned, so a page costs what it returns; read it before the next write.
   */
  members(id: string): readonly Member[];
  assign(id: string, userIds: readonly string[], at: Date): void;
  unassign(id: string, userIds: readonly string[]): void;
  /** The roles a user holds, by name. */
  rolesOf(userId: string): Role[];
  /** What each role grants. */
  readonly permissions: GrantStore;
  /** Takes a deleted user out of every role. */
  forgetUser(userId: string): void;
  clear(): void;
};

const byName = (left: Role, right: Role) => compare(left.name, right.name) || compare(left.id, right.id);
const compare = (left: string, right: string) => (left < right ? -1 : left > right ? 1 : 0);

/** Members in paging order: by assignment time, then by user_id. */
const memberOrder = (left: Member, right: Member) =>
  left.assignedAt - right.assignedAt || compare(left.userId, right.userId);

/** Where `member` sits in `sorted` (or would be inserted): the first place whose member is not before it. */
export function memberPosition(sorted: readonly Member[], member: Member): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (memberOrder(sorted[middle] as Member, member) < 0) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** A role's members: when each was assigned, and all of them in paging order. */
type Held = { readonly since: Map<string, number>; readonly sorted: Member[] };

/** A new, empty store. */
export function createRoleStore(): RoleStore {
  const roles = new Map<string, Role>();
  const members = new Map<string, Held>();
  const remove = (held: Held, userId: string) => {
    const assignedAt = held.since.get(userId);
    if (assignedAt === undefined) return;
    held.since.delete(userId);
    held.sorted.splice(memberPosition(held.sorted, { userId, assignedAt }), 1);
  };
  const permissions = createGrantStore();
  return {
    get: (id) => roles.get(id),
    list: () => [...roles.values()].sort(byName),
    put(role) {
      const frozen = Object.freeze({ ...role });
      roles.set(role.id, frozen);
      return frozen;
    },
    delete(id) {
      members.delete(id);
      permissions.forget(id);
      return roles.delete(id);
    },
    named(name, exceptId) {
      for (const role of roles.values()) if (role.name === name && role.id !== exceptId) return role;
      return undefined;
    },
    members: (id) => members.get(id)?.sorted ?? [],
    assign(id, userIds, at) {
      let held = members.get(id);
      if (held === undefined) members.set(id, (held = { since: new Map(), sorted: [] }));
      for (const userId of userIds) {
        if (held.since.has(userId)) continue;
        const member = Object.freeze({ userId, assignedAt: at.getTime() });
        held.since.set(userId, member.assignedAt);
        held.sorted.splice(memberPosition(held.sorted, member), 0, member);
      }
    },
    unassign(id, userIds) {
      const held = members.get(id);
      if (held !== undefined) for (const userId of userIds) remove(held, userId);
    },
    rolesOf: (userId) =>
      [...roles.values()].filter((role) => members.get(role.id)?.since.has(userId) === true).sort(byName),
    permissions,
    forgetUser(userId) {
      for (const held of members.values()) remove(held, userId);
    },
    clear() {
      roles.clear();
      members.clear();
      permissions.clear();
    },
  };
}
