/**
 * The root attributes a PATCH may carry, with the constraints and descriptions of the Management API's OpenAPI
 * schema for `patch /users/{id}` (the description is what Auth0 quotes in brackets in its error messages).
 */

/**
 * How one root attribute of a PATCH body is checked and whether it is stored on the user.
 *
 * @example
 * const spec: AttributeSpec = { kind: 'boolean', description: 'Whether ...', stored: true };
 */
export type AttributeSpec =
  | { readonly kind: 'boolean'; readonly description: string; readonly stored: boolean }
  | { readonly kind: 'metadata'; readonly description: string; readonly stored: true }
  | {
      readonly kind: 'string';
      readonly description: string;
      readonly stored: boolean;
      readonly nullable: boolean;
      readonly minLength: number;
      readonly maxLength?: number;
      readonly pattern?: RegExp;
      readonly format?: 'email' | 'uri';
    };

const text = (
  description: string,
  limits: Omit<Extract<AttributeSpec, { kind: 'string' }>, 'kind' | 'description' | 'stored' | 'nullable'>,
  nullable = true,
  stored = true,
): AttributeSpec => ({ kind: 'string', description, stored, nullable, ...limits });

const flag = (description: string, stored = true): AttributeSpec => ({ kind: 'boolean', description, stored });

/**
 * Every attribute `PATCH /api/v2/users/{id}` accepts, in the order of Auth0's schema (which is also the order of
 * the inner errors of "None of the valid schemas were met").
  *
  * @example
  * ATTRIBUTES.get('name'); // { kind: 'string', minLength: 1, maxLength: 300, nullable: true, stored: true, ... }
 */
export const ATTRIBUTES: ReadonlyMap<string, AttributeSpec> = new Map<string, AttributeSpec>([
  ['blocked', flag('Whether this user was blocked by an administrator (true) or not (false).')],
  [
    'email_verified',
    flag(
      'Whether this email address is verified (true) or unverified (false). If set to false the user will not receive a verification email unless `verify_email` is set to true.',
    ),
  ],
  ['email', text('Email address of this user.', { minLength: 0, format: 'email' })],
  [
    'phone_number',
    text("The user's phone number (following the E.164 recommendation).", { minLength: 0, pattern: /^\+[0-9]{1,15}$/ }),
  ],
  ['phone_verified', flag('Whether this phone number has been verified (true) or not (false).')],
  ['user_metadata', { kind: 'metadata', description: 'User metadata to which this user has read/write access.', stored: true }],
  ['app_metadata', { kind: 'metadata', description: 'User metadata to which this user has read-only access.', stored: true }],
  ['given_name', text('Given name/first name/forename of this user.', { minLength: 1, maxLength: 150 })],
  ['family_name', text('Family name/last name/surname of this user.', { minLength: 1, maxLength: 150 })],
  ['name', text('Name of this user.', { minLength: 1, maxLength: 300 })],
  ['nickname', text('Preferred nickname or alias of this user.', { minLength: 1, maxLength: 300 })],
  ['picture', text('URL to picture, photo, or avatar of this user.', { minLength: 0, format: 'uri' })],
  [
    'verify_email',
    flag(
      'Whether this user will receive a verification email after creation (true) or no email (false). Overrides behavior of `email_verified` parameter.',
      false,
    ),
  ],
  [
    'verify_phone_number',
    flag(
      'Whether this user will receive a text after changing the phone number (true) or no text (false). Only valid when changing phone number for SMS connections.',
      false,
    ),
  ],
  ['password', text('New password for this user. Only valid for database connections.', { minLength: 1 }, true, false)],
  ['connection', text('Name of the connection to target for this user update.', { minLength: 1 }, false, false)],
  ['client_id', text('Auth0 client ID. Only valid when updating email address.', { minLength: 1 }, false, false)],
  [
    'username',
    text("The user's username. Only valid if the connection requires a username.", { minLength: 1, maxLength: 128 }),
  ],
]);

/**
 * The pairs of attributes one PATCH may not change together, with Auth0's fixed message, in the order Auth0 checks
 * them.
  *
  * @example
  * EXCLUSIVE_PAIRS[0]; // ['password', 'email']
 */
export const EXCLUSIVE_PAIRS: readonly (readonly [string, string])[] = [
  ['password', 'email'],
  ['password', 'email_verified'],
  ['username', 'email'],
  ['username', 'email_verified'],
  ['username', 'password'],
];

/**
 * First-level `app_metadata` names Auth0 keeps for itself ("Metadata Field Names and Data Types").
 *
 * @example
 * RESERVED_APP_METADATA_NAMES.includes('blocked'); // true
 */
export const RESERVED_APP_METADATA_NAMES = [
  '__tenant',
  '_id',
  'blocked',
  'clientID',
  'created_at',
  'email_verified',
  'email',
  'globalClientID',
  'global_client_id',
  'identities',
  'lastIP',
  'lastLogin',
  'loginsCount',
  'metadata',
  'multifactor_last_modified',
  'multifactor',
  'updated_at',
  'user_id',
] as const;

/**
 * One of {@link RESERVED_APP_METADATA_NAMES}, for the compile-time checks.
 *
 * @example
 * const name: ReservedAppMetadataName = 'loginsCount';
 */
export type ReservedAppMetadataName = (typeof RESERVED_APP_METADATA_NAMES)[number];

/**
 * {@link RESERVED_APP_METADATA_NAMES} as a set, for the run-time checks.
 *
 * @example
 * RESERVED_APP_METADATA_KEYS.has('user_id'); // true
 */
export const RESERVED_APP_METADATA_KEYS: ReadonlySet<string> = new Set(RESERVED_APP_METADATA_NAMES);

/**
 * Attributes a PATCH moves by itself (with `options.now`): a difference in them is not a change anyone sent.
 *
 * @example
 * STAMPED_ATTRIBUTES.has('updated_at'); // true
 */
export const STAMPED_ATTRIBUTES: ReadonlySet<string> = new Set(['updated_at', 'last_password_reset']);

/**
 * The deepest a patch may nest, counting the body as level 0: MongoDB, which Auth0 stores users in, stops at 100.
 *
 * @example
 * copyJsonValue(value, depth); // refuses containers deeper than MAX_DEPTH
 */
export const MAX_DEPTH = 100;
