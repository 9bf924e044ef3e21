import type { AttributeName, ROOT_ATTRIBUTES } from './schema.js';

/**
 * A JSON value: what a PATCH body can carry and what Auth0 stores in metadata.
 *
 * @example
 * const value: JsonValue = { tags: ['a', 'b'], score: 3, active: true, note: null };
 */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/**
 * A JSON value as a caller may hold it: arrays and objects may be readonly (frozen data, `as const`).
 *
 * @example
 * const value: JsonInput = { tags: ['a', 'b'] } as const;
 */
export type JsonInput = string | number | boolean | null | readonly JsonInput[] | { readonly [key: string]: JsonInput };

/**
 * The metadata a PATCH sends: an object of JSON values, where a first-level `null` deletes that key.
 *
 * @example
 * const changes: MetadataPatch = { color: 'pink', nickname: null };
 */
export type MetadataPatch = { readonly [key: string]: JsonInput };

/**
 * The contents of `user_metadata` or `app_metadata`: an object of JSON values.
 *
 * @example
 * const metadata: Metadata = { hobby: 'surfing', addresses: { home: '123 Main Street' } };
 */
export type Metadata = { [key: string]: JsonValue };

/**
 * One identity of a user, as Auth0 returns it in `identities`.
 *
 * @example
 * const identity: Auth0Identity = { connection: 'Username-Password-Authentication', provider: 'auth0', user_id: '5f1c', isSocial: false };
 */
export type Auth0Identity = {
  connection?: string;
  provider?: string;
  user_id?: string;
  isSocial?: boolean;
  [key: string]: unknown;
};

/**
 * A user as the Management API returns it from `GET /api/v2/users/{id}`.
 * Every attribute is optional, and attributes this type does not name (from an identity provider) are allowed.
 *
 * @example
 * const user: Auth0User = {
 *   user_id: 'auth0|507f1f77bcf86cd799439020',
 *   email: 'jane.doe@example.com',
 *   user_metadata: { hobby: 'surfing' },
 *   app_metadata: { plan: 'full' },
 * };
 */
export type Auth0User = {
  user_id?: string;
  email?: string;
  email_verified?: boolean;
  username?: string;
  phone_number?: string;
  phone_verified?: boolean;
  created_at?: string;
  updated_at?: string;
  identities?: Auth0Identity[];
  app_metadata?: Metadata;
  user_metadata?: Metadata;
  picture?: string;
  name?: string;
  nickname?: string;
  multifactor?: string[];
  last_ip?: string;
  last_login?: string;
  last_password_reset?: string;
  logins_count?: number;
  blocked?: boolean;
  given_name?: string;
  family_name?: string;
  [key: string]: unknown;
};

/**
 * A user as {@link applyPatch} takes it: any object, typed by an interface or a type alias, readonly or frozen.
 *
 * @example
 * const user: UserInput = Object.freeze({ user_id: 'auth0|1', identities: Object.freeze([]) });
 */
export type UserInput = object;

/**
 * The body of `PATCH /api/v2/users/{id}`: the attributes the Management API lets a PATCH write, derived from the
 * schema (booleans, metadata objects, strings; `null` unsets a nullable attribute). In metadata, a first-level
 * `null` deletes that key.
 *
 * @example
 * const patch: UserPatch = { user_metadata: { addresses: { home: '123 Main Street' } }, nickname: null };
 */
export type UserPatch = { -readonly [K in AttributeName]?: PatchValue<(typeof ROOT_ATTRIBUTES)[K]> };

/** What a PATCH may send for an attribute of the schema: `null` unsets a nullable one. */
type PatchValue<S> = S extends { type: 'boolean' }
  ? boolean
  : S extends { type: 'metadata' }
    ? MetadataPatch
    : S extends { nullable: true }
      ? string | null
      : string;

/**
 * Options of {@link applyPatch}.
 *
 * @example
 * const options: ApplyOptions = { now: new Date('2026-01-01T00:00:00.000Z') };
 */
export type ApplyOptions = {
  /**
   * The time of the request. When given, `updated_at` becomes `now.toISOString()`, and a patch that sets a
   * `password` also sets `last_password_reset` to it. When absent, no clock is read and neither field changes.
   */
  now?: Date;
  /**
   * The connection of the user's primary identity (`identities[0]`), for the settings the connection rules read
   * that the user does not carry (see {@link ConnectionSettings}). When absent, Auth0's defaults apply.
   */
  connection?: ConnectionSettings;
};

/**
 * The settings of a user's connection that decide what a PATCH may change, with Auth0's names: the JSON
 * `GET /api/v2/connections/{id}` answers will do (its other properties are ignored). Only these options are read,
 * checked at run time (a `TypeError` names a wrong one); each one absent takes Auth0's default.
 *
 * @example
 * const database: ConnectionSettings = { options: { requires_username: true } };
 * const google: ConnectionSettings = { options: { set_user_root_attributes: 'on_first_login' } };
 */
export type ConnectionSettings = {
  options?: {
    /**
     * A database connection whose users have a `username` ("Requires Username"). Auth0's default is `false`; when
     * absent, a user who already has a `username` shows that the connection holds them.
     */
    requires_username?: boolean;
    /**
     * A database connection with Flexible Identifiers: it holds usernames when `attributes.username` is present.
     */
    attributes?: { email?: object; phone_number?: object; username?: object };
    /**
     * When a social or enterprise connection writes `name`, `given_name`, `family_name`, `nickname` and
     * `picture` from the identity provider. Auth0's default, `'on_each_login'` ("Sync user profile attributes at
     * each login"), means a PATCH cannot change them.
     */
    set_user_root_attributes?: 'on_each_login' | 'on_first_login' | 'never_on_login';
    /** A database connection that uses a legacy store ("Use my own database"). Defaults to `false`. */
    enabledDatabaseCustomization?: boolean;
    /** A custom database that imports its users into Auth0 on their first login. Defaults to `false`. */
    import_mode?: boolean;
  };
};
