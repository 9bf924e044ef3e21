/** The user `POST /api/v2/users` stores for a body, with the defaults Auth0's recorded responses show. */
import {
  applyPreparedPatch,
  jsonTypeName,
  PatchError,
  payloadValidationMessage,
  preparePatch,
  type Auth0User,
} from 'auth0-user-patch';
import { isPlainObject } from '../internal/is-plain-object.js';
import { apiError } from '../http/responses.js';
import { Refusal } from '../http/refusal.js';
import { randomHex } from '../random-hex.js';
import { connectionSettings, type EmulatorConnection } from '../store/connections.js';
import { gravatarUrl } from './gravatar.js';

const USER_ID_DESCRIPTION = 'The user_id of the user (without the provider prefix).';

/** Strategies whose users the Management API creates: database and passwordless connections. */
const PROVIDERS: Readonly<Record<string, string>> = { auth0: 'auth0', email: 'email', sms: 'sms' };

/** Checks a create body against the connection it names and builds the new user, or throws Auth0's refusal. */
export function createUser(body: unknown, connections: ReadonlyMap<string, EmulatorConnection>, now: Date): Auth0User {
  const { user_id: requestedId, ...attributes } = isPlainObject(body) ? body : {};
  // Checks the body's type, its keys and every attribute as a PATCH would, without the "something to update" and pair rules.
  const prepared = preparePatch(isPlainObject(body) ? attributes : body, { rules: 'create' });
  const missing = (property: string) =>
    new PatchError(payloadValidationMessage(`Missing required property: ${property}`));
  if (!Object.hasOwn(attributes, 'connection')) throw missing('connection');
  if (requestedId !== undefined && (typeof requestedId !== 'string' || requestedId === '')) {
    const detail =
      typeof requestedId === 'string'
        ? 'String is too short (0 chars), minimum 1'
        : `Expected type string but found type ${jsonTypeName(requestedId)}`;
    throw new PatchError(payloadValidationMessage(detail, { path: 'user_id', description: USER_ID_DESCRIPTION }), {
      path: ['user_id'],
    });
  }
  const connection = connections.get(attributes['connection'] as string);
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
  const id = requestedId ?? randomHex(12);
  // Created and updated at the same time; a new user's first password is no reset (no last_password_reset).
  const base: Auth0User = { created_at: now.toISOString(), updated_at: now.toISOString() };
  base.identities = [{ connection: connection.name, user_id: id, provider, isSocial: false }];
  base.user_id = `${provider}|${id}`;
  // The library applies the connection's rules: the Auth0 store keeps the email in lower case (rule 21).
  const applied = applyPreparedPatch(base, prepared, { connection: connectionSettings(connection) });
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
  return inRecordedOrder(withPicture);
}

/** A new user's attributes in the order Auth0's recorded responses have them: alphabetical, `app_metadata` last. */
function inRecordedOrder(user: Auth0User): Auth0User {
  const keys = Object.keys(user).sort((left, right) =>
    left === 'app_metadata' ? 1 : right === 'app_metadata' ? -1 : left < right ? -1 : left > right ? 1 : 0,
  );
  return Object.fromEntries(keys.map((key) => [key, user[key]])) as Auth0User;
}
