/**
 * The emulator's state file: one versioned JSON object for a whole tenant, which `exportState()` and
 * `GET /emulator/v1/state` give and `createEmulator({ state })`, `importState()`, `PUT /emulator/v1/state` and
 * `serve --import` take. Each field is documented in the README ("The state format").
 */
import type { Auth0User } from 'auth0-user-patch';
import type { PrivateRsaJwk } from '../auth/signing-key.js';
import type { OutboxMessage } from '../jobs/outbox.js';
import type { EmulatorConnection } from '../store/connections.js';

/** What names the format in every state. */
export const STATE_FORMAT = 'auth0-user-patch-emulator/state';

/** The version of the format this emulator writes and reads. */
export const STATE_VERSION = 1;

/** A permission as the Management API names it: an API's identifier and one of its scopes. */
type StatePermission = { readonly resource_server_identifier: string; readonly permission_name: string };

/**
 * A whole emulated tenant as JSON: its connections, APIs, users, password hashes, roles, permissions, jobs, outbox,
 * signing key and sign-in sessions. `exportState()` gives every field; an import needs only `format` and `version`,
 * and a field left out is as `reset()` leaves it (the connections and APIs of the emulator's options, the signing
 * key it has, nothing else).
 *
 * @example
 * const state: EmulatorState = {
 *   format: 'auth0-user-patch-emulator/state',
 *   version: 1,
 *   users: [{ user_id: 'auth0|1', email: 'jane@example.com' }],
 * };
 */
export type EmulatorState = {
  readonly format: typeof STATE_FORMAT;
  readonly version: typeof STATE_VERSION;
  /** The tenant's connections, as `options.connections` takes them, each with its `con_` id. */
  readonly connections?: readonly (EmulatorConnection & { readonly id: string })[];
  /** The id of the tenant's own Auth0 Management API, which `GET /api/v2/resource-servers` lists first. */
  readonly managementApiId?: string;
  /** The tenant's APIs as `GET /api/v2/resource-servers/{id}` answers them (with their `id`), in the order created. */
  readonly resourceServers?: readonly {
    readonly id: string;
    readonly identifier: string;
    readonly [attribute: string]: unknown;
  }[];
  /** The users as the store keeps them, in its order; a `password` given here is hashed, as `options.users` are. */
  readonly users?: readonly Auth0User[];
  /** The hashes of database users' passwords: PBKDF2-SHA-256, 10,000 iterations, 16-byte salt, base64url. */
  readonly passwords?: readonly { readonly user_id: string; readonly salt: string; readonly hash: string }[];
  /** The roles, with what each grants and who holds it since when (ISO 8601). */
  readonly roles?: readonly {
    readonly id: string;
    readonly name: string;
    readonly description?: string;
    readonly permissions: readonly StatePermission[];
    readonly users: readonly { readonly user_id: string; readonly assigned_at: string }[];
  }[];
  /** The permissions granted to users directly, not through a role. */
  readonly userPermissions?: readonly { readonly user_id: string; readonly permissions: readonly StatePermission[] }[];
  /** The jobs, as `GET /api/v2/jobs/{id}` finds them. */
  readonly jobs?: readonly { readonly id: string; readonly type: 'verification_email'; readonly created_at: string }[];
  /** What the tenant would have emailed, oldest first. */
  readonly outbox?: readonly OutboxMessage[];
  /** The tenant's RS256 signing key, a private JWK: tokens it signed keep verifying after an import. */
  readonly signingKey?: PrivateRsaJwk;
  /** Browser sessions (the `auth0` cookie), since `auth_time` (Unix seconds). */
  readonly sessions?: readonly { readonly id: string; readonly user_id: string; readonly auth_time: number }[];
  /** Refresh tokens and the sign-in each stands for. */
  readonly refreshTokens?: readonly {
    readonly token: string;
    readonly user_id: string;
    readonly client_id: string;
    readonly audience?: string;
    readonly scopes: readonly string[];
    readonly connection: string;
    readonly session_id?: string;
  }[];
  /** Opaque access tokens, good for `/userinfo` until `expires_at` (Unix seconds). */
  readonly opaqueTokens?: readonly {
    readonly token: string;
    readonly user_id: string;
    readonly scopes: readonly string[];
    readonly expires_at: number;
  }[];
};
