/**
 * A tenant as a state: every store read at one moment (nothing awaited in between, as a request is atomic), then
 * the password hashes and the signing key, which settle later. The same tenant always gives the same JSON.
 */
import type { Auth0User } from 'auth0-user-patch';
import type { PermissionRef } from '../permissions/grant-store.js';
import { STATE_FORMAT, STATE_VERSION, type EmulatorState } from './state-format.js';
import type { StateStores } from './state-stores.js';

/** Every field of a state, as `exportState()` gives it. */
export type ExportedState = Required<EmulatorState>;

/** The state of the tenant `stores` hold. */
export async function exportState(stores: StateStores): Promise<ExportedState> {
  const { relations, signIn } = stores;
  const users: Auth0User[] = [...stores.users.view.values()];
  const hashes = users.flatMap((user) => {
    const hash = stores.passwords.hashOf(user.user_id as string);
    return hash === undefined ? [] : [{ user_id: user.user_id as string, hash }];
  });
  const roles = relations.roles.list().map((role) => ({
    ...role,
    permissions: relations.roles.permissions.of(role.id).map(permission),
    users: relations.roles.members(role.id).map((member) => ({
      user_id: member.userId,
      assigned_at: new Date(member.assignedAt).toISOString(),
    })),
  }));
  const holders = new Set(relations.userPermissions.holders());
  const connections = [...stores.connections.values()].map((connection) => ({
    id: stores.connectionIds.get(connection.name) ?? connection.name,
    ...connection,
  }));
  const { managementApiId } = relations;
  const resourceServers = relations.resourceServers.list();
  const userPermissions = users
    .filter((user) => holders.has(user.user_id as string))
    .map((user) => ({
      user_id: user.user_id as string,
      permissions: relations.userPermissions.of(user.user_id as string).map(permission),
    }));
  const jobs = relations.jobs.list().map(({ id, type, created_at }) => ({ id, type, created_at }));
  const outbox = relations.outbox.view();
  const sessions = [...signIn.sessions.values()].map((session) => ({
    id: session.id,
    user_id: session.userId,
    auth_time: session.authTime,
  }));
  const refreshTokens = [...signIn.refreshTokens].map(([token, grant]) => ({
    token,
    user_id: grant.userId,
    client_id: grant.clientId,
    ...(grant.audience === undefined ? {} : { audience: grant.audience }),
    scopes: [...grant.scopes],
    connection: grant.connection,
    ...(grant.sessionId === undefined ? {} : { session_id: grant.sessionId }),
  }));
  const opaqueTokens = [...signIn.opaqueTokens].map(([token, opaque]) => ({
    token,
    user_id: opaque.userId,
    scopes: [...opaque.scopes],
    expires_at: opaque.expiresAt,
  }));
  const [passwords, signingKey] = await Promise.all([
    Promise.all(hashes.map(async ({ user_id, hash }) => ({ user_id, ...(await hash) }))),
    privateJwk(stores),
  ]);
  return {
    format: STATE_FORMAT,
    version: STATE_VERSION,
    connections,
    managementApiId,
    resourceServers,
    users,
    passwords,
    roles,
    userPermissions,
    jobs,
    outbox,
    signingKey,
    sessions,
    refreshTokens,
    opaqueTokens,
  };
}

function permission({ resource_server_identifier, permission_name }: PermissionRef): PermissionRef {
  return { resource_server_identifier, permission_name };
}

/** The signing key as a private JWK, its members in a fixed order. */
async function privateJwk(stores: StateStores): Promise<ExportedState['signingKey']> {
  const key = await stores.key();
  const jwk = await crypto.subtle.exportKey('jwk', key.privateKey);
  const member = (name: 'n' | 'e' | 'd' | 'p' | 'q' | 'dp' | 'dq' | 'qi') => {
    const value = jwk[name];
    if (typeof value !== 'string') throw new TypeError(`the signing key has no ${name}`);
    return value;
  };
  return {
    kty: 'RSA',
    kid: key.kid,
    n: member('n'),
    e: member('e'),
    d: member('d'),
    p: member('p'),
    q: member('q'),
    dp: member('dp'),
    dq: member('dq'),
    qi: member('qi'),
  };
}
