/** The roles routes: `POST/GET /roles`, `GET/PATCH/DELETE /roles/{id}`, `GET/POST /roles/{id}/users`. */
import { offsetPage } from '../http/paging.js';
import { apiError, json } from '../http/responses.js';
import { endpoint, route, type EmulatedRoute } from '../http/route.js';
import { randomId } from '../random-id.js';
import { MANAGEMENT_API_OPERATIONS as API } from '../routes/management-api.generated.js';
import type { Tenant } from '../tenant.js';
import { checkpointAfter, membersAfter } from './checkpoint.js';
import { missingRole, roleMember } from './role-answers.js';

const DEFAULT_TAKE = 50;

/** Auth0's 409 for a second role with a name (the OAS's words; no errorCode recorded). */
const duplicateName = () => apiError(409, 'The role already exists.');

/** The routes, bound to one tenant. */
export function roleRoutes(tenant: Tenant): EmulatedRoute[] {
  const { roles } = tenant.relations;
  return [
    route(endpoint(API['GET /roles']), ({ query }) => {
      const filter = query.name_filter?.toLowerCase();
      const listed = roles.list().filter((role) => filter === undefined || role.name.toLowerCase().includes(filter));
      return offsetPage('roles', listed, query);
    }),
    route(endpoint(API['POST /roles']), ({ body }) => {
      if (roles.named(body.name) !== undefined) return duplicateName();
      const role = {
        id: randomId('rol_'),
        name: body.name,
        ...(body.description === undefined ? {} : { description: body.description }),
      };
      // Auth0 answers 200, not 201 (recorded).
      return json(200, roles.put(role));
    }),
    route(endpoint(API['GET /roles/{id}']), ({ params }) => {
      const role = roles.get(params.id);
      return role === undefined ? missingRole() : json(200, role);
    }),
    route(endpoint(API['PATCH /roles/{id}']), ({ params, body }) => {
      const role = roles.get(params.id);
      if (role === undefined) return missingRole();
      const name = body.name ?? role.name;
      if (roles.named(name, role.id) !== undefined) return duplicateName();
      const description = body.description ?? role.description;
      return json(200, roles.put({ id: role.id, name, ...(description === undefined ? {} : { description }) }));
    }),
    // Recorded: 200 and `{}`; a second DELETE is a 404.
    route(endpoint(API['DELETE /roles/{id}']), ({ params }) =>
      roles.delete(params.id) ? json(200, {}) : missingRole(),
    ),
    route(endpoint(API['GET /roles/{id}/users']), ({ params, query }) => {
      const role = roles.get(params.id);
      if (role === undefined) return missingRole();
      const members = roles.members(role.id).filter((member) => tenant.users.get(member.userId) !== undefined);
      const show = (list: readonly { userId: string }[]) =>
        list.map(({ userId }) => roleMember(tenant.users.get(userId) ?? { user_id: userId }));
      if (query.from === undefined && query.take === undefined) return offsetPage('users', show(members), query);
      // Checkpoint paging: `{ users, next }`, `next` only while more remain; `page`/`per_page` do not apply.
      const from = API['GET /roles/{id}/users'].query.properties.from;
      const rest = query.from === undefined ? members : membersAfter(members, query.from, from.description);
      const take = query.take ?? DEFAULT_TAKE;
      const page = rest.slice(0, take);
      const last = page.at(-1);
      return json(
        200,
        rest.length > take && last !== undefined
          ? { users: show(page), next: checkpointAfter(last) }
          : { users: show(page) },
      );
    }),
    route(endpoint(API['POST /roles/{id}/users']), ({ params, body }) => {
      const role = roles.get(params.id);
      if (role === undefined) return missingRole();
      if (body.users.some((id) => tenant.users.get(id) === undefined))
        return apiError(404, 'One or more of the users do not exist.');
      roles.assign(role.id, body.users, tenant.now());
      // Recorded: 200 and `{}`.
      return json(200, {});
    }),
  ];
}
