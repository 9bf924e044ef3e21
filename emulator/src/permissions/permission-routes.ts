/**
 * Permissions of roles and users: `GET/POST/DELETE /roles/{id}/permissions` and `/users/{id}/permissions`. A
 * user's permissions are those granted to it directly and those of its roles, each with its `sources`.
 */
import { checkBody, type BodyObject } from '../http/body-schema.js';
import { offsetPage, PAGING_QUERY } from '../http/paging.js';
import { Refusal } from '../http/refusal.js';
import { apiError, json } from '../http/responses.js';
import type { EmulatedRoute } from '../http/router.js';
import { missingRole, missingUser } from '../roles/role-answers.js';
import type { Tenant } from '../tenant.js';
import type { PermissionRef } from './grant-store.js';
import type { ResourceServerStore } from './resource-server-store.js';

const permissionList = (description: string): BodyObject => ({
  type: 'object',
  description: 'Permissions',
  required: ['permissions'],
  properties: {
    permissions: {
      type: 'array',
      description,
      minItems: 1,
      items: {
        type: 'object',
        description,
        required: ['resource_server_identifier', 'permission_name'],
        properties: {
          resource_server_identifier: {
            type: 'string',
            description: 'Resource server (API) identifier that this permission is for.',
          },
          permission_name: { type: 'string', description: 'Name of this permission.' },
        },
      },
    },
  },
});
const ROLE_PERMISSIONS = permissionList('array of resource_server_identifier, permission_name pairs.');
const ADD_USER_PERMISSIONS = permissionList('List of permissions to add to this user.');
const REMOVE_USER_PERMISSIONS = permissionList('List of permissions to remove from this user.');

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

/** The body's permissions, each checked against the APIs: a permission no API defines is Auth0's 404 (recorded). */
function existingPermissions(body: Record<string, unknown>, servers: ResourceServerStore): PermissionRef[] {
  const permissions = body['permissions'] as PermissionRef[];
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
    {
      method: 'GET',
      path: '/roles/{id}/permissions',
      query: PAGING_QUERY,
      handle: ({ params, query }) => {
        const role = roles.get(params['id'] as string);
        if (role === undefined) return missingRole();
        return offsetPage(
          'permissions',
          [...roles.permissions.of(role.id)]
            .sort(byApiThenName)
            .map((permission) => describe(permission, resourceServers)),
          query,
        );
      },
    },
    {
      method: 'POST',
      path: '/roles/{id}/permissions',
      handle: async (context) => {
        const body = checkBody(await tenant.readJson(context), ROLE_PERMISSIONS);
        const role = roles.get(context.params['id'] as string);
        if (role === undefined) return missingRole();
        roles.permissions.grant(role.id, existingPermissions(body, resourceServers));
        return json(201, {});
      },
    },
    {
      method: 'DELETE',
      path: '/roles/{id}/permissions',
      handle: async (context) => {
        const body = checkBody(await tenant.readJson(context), ROLE_PERMISSIONS);
        const role = roles.get(context.params['id'] as string);
        if (role === undefined) return missingRole();
        roles.permissions.revoke(role.id, body['permissions'] as PermissionRef[]);
        return { status: 204 };
      },
    },
    {
      method: 'GET',
      path: '/users/{id}/permissions',
      query: PAGING_QUERY,
      handle: ({ params, query }) => {
        const id = params['id'] as string;
        if (tenant.users.get(id) === undefined) return missingUser();
        const found = new Map<string, { permission: PermissionRef; sources: Source[] }>();
        const add = (permission: PermissionRef, source: Source) => {
          const entry = found.get(keyOf(permission));
          if (entry === undefined) found.set(keyOf(permission), { permission, sources: [source] });
          else entry.sources.push(source);
        };
        for (const permission of userPermissions.of(id)) add(permission, DIRECT);
        for (const role of roles.rolesOf(id)) {
          for (const permission of roles.permissions.of(role.id))
            add(permission, { source_id: role.id, source_name: role.name, source_type: 'ROLE' });
        }
        const listed = [...found.values()]
          .sort((left, right) => byApiThenName(left.permission, right.permission))
          .map(({ permission, sources }) => ({ ...describe(permission, resourceServers), sources }));
        return offsetPage('permissions', listed, query);
      },
    },
    {
      method: 'POST',
      path: '/users/{id}/permissions',
      handle: async (context) => {
        const body = checkBody(await tenant.readJson(context), ADD_USER_PERMISSIONS);
        const id = context.params['id'] as string;
        if (tenant.users.get(id) === undefined) return missingUser();
        userPermissions.grant(id, existingPermissions(body, resourceServers));
        return json(201, {});
      },
    },
    {
      method: 'DELETE',
      path: '/users/{id}/permissions',
      handle: async (context) => {
        const body = checkBody(await tenant.readJson(context), REMOVE_USER_PERMISSIONS);
        const id = context.params['id'] as string;
        if (tenant.users.get(id) === undefined) return missingUser();
        userPermissions.revoke(id, body['permissions'] as PermissionRef[]);
        return { status: 204 };
      },
    },
  ];
}
