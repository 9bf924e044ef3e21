/** The user `POST /api/v2/users` stores for a body, with the defaults Auth0's recorded responses show. */
import {
  applyPreparedPatch,
  PatchError,
  payloadValidationMessage,
  preparePatch,
  type Auth0User,
  type PreparedPatch,
} from 'auth0-user-patch';
import { checkValue } from '../http/check-schema.js';
import { apiError } from '../http/responses.js';
import { Refusal } from '../http/refusal.js';
import { parseJson, type BodyReader } from '../http/route.js';
import { isPlainObject } from '../internal/is-plain-object.js';
import { randomHex } from '../random-hex.js';
import { MANAGEMENT_API_OPERATIONS } from '../routes/management-api.generated.js';
import { connectionSettings, type EmulatorConnection } from '../store/connections.js';
import { gravatarUrl } from './gravatar.js';

/** A create body the library and the emulator checked: its attributes, prepared, and what the emulator reads itself. */
export type NewUserBody = {
  readonly prepared: PreparedPatch;
  readonly connection: string;
  readonly userId: string | undefined;
  readonly attributes: Readonly<Record<string, unknown>>;
};

/**
 * `user_id` as the OAS describes it, narrowed: an empty id (which the OAS allows, `minLength: 0`) is refused, so
 * that no user is `auth0|` (a decision; no recording shows Auth0's answer).
 */
const USER_ID_BODY = {
  type: 'object',
  properties: { user_id: { ...MANAGEMENT_API_OPERATIONS['POST /users'].body.properties.user_id, minLength: 1 } },
} as const;

/** Strategies whose users the Management API creates: database and passwordless connections. */
const PROVIDERS: Readonly<Record<string, string>> = { auth0: 'auth0', email: 'email', sms: 'sms' };

const missing = (property: string) =>
  new PatchError(payloadValidationMessage(`Missing required property: ${property}`));

/**
 * The body of `POST /users`, checked by the library (its type, its keys and every attribute as a PATCH would,
 * without the "something to update" and pair rules), then `connection` and `user_id`.
 */
export const readNewUser: BodyReader<NewUserBody> = async (readText) => {
  const body = parseJson(await readText());
  const { user_id: userId, ...attributes } = isPlainObject(body) ? body : {};
  const prepared = preparePatch(isPlainObject(body) ? attributes : body, { rules: 'create' });
  // The library checked `connection`'s type: what is not a string here is missing.
  const connection = attributes['connection'];
  if (typeof connection !== 'string') throw missing('connection');
  const identified = userId === undefined ? {} : { user_id: userId };
  checkValue(identified, USER_ID_BODY, 'body');
  return { prepared, connection, userId: identified.user_id, attributes };
};

/** Checks a create body against the connection it names and builds the new user, or throws Auth0's refusal. */
export function createUser(
  body: NewUserBody,
  connections: ReadonlyMap<string, EmulatorConnection>,
  now: Date,
): { readonly userId: string; readonly user: Auth0User } {
  const { attributes } = body;
  const connection = connections.get(body.connection);
  if (connection === undefined)
    throw new Refusal(apiError(400, 'The connection does not exist.', 'inexistent_connection'));
  const provider = PROVIDERS[connection.strategy];
  if (provider === undefined)
    throw new Refusal(apiError(400, 'Connection is not supported for this operation.', 'operation_not_supported'));
  const email = typeof attributes['email'] === 'string' ? attributes['email'] : undefined;
  const phone = typeof attributes['phone_number'] === 'string' ? attributes['phone_number'] : undefined;
  if (provider === 'auth0') {
    if (typeof attributes['password'] !== 'string') throw missing('password');
    if (email === undefined) throw missing('email');
    if (connection.requiresUsername && typeof attributes['username'] !== 'string') throw missing('username');
  }
  if (provider === 'email' && email === undefined) throw missing('email');
  if (provider === 'sms' && phone === undefined) throw missing('phone_number');
  const id = body.userId ?? randomHex(12);
  // Created and updated at the same time; a new user's first password is no reset (no last_password_reset).
  const base: Auth0User = { created_at: now.toISOString(), updated_at: now.toISOString() };
  base.identities = [{ connection: connection.name, user_id: id, provider, isSocial: false }];
  const userId = `${provider}|${id}`;
  base.user_id = userId;
  // The library applies the connection's rules: the Auth0 store keeps the email in lower case (rule 21).
  const applied = applyPreparedPatch(base, body.prepared, { connection: connectionSettings(connection) });
  const stored = typeof applied.email === 'string' ? applied.email : undefined;
  const defaults: Auth0User =
    stored !== undefined
      ? { email_verified: false, name: stored, nickname: stored.replace(/@.*$/s, '') }
      : phone !== undefined
        ? { phone_verified: false, name: phone }
        : {};
  const created: Auth0User = { ...defaults, ...applied };
  const contact = stored ?? phone;
  const withPicture =
    created.picture !== undefined || contact === undefined
      ? created
      : { ...created, picture: gravatarUrl(contact, String(created.name ?? contact)) };
  return { userId, user: inRecordedOrder(withPicture) };
}

/** A new user's attributes in the order Auth0's recorded responses have them: alphabetical, `app_metadata` last. */
function inRecordedOrder(user: Auth0User): Auth0User {
  const keys = Object.keys(user).sort((left, right) =>
    left === 'app_metadata' ? 1 : right === 'app_metadata' ? -1 : left < right ? -1 : left > right ? 1 : 0,
  );
  return Object.fromEntries(keys.map((key) => [key, user[key]])) as Auth0User;
}
