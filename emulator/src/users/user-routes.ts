/** The users routes of the Management API: list and search, read, read by email, create, update, delete. */
import { applyPreparedPatch, inexistentUserError, preparePatchJson } from 'auth0-user-patch';
import type { Auth0User } from 'auth0-user-patch';
import { apiError, json, patchErrorResponse } from '../http/responses.js';
import type { EmulatedRoute, RouteContext } from '../http/router.js';
import type { QuerySchema } from '../http/query-params.js';
import { Refusal } from '../http/refusal.js';
import { connectionSettings } from '../store/connections.js';
import type { Tenant } from '../tenant.js';
import { createUser } from './create-user.js';
import { listUsers, LIST_USERS_QUERY } from './list-users.js';
import { selectFields } from '../search/index.js';

const FIELDS =
  'Comma-separated list of fields to include or exclude (based on value provided for include_fields) in the result. Leave empty to retrieve all fields.';
const FIELD_QUERY: QuerySchema = {
  fields: { type: 'string', description: FIELDS },
  include_fields: {
    type: 'boolean',
    description: 'Whether specified fields are to be included (true) or excluded (false).',
  },
};
const BY_EMAIL_QUERY: QuerySchema = {
  fields: { type: 'string', description: FIELDS },
  include_fields: {
    type: 'boolean',
    description: 'Whether specified fields are to be included (true) or excluded (false). Defaults to true.',
  },
  email: { type: 'string', description: 'Email address to search for (case-sensitive).' },
};

/** The routes, bound to one emulator's store. */
export function userRoutes(tenant: Tenant): EmulatedRoute[] {
  const { users: store, now } = tenant;
  const project = (user: Auth0User, query: RouteContext['query']) =>
    selectFields(user, query['fields'] as string | undefined, query['include_fields'] as boolean | undefined);
  const missingUser = () => patchErrorResponse(inexistentUserError());
  return [
    {
      method: 'GET',
      path: '/users',
      query: LIST_USERS_QUERY,
      handle: ({ query }) => listUsers([...store.view.values()], query),
    },
    {
      method: 'GET',
      path: '/users/{id}',
      query: FIELD_QUERY,
      handle: ({ params, query }) => {
        const user = store.get(params['id'] as string);
        return user === undefined ? missingUser() : json(200, project(user, query));
      },
    },
    {
      method: 'GET',
      path: '/users-by-email',
      query: BY_EMAIL_QUERY,
      handle: ({ query }) => {
        const email = query['email'];
        if (typeof email !== 'string')
          return apiError(400, "Query validation error: 'Missing required property: email'.", 'invalid_query_string');
        const found = [...store.view.values()].filter((user) => user.email === email);
        return json(
          200,
          found.map((user) => project(user, query)),
        );
      },
    },
    {
      method: 'POST',
      path: '/users',
      handle: async (context) => {
        const body = await tenant.readJson(context);
        // From here on nothing awaits, so the uniqueness check and the insert are one atomic step.
        const user = createUser(body, tenant.connections, now());
        if (store.get(user.user_id as string) !== undefined || store.findConflict(user) !== undefined) {
          return apiError(409, 'The user already exists.', 'auth0_idp_error');
        }
        return json(201, store.put(user));
      },
    },
    {
      method: 'PATCH',
      path: '/users/{id}',
      handle: async (context) => {
        const id = context.params['id'] as string;
        const text = await tenant.readText(context);
        // Read, patch, check and write without awaiting in between: concurrent PATCHes cannot lose an update.
        const before = store.get(id);
        // The library reads the kind of connection from the user; the tenant knows the rest of it.
        const name = before?.identities?.[0]?.connection;
        const connection = name === undefined ? undefined : tenant.connections.get(name);
        const settings = connection === undefined ? {} : { connection: connectionSettings(connection) };
        const updated = applyPreparedPatch(before, preparePatchJson(text), { now: now(), ...settings });
        const renamed = updated.email !== before?.email || updated.username !== before?.username;
        const conflict = renamed ? store.findConflict(updated, id) : undefined;
        if (conflict !== undefined) throw new Refusal(conflictResponse(conflict));
        return json(200, store.put(updated));
      },
    },
    {
      method: 'DELETE',
      path: '/users/{id}',
      handle: ({ params }) => {
        tenant.deleteUser(params['id'] as string);
        return { status: 204 };
      },
    },
  ];
}

/** Auth0's answer to a PATCH that would give a user another user's email or username in its connection. */
function conflictResponse(attribute: 'email' | 'username') {
  return attribute === 'email'
    ? apiError(400, 'The specified new email already exists', 'auth0_idp_error')
    : apiError(400, 'The specified new username already exists', 'auth0_idp_error');
}
