/**
 * The one schema of a PATCH body: every fact about a root attribute lives here once, with the constraints and
 * descriptions of the Management API's OpenAPI schema for `patch /users/{id}` (the description is what Auth0 quotes
 * in brackets in its error messages). The validator, the merge, the descriptions and the types derive from it.
 */

/** How one root attribute of a PATCH body is checked, whether it is stored, and for metadata what emptying does. */
export type AttributeSchema =
  | { readonly type: 'boolean'; readonly description: string; readonly stored: boolean }
  | {
      readonly type: 'metadata';
      readonly description: string;
      readonly stored: true;
      /** What an emptied object becomes on the user: `{}`, or nothing (the attribute is removed). */
      readonly emptied: 'empty-object' | 'removed';
      /** First-level names Auth0 keeps for itself in this object. */
      readonly reservedNames: readonly string[];
    }
  | {
      readonly type: 'string';
      readonly description: string;
      readonly stored: boolean;
      readonly nullable: boolean;
      readonly minLength: number;
      readonly maxLength?: number;
      readonly pattern?: RegExp;
      readonly format?: 'email' | 'uri';
    };

/** First-level `app_metadata` names Auth0 keeps for itself ("Metadata Field Names and Data Types"). */
const RESERVED_APP_METADATA_NAMES = [
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
 * Every attribute `PATCH /api/v2/users/{id}` accepts, in the order of Auth0's schema (which is also the order of
 * the inner errors of "None of the valid schemas were met").
 */
export const ROOT_ATTRIBUTES = {
  blocked: {
    type: 'boolean',
    stored: true,
    description: 'Whether this user was blocked by an administrator (true) or not (false).',
  },
  email_verified: {
    type: 'boolean',
    stored: true,
    description:
      'Whether this email address is verified (true) or unverified (false). If set to false the user will not receive a verification email unless `verify_email` is set to true.',
  },
  email: {
    type: 'string',
    stored: true,
    nullable: true,
    minLength: 0,
    format: 'email',
    description: 'Email address of this user.',
  },
  phone_number: {
    type: 'string',
    stored: true,
    nullable: true,
    minLength: 0,
    pattern: /^\+[0-9]{1,15}$/,
    description: "The user's phone number (following the E.164 recommendation).",
  },
  phone_verified: {
    type: 'boolean',
    stored: true,
    description: 'Whether this phone number has been verified (true) or not (false).',
  },
  user_metadata: {
    type: 'metadata',
    stored: true,
    emptied: 'empty-object',
    reservedNames: [],
    description: 'User metadata to which this user has read/write access.',
  },
  app_metadata: {
    type: 'metadata',
    stored: true,
    emptied: 'removed',
    reservedNames: RESERVED_APP_METADATA_NAMES,
    description: 'User metadata to which this user has read-only access.',
  },
  given_name: {
    type: 'string',
    stored: true,
    nullable: true,
    minLength: 1,
    maxLength: 150,
    description: 'Given name/first name/forename of this user.',
  },
  family_name: {
    type: 'string',
    stored: true,
    nullable: true,
    minLength: 1,
    maxLength: 150,
    description: 'Family name/last name/surname of this user.',
  },
  name: {
    type: 'string',
    stored: true,
    nullable: true,
    minLength: 1,
    maxLength: 300,
    description: 'Name of this user.',
  },
  nickname: {
    type: 'string',
    stored: true,
    nullable: true,
    minLength: 1,
    maxLength: 300,
    description: 'Preferred nickname or alias of this user.',
  },
  picture: {
    type: 'string',
    stored: true,
    nullable: true,
    minLength: 0,
    format: 'uri',
    description: 'URL to picture, photo, or avatar of this user.',
  },
  verify_email: {
    type: 'boolean',
    stored: false,
    description:
      'Whether this user will receive a verification email after creation (true) or no email (false). Overrides behavior of `email_verified` parameter.',
  },
  verify_phone_number: {
    type: 'boolean',
    stored: false,
    description:
      'Whether this user will receive a text after changing the phone number (true) or no text (false). Only valid when changing phone number for SMS connections.',
  },
  password: {
    type: 'string',
    stored: false,
    nullable: true,
    minLength: 1,
    description: 'New password for this user. Only valid for database connections.',
  },
  connection: {
    type: 'string',
    stored: false,
    nullable: false,
    minLength: 1,
    description: 'Name of the connection to target for this user update.',
  },
  client_id: {
    type: 'string',
    stored: false,
    nullable: false,
    minLength: 1,
    description: 'Auth0 client ID. Only valid when updating email address.',
  },
  username: {
    type: 'string',
    stored: true,
    nullable: true,
    minLength: 1,
    maxLength: 128,
    description: "The user's username. Only valid if the connection requires a username.",
  },
} as const satisfies Record<string, AttributeSchema>;

/** The name of an attribute a PATCH may carry. */
export type AttributeName = keyof typeof ROOT_ATTRIBUTES;

/** The schema of each attribute, by name, for lookups at run time. */
export const ATTRIBUTES: ReadonlyMap<string, AttributeSchema> = new Map(Object.entries(ROOT_ATTRIBUTES));

/**
 * The pairs of attributes one PATCH may not change together, in the order Auth0 checks them; Auth0's message is
 * `Cannot update <first> and <second> simultaneously.`
 */
export const EXCLUSIVE_PAIRS = [
  ['password', 'email'],
  ['password', 'email_verified'],
  ['username', 'email'],
  ['username', 'email_verified'],
  ['username', 'password'],
] as const satisfies readonly (readonly [AttributeName, AttributeName])[];

/** Attributes a PATCH moves by itself (with `options.now`): `updated_at` always, `last_password_reset` with a new password. */
export const STAMPED_ATTRIBUTES = ['updated_at', 'last_password_reset'] as const;

/** The deepest a patch may nest, counting the body as level 0: MongoDB, which Auth0 stores users in, stops at 100. */
export const MAX_DEPTH = 100;
