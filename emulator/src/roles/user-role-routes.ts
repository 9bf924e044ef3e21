/** A user's roles: `GET/POST/DELETE /users/{id}/roles`. */
import { offsetPage } from '../http/paging.js';
import { apiError } from '../http/responses.js';
import { endpoint, route, type EmulatedRoute } from '../http/route.js';
import { MANAGEMENT_API_OPERATIONS as API } from '../routes/management-api.generated.js';
import type { Tenant } from '../tenant.js';
import { missingUser } from './role-answers.js';

/** The routes, bound to one tenant. */
export function userRoleRoutes(tenant: Tenant): EmulatedRoute[] {
  const { roles } = tenant.relations;
  return [
    route(endpoint(API['GET /users/{id}/roles']), ({ params, query }) =>
      tenant.users.get(params.id) === undefined ? missingUser() : offsetPage('roles', roles.rolesOf(params.id), query),
    ),
    route(endpoint(API['POST /users/{id}/roles']), ({ params, body }) => {
      if (tenant.users.get(params.id) === undefined) return missingUser();
      if (body.roles.some((roleId) => roles.get(roleId) === undefined))
        return apiError(404, 'One or more of the roles do not exist.');
      for (const roleId of body.roles) roles.assign(roleId, [params.id], tenant.now());
      return { status: 204 };
    }),
    route(endpoint(API['DELETE /users/{id}/roles']), ({ params, body }) => {
      if (tenant.users.get(params.id) === undefined) return missingUser();
      // A role the user does not hold, or that does not exist, is no fault.
      for (const roleId of body.roles) roles.unassign(roleId, [params.id]);
      return { status: 204 };
    }),
  ];
}
