/**
 * What a tenant holds besides its users: roles, APIs, permissions granted directly to users, jobs and the outbox.
 * All of it is emptied by `reset()`, and a deleted user is taken out of all of it.
 */
import { randomHex } from './random-hex.js';
import { createJobStore, type JobStore } from './jobs/job-store.js';
import { createOutbox, type Outbox } from './jobs/outbox.js';
import { createGrantStore, type GrantStore } from './permissions/grant-store.js';
import { createResourceServerStore, type ResourceServerStore } from './permissions/resource-server-store.js';
import { createRoleStore, type RoleStore } from './roles/role-store.js';

/** The stores that point at users. */
export type Relations = {
  readonly roles: RoleStore;
  readonly resourceServers: ResourceServerStore;
  /** Permissions granted to users directly (not through a role), by user_id. */
  readonly userPermissions: GrantStore;
  readonly jobs: JobStore;
  readonly outbox: Outbox;
  /** The id of the tenant's own Management API, which every tenant lists among its APIs (an imported state sets it). */
  managementApiId: string;
  /** Takes a deleted user out of its roles and drops its direct permissions. */
  forgetUser(userId: string): void;
  /** Drops a deleted API's permissions from every role and user. */
  forgetApi(identifier: string): void;
  /** Empties every store: the part of `reset()` beyond the users. */
  clear(): void;
};

/** New, empty stores. */
export function createRelations(): Relations {
  const roles = createRoleStore();
  const resourceServers = createResourceServerStore();
  const userPermissions = createGrantStore();
  const jobs = createJobStore();
  const outbox = createOutbox();
  return {
    roles,
    resourceServers,
    userPermissions,
    jobs,
    outbox,
    managementApiId: randomHex(12),
    forgetUser(userId) {
      roles.forgetUser(userId);
      userPermissions.forget(userId);
    },
    forgetApi(identifier) {
      roles.permissions.forgetApi(identifier);
      userPermissions.forgetApi(identifier);
    },
    clear() {
      for (const store of [roles, resourceServers, userPermissions, jobs, outbox]) store.clear();
    },
  };
}
