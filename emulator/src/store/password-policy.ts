/**
 * A database connection's password policy, as Auth0 checks a `password` on `POST /users` and `PATCH /users/{id}`.
 *
 * - The legacy levels (`options.passwordPolicy`) are password-sheriff's (github.com/auth0/password-sheriff
 *   index.js and lib/rules/*.js @ 2863bd62, the library whose words Auth0 answers): `none` at least 1 character,
 *   `low` 6, `fair` 8 with a lower-case letter, an upper-case letter and a digit, `good` 8 with 3 of lower-case,
 *   upper-case, digit and special character, `excellent` 10 with 3 of the 4 and no more than 2 identical characters
 *   in a row. A space is a special character. Lengths count UTF-16 units, as password-sheriff does.
 * - `options.password_complexity_options.min_length` replaces the level's minimum length ("If you provide a minimum
 *   password length, this value supersedes that indicated by the password policy", docs-v2 password-strength.mdx
 *   @ 976a0784).
 * - A connection without `passwordPolicy` has the Flexible Password Policy Auth0 gives every new database
 *   connection since August 2026 (terraform-provider-auth0 test/data/recordings/
 *   TestAccConnectionAddEmailAttributeUnique.yaml, 2026-08-07: `"password_options":{"complexity":{"min_length":15,
 *   "character_types":[],"identical_characters":"allow","sequential_characters":"allow",
 *   "max_length_exceeded":"error",…}}`): at least 15 characters, and no more than 72 bytes ("Show error (reject
 *   passwords longer than 72 bytes)", docs-v2 flexible-password-policy.mdx @ 6d917251). The legacy levels
 *   truncate a longer password silently (same page).
 *
 * A password that fails is Auth0's 400 without an errorCode (reported on Auth0's forum, "PasswordStrengthError on
 * Management API doesn't include [reasons]", for `PATCH {"password":"1"}`).
 */
import { Refusal } from '../http/refusal.js';
import { apiError } from '../http/responses.js';
import type { EmulatorConnection } from './connections.js';

/** The legacy password policy levels of a database connection (`options.passwordPolicy`). */
export const PASSWORD_POLICY_LEVELS = ['none', 'low', 'fair', 'good', 'excellent'] as const;

/** A legacy level's name. */
export type PasswordPolicyLevel = (typeof PASSWORD_POLICY_LEVELS)[number];

type Rules = {
  readonly minLength: number;
  /** Every one of these character classes. */
  readonly all?: readonly RegExp[];
  /** At least 3 of lower-case, upper-case, digit and special. */
  readonly threeOfFour?: boolean;
  readonly maxIdentical?: number;
  readonly maxBytes?: number;
};

const LOWER = /[a-z]/;
const UPPER = /[A-Z]/;
const DIGIT = /\d/;
/** password-sheriff's "OWASP Special Characters", the space among them. */
const SPECIAL = /[ !"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~]/;

const LEVELS: Readonly<Record<PasswordPolicyLevel, Rules>> = {
  none: { minLength: 1 },
  low: { minLength: 6 },
  fair: { minLength: 8, all: [LOWER, UPPER, DIGIT] },
  good: { minLength: 8, threeOfFour: true },
  excellent: { minLength: 10, threeOfFour: true, maxIdentical: 2 },
};
const FLEXIBLE_DEFAULT: Rules = { minLength: 15, maxBytes: 72 };

/** Auth0's answer to a password its policy refuses. */
const tooWeak = () => apiError(400, 'PasswordStrengthError: Password is too weak');

/** Refuses, with Auth0's 400, a password the database connection's policy does not accept. */
export function checkPassword(connection: EmulatorConnection | undefined, password: string): void {
  const level = connection?.passwordPolicy;
  const base = level === undefined ? FLEXIBLE_DEFAULT : LEVELS[level];
  const minLength = connection?.password_complexity_options?.min_length ?? base.minLength;
  if (!meets({ ...base, minLength }, password)) throw new Refusal(tooWeak());
}

function meets(rules: Rules, password: string): boolean {
  if (password.length < rules.minLength) return false;
  if (rules.maxBytes !== undefined && new TextEncoder().encode(password).length > rules.maxBytes) return false;
  if (rules.all !== undefined && !rules.all.every((kind) => kind.test(password))) return false;
  if (rules.threeOfFour === true && [LOWER, UPPER, DIGIT, SPECIAL].filter((kind) => kind.test(password)).length < 3)
    return false;
  if (rules.maxIdentical !== undefined && new RegExp(`(.)\\1{${rules.maxIdentical}}`, 's').test(password)) return false;
  return true;
}
