/** The users routes of the Management API: list and search, read, read by email, create, update, delete. */
import { applyPreparedPatch, inexistentUserError, preparePatchJson, type PreparedPatch } from 'auth0-user-patch';
import type { Auth0User } from 'auth0-user-patch';
import { onlyCurrentUser } from '../auth/authenticate.js';
import { apiError, json, patchErrorResponse } from '../http/responses.js';
import { Refusal } from '../http/refusal.js';
import { endpoint, route, type BodyReader, type EmulatedRoute } from '../http/route.js';
import { MANAGEMENT_API_OPERATIONS as API } from '../routes/management-api.generated.js';
import { connectionSettings } from '../store/connections.js';
import { selectFields } from '../search/index.js';
import { checkPassword } from '../store/password-policy.js';
import type { Conflict } from '../store/user-store.js';
import type { Tenant } from '../tenant.js';
import { createUser, readNewUser } from './create-user.js';
import { listUsers } from './list-users.js';
import { createSendsVerification, updateSendsVerification } from './verification-email.js';

/** The library is the authority for a PATCH body: it parses the text and checks every rule (`preparePatchJson`). */
const readUserPatch: BodyReader<PreparedPatch> = async (readText) => preparePatchJson(await readText());

/** The routes, bound to one emulator's store. */
export function userRoutes(tenant: Tenant): EmulatedRoute[] {
  const { users: store, now } = tenant;
  const project = (user: Auth0User, query: { readonly fields?: string; readonly include_fields?: boolean }) =>
    selectFields(user, query.fields, query.include_fields);
  const missingUser = () => patchErrorResponse(inexistentUserError());
  /** A database user's new password, checked against its connection's policy (Auth0's 400 when too weak). */
  const checkNewPassword = (user: Auth0User, password: string | null | undefined) => {
    const identity = user.identities?.[0];
    if (typeof password !== 'string' || identity?.provider !== 'auth0') return;
    // A database user of a connection the tenant was not given has the policy of a new database connection.
    checkPassword(
      identity.connection === undefined ? undefined : tenant.connections.get(identity.connection),
      password,
    );
  };
  const sendVerification = (user: Auth0User, email: string | undefined) => {
    if (email !== undefined)
      tenant.relations.outbox.add({
        type: 'verification_email',
        user_id: String(user.user_id),
        email,
        created_at: now().toISOString(),
      });
  };
  return [
    route(endpoint(API['GET /users']), ({ query }) => listUsers(store, query)),
    route(endpoint(API['GET /users/{id}']), ({ params, query }) => {
      const user = store.get(params.id);
      return user === undefined ? missingUser() : json(200, project(user, query));
    }),
    route(endpoint(API['GET /users-by-email']), ({ query }) =>
      json(
        200,
        // The email index folds case: of the users it names, those whose email is exactly the one asked for.
        [...store.inOrder(new Set(store.lookup('email', query.email)))]
          .filter((user) => user.email === query.email)
          .map((user) => project(user, query)),
      ),
    ),
    // The library checks the attributes (`preparePatch(..., { rules: 'create' })`), the emulator the connection.
    route({ ...endpoint(API['POST /users']), body: readNewUser }, ({ body }) => {
      // Nothing awaits from here on, so the uniqueness check and the insert are one atomic step.
      const { userId, user } = createUser(body, tenant.connections, now());
      const { password, verify_email: verifyEmail } = body.prepared.steering;
      checkNewPassword(user, password);
      // Its id, email or username taken by a user or by an identity linked into one: a linked identity stays in its
      // connection ("the secondary user account isn't deleted").
      if (store.findConflict(user) !== undefined) return apiError(409, 'The user already exists.', 'auth0_idp_error');
      const created = store.put(user);
      // The password signs the user in; it is kept as a hash beside the store, never in the user.
      if (typeof password === 'string') tenant.setPassword(userId, password);
      sendVerification(created, createSendsVerification(created, verifyEmail));
      return json(201, created);
    }),
    route({ ...endpoint(API['PATCH /users/{id}']), body: readUserPatch }, ({ params, body, grant }) => {
      // With only `update:current_user_metadata`, a token changes its user's `user_metadata` and nothing else.
      if (onlyCurrentUser(grant, API['PATCH /users/{id}'].scopes)) refuseBeyondMetadata(body);
      // Read, patch, check and write without awaiting in between: concurrent PATCHes cannot lose an update.
      const before = store.get(params.id);
      // Auth0's OAS: `connection` names the connection the user is "updated in", a linked identity's too; the
      // emulator updates the primary identity only, so naming a linked one is refused loudly (a decision).
      const named = body.steering.connection;
      const [primary, ...linked] = before?.identities ?? [];
      if (
        typeof named === 'string' &&
        named !== primary?.connection &&
        linked.some((each) => each.connection === named)
      )
        return apiError(
          501,
          `The emulator does not emulate updating a linked identity (connection ${named}): it updates the primary identity only`,
          'not_emulated',
        );
      // The library reads the kind of connection from the user; the tenant knows the rest of it.
      const name = before?.identities?.[0]?.connection;
      const connection = name === undefined ? undefined : tenant.connections.get(name);
      const settings = connection === undefined ? {} : { connection: connectionSettings(connection) };
      const updated = applyPreparedPatch(before, body, { now: now(), ...settings });
      const { password, verify_email: verifyEmail } = body.steering;
      checkNewPassword(updated, password);
      // Another account of the connection, primary or linked (this user's own linked identities too), has it.
      const conflict = store.findConflict(updated, params.id);
      if (conflict !== undefined) throw new Refusal(conflictResponse(conflict));
      if (typeof password === 'string') tenant.setPassword(params.id, password);
      const stored = store.put(updated);
      if (before !== undefined) sendVerification(stored, updateSendsVerification(before, stored, verifyEmail));
      return json(200, stored);
    }),
    route(endpoint(API['DELETE /users/{id}']), ({ params }) => {
      tenant.deleteUser(params.id);
      return { status: 204 };
    }),
  ];
}

/**
 * Auth0's 403 for a `current_user` token's PATCH of anything but `user_metadata` (its words as reported on
 * auth0.js #960 and in the Auth0 forum, with `insufficient_scope`: a decision), naming the fields.
 */
function refuseBeyondMetadata(patch: PreparedPatch): void {
  const fields = [
    ...patch.changes.map((change) => change.key).filter((key) => key !== 'user_metadata'),
    ...Object.keys(patch.steering),
  ];
  if (fields.length > 0)
    throw new Refusal(
      apiError(403, `You cannot update the following fields: ${fields.join(', ')}`, 'insufficient_scope'),
    );
}

/** Auth0's answer to a PATCH that would give a user another user's email or username in its connection. */
function conflictResponse(attribute: Conflict) {
  // A PATCH changes neither the user_id nor the identities: only the email, the username or an sms user's phone
  // number can clash (the phone number's words follow the other two: a decision).
  const words = { id: 'user_id', email: 'email', username: 'username', phone_number: 'phone number' }[attribute];
  return apiError(400, `The specified new ${words} already exists`, 'auth0_idp_error');
}
