/** The roles routes: `POST/GET /roles`, `GET/PATCH/DELETE /roles/{id}`, `GET/POST /roles/{id}/users`. */
import { checkBody, type BodyObject } from '../http/body-schema.js';
import { offsetPage, PAGING_QUERY } from '../http/paging.js';
import type { QuerySchema } from '../http/query-params.js';
import { apiError, json } from '../http/responses.js';
import type { EmulatedRoute } from '../http/router.js';
import { randomId } from '../random-id.js';
import type { Tenant } from '../tenant.js';
import { checkpointAfter, membersAfter } from './checkpoint.js';
import { missingRole, roleMember } from './role-answers.js';
import type { Role } from './role-store.js';

const CREATE_ROLE: BodyObject = {
  type: 'object',
  description: 'Role',
  required: ['name'],
  properties: {
    name: { type: 'string', description: 'Name of the role.' },
    description: { type: 'string', description: 'Description of the role.' },
  },
};
const UPDATE_ROLE: BodyObject = {
  type: 'object',
  description: 'Role',
  properties: {
    name: { type: 'string', description: 'Name of this role.' },
    description: { type: 'string', description: 'Description of this role.' },
  },
};
const ASSIGN_USERS: BodyObject = {
  type: 'object',
  description: 'Role users',
  required: ['users'],
  properties: {
    users: {
      type: 'array',
      description: "user_id's of the users to assign the role to.",
      items: { type: 'string', minLength: 1, description: "user_id's of the users to assign the role to." },
    },
  },
};
const LIST_ROLES_QUERY: QuerySchema = {
  ...PAGING_QUERY,
  name_filter: { type: 'string', description: 'Optional filter on name (case-insensitive).' },
};
const ROLE_USERS_QUERY: QuerySchema = {
  ...PAGING_QUERY,
  from: { type: 'string', description: 'Optional Id from which to start selection.' },
  take: { type: 'integer', minimum: 1, maximum: 100, description: 'Number of results per page. Defaults to 50.' },
};
const DEFAULT_TAKE = 50;

/** Auth0's 409 for a second role with a name (the OAS's words; no errorCode recorded). */
const duplicateName = () => apiError(409, 'The role already exists.');

/** The routes, bound to one tenant. */
export function roleRoutes(tenant: Tenant): EmulatedRoute[] {
  const { roles } = tenant.relations;
  return [
    {
      method: 'GET',
      path: '/roles',
      query: LIST_ROLES_QUERY,
      handle: ({ query }) => {
        const filter = typeof query['name_filter'] === 'string' ? query['name_filter'].toLowerCase() : undefined;
        const listed = roles.list().filter((role) => filter === undefined || role.name.toLowerCase().includes(filter));
        return offsetPage('roles', listed, query);
      },
    },
    {
      method: 'POST',
      path: '/roles',
      handle: async (context) => {
        const body = checkBody(await tenant.readJson(context), CREATE_ROLE);
        const name = body['name'] as string;
        if (roles.named(name) !== undefined) return duplicateName();
        const role: Role = {
          id: randomId('rol_'),
          name,
          ...(typeof body['description'] === 'string' ? { description: body['description'] } : {}),
        };
        // Auth0 answers 200, not 201 (recorded).
        return json(200, roles.put(role));
      },
    },
    {
      method: 'GET',
      path: '/roles/{id}',
      handle: ({ params }) => {
        const role = roles.get(params['id'] as string);
        return role === undefined ? missingRole() : json(200, role);
      },
    },
    {
      method: 'PATCH',
      path: '/roles/{id}',
      handle: async (context) => {
        const body = checkBody(await tenant.readJson(context), UPDATE_ROLE);
        const role = roles.get(context.params['id'] as string);
        if (role === undefined) return missingRole();
        const name = typeof body['name'] === 'string' ? body['name'] : role.name;
        if (roles.named(name, role.id) !== undefined) return duplicateName();
        const description = typeof body['description'] === 'string' ? body['description'] : role.description;
        return json(200, roles.put({ id: role.id, name, ...(description === undefined ? {} : { description }) }));
      },
    },
    {
      method: 'DELETE',
      path: '/roles/{id}',
      // Recorded: 200 and `{}`; a second DELETE is a 404.
      handle: ({ params }) => (roles.delete(params['id'] as string) ? json(200, {}) : missingRole()),
    },
    {
      method: 'GET',
      path: '/roles/{id}/users',
      query: ROLE_USERS_QUERY,
      handle: ({ params, query }) => {
        const role = roles.get(params['id'] as string);
        if (role === undefined) return missingRole();
        const members = roles.members(role.id).filter((member) => tenant.users.get(member.userId) !== undefined);
        const show = (list: readonly { userId: string }[]) =>
          list.map(({ userId }) => roleMember(tenant.users.get(userId) ?? { user_id: userId }));
        if (query['from'] === undefined && query['take'] === undefined)
          return offsetPage('users', show(members), query);
        // Checkpoint paging: `{ users, next }`, `next` only while more remain; `page`/`per_page` do not apply.
        const rest = typeof query['from'] === 'string' ? membersAfter(members, query['from']) : members;
        const take = (query['take'] as number | undefined) ?? DEFAULT_TAKE;
        const page = rest.slice(0, take);
        const last = page.at(-1);
        return json(
          200,
          rest.length > take && last !== undefined
            ? { users: show(page), next: checkpointAfter(last) }
            : { users: show(page) },
        );
      },
    },
    {
      method: 'POST',
      path: '/roles/{id}/users',
      handle: async (context) => {
        const body = checkBody(await tenant.readJson(context), ASSIGN_USERS);
        const role = roles.get(context.params['id'] as string);
        if (role === undefined) return missingRole();
        const userIds = body['users'] as string[];
        if (userIds.some((id) => tenant.users.get(id) === undefined))
          return apiError(404, 'One or more of the users do not exist.');
        roles.assign(role.id, userIds, tenant.now());
        // Recorded: 200 and `{}`.
        return json(200, {});
      },
    },
  ];
}
