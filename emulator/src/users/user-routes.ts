/** The users routes of the Management API: list and search, read, read by email, create, update, delete. */
import { applyPreparedPatch, inexistentUserError, preparePatchJson, type PreparedPatch } from 'auth0-user-patch';
import type { Auth0User } from 'auth0-user-patch';
import { apiError, json, patchErrorResponse } from '../http/responses.js';
import { Refusal } from '../http/refusal.js';
import { endpoint, route, type BodyReader, type EmulatedRoute } from '../http/route.js';
import { MANAGEMENT_API_OPERATIONS as API } from '../routes/management-api.generated.js';
import { connectionSettings } from '../store/connections.js';
import { selectFields } from '../search/index.js';
import type { Tenant } from '../tenant.js';
import { createUser, readNewUser } from './create-user.js';
import { listUsers } from './list-users.js';

/** The library is the authority for a PATCH body: it parses the text and checks every rule (`preparePatchJson`). */
const readUserPatch: BodyReader<PreparedPatch> = async (readText) => preparePatchJson(await readText());

/** The routes, bound to one emulator's store. */
export function userRoutes(tenant: Tenant): EmulatedRoute[] {
  const { users: store, now } = tenant;
  const project = (user: Auth0User, query: { readonly fields?: string; readonly include_fields?: boolean }) =>
    selectFields(user, query.fields, query.include_fields);
  const missingUser = () => patchErrorResponse(inexistentUserError());
  return [
    route(endpoint(API['GET /users']), ({ query }) => listUsers([...store.view.values()], query)),
    route(endpoint(API['GET /users/{id}']), ({ params, query }) => {
      const user = store.get(params.id);
      return user === undefined ? missingUser() : json(200, project(user, query));
    }),
    route(endpoint(API['GET /users-by-email']), ({ query }) =>
      json(
        200,
        [...store.view.values()].filter((user) => user.email === query.email).map((user) => project(user, query)),
      ),
    ),
    // The library checks the attributes (`preparePatch(..., { rules: 'create' })`), the emulator the connection.
    route({ ...endpoint(API['POST /users']), body: readNewUser }, ({ body }) => {
      // Nothing awaits from here on, so the uniqueness check and the insert are one atomic step.
      const { userId, user } = createUser(body, tenant.connections, now());
      if (store.get(userId) !== undefined || store.findConflict(user) !== undefined) {
        return apiError(409, 'The user already exists.', 'auth0_idp_error');
      }
      const created = store.put(user);
      // The password signs the user in; it is kept as a hash beside the store, never in the user.
      const { password } = body.prepared.steering;
      if (typeof password === 'string') tenant.setPassword(userId, password);
      return json(201, created);
    }),
    route({ ...endpoint(API['PATCH /users/{id}']), body: readUserPatch }, ({ params, body }) => {
      // Read, patch, check and write without awaiting in between: concurrent PATCHes cannot lose an update.
      const before = store.get(params.id);
      // The library reads the kind of connection from the user; the tenant knows the rest of it.
      const name = before?.identities?.[0]?.connection;
      const connection = name === undefined ? undefined : tenant.connections.get(name);
      const settings = connection === undefined ? {} : { connection: connectionSettings(connection) };
      const updated = applyPreparedPatch(before, body, { now: now(), ...settings });
      const renamed = updated.email !== before?.email || updated.username !== before?.username;
      const conflict = renamed ? store.findConflict(updated, params.id) : undefined;
      if (conflict !== undefined) throw new Refusal(conflictResponse(conflict));
      const { password } = body.steering;
      if (typeof password === 'string') tenant.setPassword(params.id, password);
      return json(200, store.put(updated));
    }),
    route(endpoint(API['DELETE /users/{id}']), ({ params }) => {
      tenant.deleteUser(params.id);
      return { status: 204 };
    }),
  ];
}

/** Auth0's answer to a PATCH that would give a user another user's email or username in its connection. */
function conflictResponse(attribute: 'email' | 'username') {
  return attribute === 'email'
    ? apiError(400, 'The specified new email already exists', 'auth0_idp_error')
    : apiError(400, 'The specified new username already exists', 'auth0_idp_error');
}
