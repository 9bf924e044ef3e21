/** A user's roles: `GET/POST/DELETE /users/{id}/roles`. */
import { checkBody, type BodyObject } from '../http/body-schema.js';
import { offsetPage, PAGING_QUERY } from '../http/paging.js';
import { apiError } from '../http/responses.js';
import type { EmulatedRoute } from '../http/router.js';
import type { Tenant } from '../tenant.js';
import { missingUser } from './role-answers.js';

const roleIds = (description: string): BodyObject => ({
  type: 'object',
  description: 'User roles',
  required: ['roles'],
  properties: {
    roles: { type: 'array', description, minItems: 1, items: { type: 'string', minLength: 1, description } },
  },
});
const ASSIGN_ROLES = roleIds('List of roles IDs to associated with the user.');
const REMOVE_ROLES = roleIds('List of roles IDs to remove from the user.');

/** The routes, bound to one tenant. */
export function userRoleRoutes(tenant: Tenant): EmulatedRoute[] {
  const { roles } = tenant.relations;
  return [
    {
      method: 'GET',
      path: '/users/{id}/roles',
      query: PAGING_QUERY,
      handle: ({ params, query }) => {
        const id = params['id'] as string;
        return tenant.users.get(id) === undefined ? missingUser() : offsetPage('roles', roles.rolesOf(id), query);
      },
    },
    {
      method: 'POST',
      path: '/users/{id}/roles',
      handle: async (context) => {
        const body = checkBody(await tenant.readJson(context), ASSIGN_ROLES);
        const id = context.params['id'] as string;
        if (tenant.users.get(id) === undefined) return missingUser();
        const ids = body['roles'] as string[];
        if (ids.some((roleId) => roles.get(roleId) === undefined))
          return apiError(404, 'One or more of the roles do not exist.');
        for (const roleId of ids) roles.assign(roleId, [id], tenant.now());
        return { status: 204 };
      },
    },
    {
      method: 'DELETE',
      path: '/users/{id}/roles',
      handle: async (context) => {
        const body = checkBody(await tenant.readJson(context), REMOVE_ROLES);
        const id = context.params['id'] as string;
        if (tenant.users.get(id) === undefined) return missingUser();
        // A role the user does not hold, or that does not exist, is no fault.
        for (const roleId of body['roles'] as string[]) roles.unassign(roleId, [id]);
        return { status: 204 };
      },
    },
  ];
}
