/**
 * Checks a state before anything of it is loaded: its format and version, each field's shape, and what points at
 * what (a role's members, a password's user). The first fault is a `TypeError` that names its path
 * (`state.roles[2].users[0].user_id names no user of state.users`); nothing is half loaded.
 */
import { jsonTypeName, type Auth0User } from 'auth0-user-patch';
import type { Application } from '../auth/clients.js';
import { checkGivenKey, type PrivateRsaJwk } from '../auth/signing-key.js';
import { isPlainObject } from '../internal/is-plain-object.js';
import type { Job } from '../jobs/job-store.js';
import type { OutboxMessage } from '../jobs/outbox.js';
import type { PermissionRef } from '../permissions/grant-store.js';
import type { ResourceServer } from '../permissions/resource-server-store.js';
import { randomId } from '../random-id.js';
import type { Member, Role } from '../roles/role-store.js';
import type { PasswordHash } from '../signin/passwords.js';
import type { OpaqueToken, RefreshGrant, Session } from '../signin/sign-in-state.js';
import { copyJson } from '../store/check-seed-user.js';
import { checkConnections, type EmulatorConnection } from '../store/connections.js';
import { STATE_FORMAT, STATE_VERSION } from './state-format.js';

/** A seeded user and the password to hash for it, as `options.users` are checked. */
export type Seed = { readonly user: Auth0User; readonly password: string | undefined };

/** What a check needs of the emulator: its start connections, its applications, and how it checks users. */
export type StateContext = {
  readonly startConnections: ReadonlyMap<string, EmulatorConnection>;
  readonly applications: ReadonlyMap<string, Application>;
  readonly defaultDirectory: string | undefined;
  /** Checks users as `options.users` (`where` names them; `connections` are the ones a password must be in). */
  readonly checkUsers: (
    users: unknown,
    where: string,
    connections: ReadonlyMap<string, EmulatorConnection>,
  ) => readonly Seed[];
};

/** A checked state, in the stores' own shapes; `connections` and `resourceServers` are `undefined` when left out. */
export type CheckedState = {
  readonly connections:
    { readonly byName: ReadonlyMap<string, EmulatorConnection>; readonly ids: ReadonlyMap<string, string> } | undefined;
  readonly managementApiId: string | undefined;
  readonly resourceServers: readonly ResourceServer[] | undefined;
  readonly seeds: readonly Seed[];
  readonly passwords: readonly (readonly [string, PasswordHash])[];
  readonly roles: readonly { role: Role; permissions: PermissionRef[]; members: Member[] }[];
  readonly userPermissions: readonly (readonly [string, PermissionRef[]])[];
  readonly jobs: readonly Job[];
  readonly outbox: readonly OutboxMessage[];
  readonly signingKey: PrivateRsaJwk | undefined;
  readonly sessions: readonly Session[];
  readonly refreshTokens: readonly (readonly [string, RefreshGrant])[];
  readonly opaqueTokens: readonly (readonly [string, OpaqueToken])[];
};

const FIELDS = [
  'format',
  'version',
  'connections',
  'managementApiId',
  'resourceServers',
  'users',
  'passwords',
  'roles',
  'userPermissions',
  'jobs',
  'outbox',
  'signingKey',
  'sessions',
  'refreshTokens',
  'opaqueTokens',
];
const MESSAGE_TYPES: readonly string[] = ['verification_email', 'password_change', 'email_verification'];
// PBKDF2 in passwords.ts: a 16-byte salt and a 32-byte hash, base64url without padding.
const SALT = /^[A-Za-z0-9_-]{22}$/;
const HASH = /^[A-Za-z0-9_-]{43}$/;

/** Checks `state` (named `root` in messages: `state`, `createEmulator: options.state`, ...). */
export function checkState(state: unknown, root: string, context: StateContext): CheckedState {
  const top = fields(state, root, ['format', 'version'], FIELDS);
  if (top['format'] !== STATE_FORMAT) throw new TypeError(`${root}.format must be "${STATE_FORMAT}"`);
  const version = top['version'];
  if (typeof version === 'number' && Number.isInteger(version) && version > STATE_VERSION)
    throw new TypeError(`${root}.version ${version} is newer than this emulator reads (${STATE_VERSION}): update it`);
  if (version !== STATE_VERSION) throw new TypeError(`${root}.version must be ${STATE_VERSION}`);
  const at = (field: string) => `${root}.${field}`;
  const given = (field: string) => (top[field] === undefined ? undefined : list(top[field], at(field)));

  const connections =
    top['connections'] === undefined ? undefined : checkConnectionList(top['connections'], at('connections'), context);
  const byName = connections?.byName ?? context.startConnections;
  const seeds = top['users'] === undefined ? [] : context.checkUsers(top['users'], at('users'), byName);
  const usersById = new Map(seeds.map(({ user }) => [user.user_id as string, user]));
  const plainPasswords = new Set(seeds.filter((seed) => seed.password !== undefined).map(({ user }) => user.user_id));
  const existing = (value: unknown, path: string) => {
    const id = text(value, path);
    if (!usersById.has(id)) throw new TypeError(`${path} names no user of the state: ${id}`);
    return id;
  };
  const once = <T>(seen: Set<T>, value: T, path: string) => {
    if (seen.has(value)) throw new TypeError(`${path} repeats ${String(value)}`);
    seen.add(value);
    return value;
  };

  const managementApiId =
    top['managementApiId'] === undefined ? undefined : text(top['managementApiId'], at('managementApiId'));
  const serverIds = new Set<string>(managementApiId === undefined ? [] : [managementApiId]);
  const identifiers = new Set<string>();
  const resourceServers = given('resourceServers')?.map((server, index) => {
    const path = `${at('resourceServers')}[${index}]`;
    const checked = fields(server, path, ['id', 'identifier'], 'any');
    once(serverIds, text(checked['id'], `${path}.id`), `${path}.id`);
    once(identifiers, text(checked['identifier'], `${path}.identifier`), `${path}.identifier`);
    if (checked['name'] !== undefined) text(checked['name'], `${path}.name`);
    if (checked['scopes'] !== undefined) {
      list(checked['scopes'], `${path}.scopes`).forEach((scope, scopeIndex) => {
        const scopePath = `${path}.scopes[${scopeIndex}]`;
        const checkedScope = fields(scope, scopePath, ['value'], ['value', 'description']);
        text(checkedScope['value'], `${scopePath}.value`);
        if (checkedScope['description'] !== undefined) string(checkedScope['description'], `${scopePath}.description`);
      });
    }
    return copyJson(checked, root, `resourceServers[${index}]`, 0) as ResourceServer;
  });

  const passwordUsers = new Set<string>();
  const passwords = (given('passwords') ?? []).map((entry, index) => {
    const path = `${at('passwords')}[${index}]`;
    const checked = fields(entry, path, ['user_id', 'salt', 'hash'], ['user_id', 'salt', 'hash']);
    const userId = once(passwordUsers, existing(checked['user_id'], `${path}.user_id`), `${path}.user_id`);
    if (plainPasswords.has(userId)) throw new TypeError(`${path}.user_id has a password in the state's users too`);
    const connection = usersById.get(userId)?.identities?.[0]?.connection;
    if (typeof connection !== 'string' || byName.get(connection)?.strategy !== 'auth0')
      throw new TypeError(`${path}.user_id names a user whose first identity is not in a database connection`);
    const salt = text(checked['salt'], `${path}.salt`);
    if (!SALT.test(salt)) throw new TypeError(`${path}.salt must be 16 bytes in base64url (22 characters)`);
    const hash = text(checked['hash'], `${path}.hash`);
    if (!HASH.test(hash)) throw new TypeError(`${path}.hash must be 32 bytes in base64url (43 characters)`);
    return [userId, { salt, hash }] as const;
  });

  const roleIds = new Set<string>();
  const roleNames = new Set<string>();
  const roles = (given('roles') ?? []).map((entry, index) => {
    const path = `${at('roles')}[${index}]`;
    const checked = fields(
      entry,
      path,
      ['id', 'name', 'permissions', 'users'],
      ['id', 'name', 'description', 'permissions', 'users'],
    );
    const id = once(roleIds, text(checked['id'], `${path}.id`), `${path}.id`);
    const name = once(roleNames, text(checked['name'], `${path}.name`), `${path}.name`);
    const description =
      checked['description'] === undefined ? undefined : string(checked['description'], `${path}.description`);
    const members = new Set<string>();
    return {
      role: description === undefined ? { id, name } : { id, name, description },
      permissions: permissionList(checked['permissions'], `${path}.permissions`),
      members: list(checked['users'], `${path}.users`).map((member, memberIndex) => {
        const memberPath = `${path}.users[${memberIndex}]`;
        const held = fields(member, memberPath, ['user_id', 'assigned_at'], ['user_id', 'assigned_at']);
        const userId = once(members, existing(held['user_id'], `${memberPath}.user_id`), `${memberPath}.user_id`);
        return { userId, assignedAt: instant(held['assigned_at'], `${memberPath}.assigned_at`) };
      }),
    };
  });

  const holders = new Set<string>();
  const userPermissions = (given('userPermissions') ?? []).map((entry, index) => {
    const path = `${at('userPermissions')}[${index}]`;
    const checked = fields(entry, path, ['user_id', 'permissions'], ['user_id', 'permissions']);
    const userId = once(holders, existing(checked['user_id'], `${path}.user_id`), `${path}.user_id`);
    return [userId, permissionList(checked['permissions'], `${path}.permissions`)] as const;
  });

  const jobIds = new Set<string>();
  const jobs = (given('jobs') ?? []).map((entry, index): Job => {
    const path = `${at('jobs')}[${index}]`;
    const checked = fields(entry, path, ['id', 'type', 'created_at'], ['id', 'type', 'created_at']);
    const id = once(jobIds, text(checked['id'], `${path}.id`), `${path}.id`);
    if (checked['type'] !== 'verification_email') throw new TypeError(`${path}.type must be "verification_email"`);
    const createdAt = new Date(instant(checked['created_at'], `${path}.created_at`)).toISOString();
    return { type: 'verification_email', created_at: createdAt, id };
  });

  const outbox = (given('outbox') ?? []).map((entry, index): OutboxMessage => {
    const path = `${at('outbox')}[${index}]`;
    const keys = ['type', 'user_id', 'email', 'ticket', 'created_at'];
    const checked = fields(entry, path, ['type', 'user_id', 'email', 'created_at'], keys);
    const type = checked['type'];
    if (typeof type !== 'string' || !MESSAGE_TYPES.includes(type))
      throw new TypeError(`${path}.type must be one of ${MESSAGE_TYPES.join(', ')}`);
    const message = {
      type: type as OutboxMessage['type'],
      user_id: text(checked['user_id'], `${path}.user_id`),
      email: text(checked['email'], `${path}.email`),
    };
    const createdAt = new Date(instant(checked['created_at'], `${path}.created_at`)).toISOString();
    return checked['ticket'] === undefined
      ? { ...message, created_at: createdAt }
      : { ...message, ticket: text(checked['ticket'], `${path}.ticket`), created_at: createdAt };
  });

  const key = top['signingKey'];
  if (key !== undefined && !isPlainObject(key)) throw fault(at('signingKey'), 'a private RSA JWK', key);
  const signingKey = key === undefined ? undefined : (checkGivenKey(key, at('signingKey')) as PrivateRsaJwk);

  const sessionIds = new Set<string>();
  const sessions = (given('sessions') ?? []).map((entry, index): Session => {
    const path = `${at('sessions')}[${index}]`;
    const checked = fields(entry, path, ['id', 'user_id', 'auth_time'], ['id', 'user_id', 'auth_time']);
    return {
      id: once(sessionIds, text(checked['id'], `${path}.id`), `${path}.id`),
      userId: existing(checked['user_id'], `${path}.user_id`),
      authTime: seconds(checked['auth_time'], `${path}.auth_time`),
    };
  });

  const refreshIds = new Set<string>();
  const refreshTokens = (given('refreshTokens') ?? []).map((entry, index) => {
    const path = `${at('refreshTokens')}[${index}]`;
    const required = ['token', 'user_id', 'client_id', 'scopes', 'connection'];
    const checked = fields(entry, path, required, [...required, 'audience', 'session_id']);
    const token = once(refreshIds, text(checked['token'], `${path}.token`), `${path}.token`);
    // A refresh token outlives its user: exchanging it then answers that the user "doesn't exist anymore".
    const grant: RefreshGrant = {
      userId: text(checked['user_id'], `${path}.user_id`),
      clientId: text(checked['client_id'], `${path}.client_id`),
      audience: checked['audience'] === undefined ? undefined : text(checked['audience'], `${path}.audience`),
      scopes: strings(checked['scopes'], `${path}.scopes`),
      connection: text(checked['connection'], `${path}.connection`),
      sessionId: checked['session_id'] === undefined ? undefined : text(checked['session_id'], `${path}.session_id`),
    };
    return [token, grant] as const;
  });

  const opaqueIds = new Set<string>();
  const opaqueTokens = (given('opaqueTokens') ?? []).map((entry, index) => {
    const path = `${at('opaqueTokens')}[${index}]`;
    const keys = ['token', 'user_id', 'scopes', 'expires_at'];
    const checked = fields(entry, path, keys, keys);
    const token = once(opaqueIds, text(checked['token'], `${path}.token`), `${path}.token`);
    const opaque: OpaqueToken = {
      userId: existing(checked['user_id'], `${path}.user_id`),
      scopes: strings(checked['scopes'], `${path}.scopes`),
      expiresAt: seconds(checked['expires_at'], `${path}.expires_at`),
    };
    return [token, opaque] as const;
  });

  return {
    connections,
    managementApiId,
    resourceServers,
    seeds,
    passwords,
    roles,
    userPermissions,
    jobs,
    outbox,
    signingKey,
    sessions,
    refreshTokens,
    opaqueTokens,
  };
}

/** The connections, checked as `options.connections` are, each with an id, enabling what the applications enable. */
function checkConnectionList(value: unknown, path: string, context: StateContext) {
  const entries = list(value, path);
  const ids = new Map<string, string>();
  const seen = new Set<string>();
  const withoutIds = entries.map((entry, index) => {
    if (!isPlainObject(entry) || entry['id'] === undefined) return entry;
    const id = text(entry['id'], `${path}[${index}].id`);
    if (seen.has(id)) throw new TypeError(`${path}[${index}].id repeats ${id}`);
    seen.add(id);
    const { id: _id, ...connection } = entry;
    return connection;
  });
  const byName = checkConnections(withoutIds, path);
  [...byName.keys()].forEach((name, index) => {
    const entry = entries[index];
    const id = isPlainObject(entry) && typeof entry['id'] === 'string' ? entry['id'] : randomId('con_');
    ids.set(name, id);
  });
  for (const application of context.applications.values()) {
    const missing = application.connections?.find((name) => !byName.has(name));
    if (missing !== undefined)
      throw new TypeError(`${path} lacks ${missing}, a connection the application ${application.clientId} enables`);
  }
  const directory = context.defaultDirectory;
  if (directory !== undefined && byName.get(directory)?.strategy !== 'auth0')
    throw new TypeError(`${path} lacks the database connection ${directory}, the tenant's defaultDirectory`);
  return { byName, ids };
}

/** Permissions as the Management API names them. */
function permissionList(value: unknown, path: string): PermissionRef[] {
  return list(value, path).map((entry, index) => {
    const at = `${path}[${index}]`;
    const keys = ['resource_server_identifier', 'permission_name'];
    const checked = fields(entry, at, keys, keys);
    return {
      resource_server_identifier: text(checked['resource_server_identifier'], `${at}.resource_server_identifier`),
      permission_name: text(checked['permission_name'], `${at}.permission_name`),
    };
  });
}

function fault(path: string, expected: string, value: unknown): TypeError {
  return new TypeError(`${path} must be ${expected}, not ${jsonTypeName(value)}`);
}

/** An object with its `required` fields, and no field but `known` ones (`any`: whatever else it holds). */
function fields(
  value: unknown,
  path: string,
  required: readonly string[],
  known: readonly string[] | 'any',
): Record<string, unknown> {
  if (!isPlainObject(value)) throw fault(path, 'an object', value);
  if (known !== 'any') {
    const unknown = Object.keys(value).find((key) => !known.includes(key));
    if (unknown !== undefined) throw new TypeError(`${path} has a field the format does not know: ${unknown}`);
  }
  const missing = required.find((key) => !Object.hasOwn(value, key));
  if (missing !== undefined) throw new TypeError(`${path}.${missing} is missing`);
  return value;
}

function list(value: unknown, path: string): readonly unknown[] {
  if (!Array.isArray(value)) throw fault(path, 'an array', value);
  return value;
}

function string(value: unknown, path: string): string {
  if (typeof value !== 'string') throw fault(path, 'a string', value);
  return value;
}

function text(value: unknown, path: string): string {
  if (typeof value !== 'string' || value === '') throw fault(path, 'a non-empty string', value);
  return value;
}

function strings(value: unknown, path: string): string[] {
  return list(value, path).map((item, index) => text(item, `${path}[${index}]`));
}

/** A time in ISO 8601, as milliseconds. */
function instant(value: unknown, path: string): number {
  if (typeof value !== 'string') throw fault(path, 'a date in ISO 8601 (2026-01-31T12:00:00.000Z)', value);
  const time = Date.parse(value);
  if (Number.isNaN(time)) throw new TypeError(`${path} must be a date in ISO 8601, not ${JSON.stringify(value)}`);
  return time;
}

/** Unix seconds. */
function seconds(value: unknown, path: string): number {
  if (typeof value !== 'number') throw fault(path, 'a whole number of seconds', value);
  if (!(Number.isInteger(value) && value >= 0))
    throw new TypeError(`${path} must be a whole number of seconds, not ${String(value)}`);
  return value;
}
