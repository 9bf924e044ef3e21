/**
 * Permissions of roles and users: `GET/POST/DELETE /roles/{id}/permissions` and `/users/{id}/permissions`. A
 * user's permissions are those granted to it directly and those of its roles, each with its `sources`.
 */
import { offsetPage } from '../http/paging.js';
import { Refusal } from '../http/refusal.js';
import { apiError, json } from '../http/responses.js';
import { endpoint, route, type EmulatedRoute } from '../http/route.js';
import { missingRole, missingUser } from '../roles/role-answers.js';
import { MANAGEMENT_API_OPERATIONS as API } from '../routes/management-api.generated.js';
import type { Tenant } from '../tenant.js';
import type { PermissionRef } from './grant-store.js';
import type { ResourceServerStore } from './resource-server-store.js';

/** Where a user's permission comes from, as Auth0 writes it (`DIRECT` recorded; `ROLE` with the role's id and name). */
type Source = { source_id: string; source_name: string; source_type: 'DIRECT' | 'ROLE' };
const DIRECT: Source = { source_id: '', source_name: '', source_type: 'DIRECT' };

const keyOf = (permission: PermissionRef) =>
  JSON.stringify([permission.resource_server_identifier, permission.permission_name]);
const byApiThenName = (left: PermissionRef, right: PermissionRef) =>
  compare(left.resource_server_identifier, right.resource_server_identifier) ||
  compare(left.permission_name, right.permission_name);
const compare = (left: string, right: string) => (left < right ? -1 : left > right ? 1 : 0);

/** A permission as Auth0 lists it, with its API's name and its scope's description (`""` for none, recorded). */
function describe(permission: PermissionRef, servers: ResourceServerStore): Record<string, unknown> {
  const server = servers.find(permission.resource_server_identifier);
  const scope = server?.scopes?.find((candidate) => candidate.value === permission.permission_name);
  return {
    permission_name: permission.permission_name,
    description: scope?.description ?? '',
    resource_server_name: server?.name ?? permission.resource_server_identifier,
    resource_server_identifier: permission.resource_server_identifier,
  };
}

/** The permissions, each checked against the APIs: a permission no API defines is Auth0's 404 (recorded). */
function existingPermissions(
  permissions: readonly PermissionRef[],
  servers: ResourceServerStore,
): readonly PermissionRef[] {
  for (const { resource_server_identifier: api, permission_name: name } of permissions) {
    const server = servers.find(api);
    if (server?.identifier !== api || server.scopes?.some((scope) => scope.value === name) !== true) {
      throw new Refusal(
        apiError(404, `This permission does not exist: '${api} - ${name}'`, 'inexistent_resource_server_permission'),
      );
    }
  }
  return permissions;
}

/** The routes, bound to one tenant. */
export function permissionRoutes(tenant: Tenant): EmulatedRoute[] {
  const { roles, resourceServers, userPermissions } = tenant.relations;
  return [
    route(endpoint(API['GET /roles/{id}/permissions']), ({ params, query }) => {
      const role = roles.get(params.id);
      if (role === undefined) return missingRole();
      const listed = [...roles.permissions.of(role.id)]
        .sort(byApiThenName)
        .map((permission) => describe(permission, resourceServers));
      return offsetPage('permissions', listed, query);
    }),
    route(endpoint(API['POST /roles/{id}/permissions']), ({ params, body }) => {
      const role = roles.get(params.id);
      if (role === undefined) return missingRole();
      roles.permissions.grant(role.id, existingPermissions(body.permissions, resourceServers));
      return json(201, {});
    }),
    route(endpoint(API['DELETE /roles/{id}/permissions']), ({ params, body }) => {
      const role = roles.get(params.id);
      if (role === undefined) return missingRole();
      roles.permissions.revoke(role.id, body.permissions);
      return { status: 204 };
    }),
    route(endpoint(API['GET /users/{id}/permissions']), ({ params, query }) => {
      if (tenant.users.get(params.id) === undefined) return missingUser();
      const found = new Map<string, { permission: PermissionRef; sources: Source[] }>();
      const add = (permission: PermissionRef, source: Source) => {
        const entry = found.get(keyOf(permission));
        if (entry === undefined) found.set(keyOf(permission), { permission, sources: [source] });
        else entry.sources.push(source);
      };
      for (const permission of userPermissions.of(params.id)) add(permission, DIRECT);
      for (const role of roles.rolesOf(params.id)) {
        for (const permission of roles.permissions.of(role.id))
          add(permission, { source_id: role.id, source_name: role.name, source_type: 'ROLE' });
      }
      const listed = [...found.values()]
        .sort((left, right) => byApiThenName(left.permission, right.permission))
        .map(({ permission, sources }) => ({ ...describe(permission, resourceServers), sources }));
      return offsetPage('permissions', listed, query);
    }),
    route(endpoint(API['POST /users/{id}/permissions']), ({ params, body }) => {
      if (tenant.users.get(params.id) === undefined) return missingUser();
      userPermissions.grant(params.id, existingPermissions(body.permissions, resourceServers));
      return json(201, {});
    }),
    route(endpoint(API['DELETE /users/{id}/permissions']), ({ params, body }) => {
      if (tenant.users.get(params.id) === undefined) return missingUser();
      userPermissions.revoke(params.id, body.permissions);
      return { status: 204 };
    }),
  ];
}
