/** The roles routes: `POST/GET /roles`, `GET/PATCH/DELETE /roles/{id}`, `GET/POST /roles/{id}/users`. */
import { offsetPage } from '../http/paging.js';
import { readQuery } from '../http/query-params.js';
import { apiError, json } from '../http/responses.js';
import { endpoint, jsonBody, route, type EmulatedRoute } from '../http/route.js';
import { randomId } from '../random-id.js';
import { MANAGEMENT_API_OPERATIONS as API } from '../routes/management-api.generated.js';
import type { Tenant } from '../tenant.js';
import { checkpointAfter, positionAfter } from './checkpoint.js';
import { missingRole, roleMember } from './role-answers.js';
import type { Member, Role } from './role-store.js';

const DEFAULT_TAKE = 50;

/**
 * A role's `type` and its organization's `owner_id`, newer than the OAS snapshot: the descriptions of auth0-java's
 * reference.md @ 7aa33c45 (2026-08-19, generated from Auth0's newer OpenAPI description), where `type` is
 * `RoleTypeEnum` (`tenant`, `organization`).
 */
const ROLE_TYPE = {
  type: 'string',
  enum: ['tenant', 'organization'],
  description: 'The type of the role. Defaults to tenant.',
} as const;
const OWNER_ID = {
  type: 'string',
  description: 'The ID of the organization that owns this role. Required when type is "organization".',
} as const;
const CREATE = API['POST /roles'];
const CREATE_BODY = {
  ...CREATE.body,
  properties: { ...CREATE.body.properties, type: ROLE_TYPE, owner_id: OWNER_ID },
} as const;
const LIST = API['GET /roles'];
const LIST_QUERY = {
  ...LIST.query,
  properties: {
    ...LIST.query.properties,
    type: { ...ROLE_TYPE, description: 'Optional filter on the type of the role' },
    owner_id: {
      ...OWNER_ID,
      description: 'Filter organization-level roles by owner ID. Required when type is "organization".',
    },
  },
} as const;

/** Organizations are not emulated, so neither are their roles: a loud 501, never a silent answer. */
const organizationRoles = () =>
  apiError(501, 'The emulator does not emulate organization roles (type "organization", owner_id)', 'not_emulated');

/**
 * A role as Auth0 answers it. Every role is a tenant role (`"type":"tenant"` in every answer terraform-provider-auth0
 * recorded from August 2026 on, test/data/recordings/TestAccRole.yaml), and one created without a description reads
 * back with `""` (recorded in TestAccRole.yaml, 2026-08, and TestAccOrganizationMemberRole.yaml, 2026-04).
 */
const roleAnswer = (role: Role) => ({
  id: role.id,
  name: role.name,
  description: role.description ?? '',
  type: 'tenant',
});

/** Auth0's 409 for a second role with a name (the OAS's words; no errorCode recorded). */
const duplicateName = () => apiError(409, 'The role already exists.');

/** The routes, bound to one tenant. */
export function roleRoutes(tenant: Tenant): EmulatedRoute[] {
  const { roles } = tenant.relations;
  return [
    route({ ...endpoint(LIST), query: (text) => readQuery(text, LIST_QUERY) }, ({ query }) => {
      if (query.type === 'organization' || query.owner_id !== undefined) return organizationRoles();
      const filter = query.name_filter?.toLowerCase();
      const listed = roles.list().filter((role) => filter === undefined || role.name.toLowerCase().includes(filter));
      return offsetPage('roles', listed.map(roleAnswer), query);
    }),
    route({ ...endpoint(CREATE), body: jsonBody(CREATE_BODY) }, ({ body }) => {
      if (body.type === 'organization' || body.owner_id !== undefined) return organizationRoles();
      if (roles.named(body.name) !== undefined) return duplicateName();
      const role = roles.put({
        id: randomId('rol_'),
        name: body.name,
        ...(body.description === undefined ? {} : { description: body.description }),
      });
      // Auth0 answers 200, not 201, and without the description it was not given (recorded: TestAccRole.yaml, 2026-08).
      return json(200, {
        id: role.id,
        name: role.name,
        ...(role.description === undefined ? {} : { description: role.description }),
        type: 'tenant',
      });
    }),
    route(endpoint(API['GET /roles/{id}']), ({ params }) => {
      const role = roles.get(params.id);
      return role === undefined ? missingRole() : json(200, roleAnswer(role));
    }),
    route(endpoint(API['PATCH /roles/{id}']), ({ params, body }) => {
      const role = roles.get(params.id);
      if (role === undefined) return missingRole();
      const name = body.name ?? role.name;
      if (roles.named(name, role.id) !== undefined) return duplicateName();
      const description = body.description ?? role.description;
      return json(
        200,
        roleAnswer(roles.put({ id: role.id, name, ...(description === undefined ? {} : { description }) })),
      );
    }),
    // Recorded: 200 and `{}`; a second DELETE is a 404.
    route(endpoint(API['DELETE /roles/{id}']), ({ params }) =>
      roles.delete(params.id) ? json(200, {}) : missingRole(),
    ),
    route(endpoint(API['GET /roles/{id}/users']), ({ params, query }) => {
      const role = roles.get(params.id);
      if (role === undefined) return missingRole();
      // Sorted already, and without deleted users (deleting a user takes it out of its roles): only a page is read.
      const members = roles.members(role.id);
      const show = ({ userId }: Member) => roleMember(tenant.users.get(userId) ?? { user_id: userId });
      if (query.from === undefined && query.take === undefined) return offsetPage('users', members, query, show);
      // Checkpoint paging: `{ users, next }`, `next` only while more remain; `page`/`per_page` do not apply.
      const from = API['GET /roles/{id}/users'].query.properties.from;
      const start = query.from === undefined ? 0 : positionAfter(members, query.from, from.description);
      const take = query.take ?? DEFAULT_TAKE;
      const page = members.slice(start, start + take);
      const last = page.at(-1);
      return json(
        200,
        members.length - start > take && last !== undefined
          ? { users: page.map(show), next: checkpointAfter(last) }
          : { users: page.map(show) },
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
