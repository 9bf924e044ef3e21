/** Loads a checked state into a tenant that `reset()` has just emptied: what it holds besides users and connections. */
import type { CheckedState } from './check-state.js';
import type { StateStores } from './state-stores.js';

/** Stores the state's password hashes, the Management API's id, APIs, roles, permissions, jobs, outbox and sessions. */
export function loadState(state: CheckedState, stores: StateStores): void {
  const { relations, signIn } = stores;
  for (const [userId, hash] of state.passwords) stores.passwords.setHash(userId, hash);
  if (state.managementApiId !== undefined) relations.managementApiId = state.managementApiId;
  if (state.resourceServers !== undefined) {
    relations.resourceServers.clear();
    for (const server of state.resourceServers) relations.resourceServers.put(server);
  }
  for (const { role, permissions, members } of state.roles) {
    relations.roles.put(role);
    relations.roles.permissions.grant(role.id, permissions);
    for (const member of members) relations.roles.assign(role.id, [member.userId], new Date(member.assignedAt));
  }
  for (const [userId, permissions] of state.userPermissions) relations.userPermissions.grant(userId, permissions);
  for (const job of state.jobs) relations.jobs.put(job);
  for (const message of state.outbox) relations.outbox.add(message);
  for (const session of state.sessions) signIn.sessions.set(session.id, session);
  for (const [token, grant] of state.refreshTokens) signIn.refreshTokens.set(token, grant);
  for (const [token, opaque] of state.opaqueTokens) signIn.opaqueTokens.set(token, opaque);
}
