/**
 * The rules that depend on the user's connection (21 to 25 of docs/rules.md), applied to a checked patch once the
 * user is known: refusals first, the lowest-numbered rule first, then the lower-casing of what the Auth0 store keeps.
 * A body checked with the create rules meets only the lower-casing and the username rule (of a connection that
 * holds no usernames: a passwordless one, or a database without them).
 */
import { PatchError } from './patch-error.js';
import type { UserConnection } from './connection.js';
import type { AttributeChange, PreparedPatch } from './prepare-patch.js';

/** An attribute the Auth0 store keeps in lower case, as the patch sent it and as it is stored. */
export type LowerCased = { readonly key: 'email' | 'username'; readonly sent: string; readonly stored: string };

/** The changes the merge makes for this user's connection, and what they lower-cased. */
export type ConnectionOutcome = {
  readonly changes: readonly AttributeChange[];
  readonly lowerCased: readonly LowerCased[];
};

/** The root attributes a social or enterprise connection writes at each login (rule 25), in Auth0's order. */
export const SYNCED_PROFILE_ATTRIBUTES = ['family_name', 'given_name', 'name', 'nickname', 'picture'] as const;

// Auth0's refusals. Sources and decisions: docs/rules.md, rules 22 to 25.
const NOT_SUPPORTED = 'Connection is not supported for this operation.';
const EMAIL_OF_NON_DATABASE_USER = 'Cannot update email for non-database user.';
const USERNAME_NOT_HELD = 'Cannot set username for connection without requires_username.';
const EMAIL_VERIFICATION: Partial<Record<UserConnection['kind'], string>> = {
  enterprise: 'Email verification is not supported for enterprise users',
  sms: 'Email verification is not supported for sms users',
};
const SYNC_GUIDE = 'https://auth0.com/docs/dashboard/guides/connections/configure-connection-sync';

/** The attributes the connection rules are about (with `password`, a steering one). */
const RULED: ReadonlySet<string> = new Set(['email', 'email_verified', 'username', ...SYNCED_PROFILE_ATTRIBUTES]);

/** Whether a checked patch has anything the connection rules are about: most do not, and skip them. */
export function concernsConnection({ changes, steering }: PreparedPatch): boolean {
  return Object.hasOwn(steering, 'password') || changes.some((change) => RULED.has(change.key));
}

/** Applies the connection rules to a checked patch: the changes to merge, or Auth0's refusal, thrown. */
export function applyConnectionRules(connection: UserConnection, prepared: PreparedPatch): ConnectionOutcome {
  const { changes, steering } = prepared;
  const update = prepared.rules === 'update';
  const sends = (key: string) => changes.some((change) => change.key === key);
  if (update && connection.kind !== 'database') {
    const verification = EMAIL_VERIFICATION[connection.kind];
    // "Updating `email_verified` is not supported for enterprise and passwordless sms connections." [OAS]
    if (verification !== undefined && sends('email_verified')) throw refusal(verification, 22, ['email_verified']);
    // "Cannot update email for non-database user." [OAS]
    if (sends('email')) throw refusal(EMAIL_OF_NON_DATABASE_USER, 23, ['email']);
    // `password`: "Only valid for database connections."; `username`: "Only valid if the connection requires a username." [OAS]
    if (sends('username')) throw refusal(NOT_SUPPORTED, 24, ['username']);
    if (Object.hasOwn(steering, 'password')) throw refusal(NOT_SUPPORTED, 24, ['password']);
  }
  // On create, a passwordless connection holds no usernames either (on PATCH it is refused above).
  if (!connection.holdsUsernames && changes.some((change) => change.key === 'username' && change.kind === 'set')) {
    throw new PatchError(USERNAME_NOT_HELD, { path: ['username'], rule: 24 });
  }
  const synced = update && connection.syncsProfile ? SYNCED_PROFILE_ATTRIBUTES.filter(sends) : [];
  if (synced.length > 0) {
    throw new PatchError(
      `The following user attributes cannot be updated: ${synced.join(', ')}. The connection (${connection.name}) must either be a database connection (using the Auth0 store), a passwordless connection (email or sms) or has disabled 'Sync user profile attributes at each login'. For more information, see ${SYNC_GUIDE}`,
      { errorCode: 'operation_not_supported', rule: 25 },
    );
  }
  return connection.keepsCase ? { changes, lowerCased: [] } : lowerCase(changes);
}

// "If Auth0 is the identity provider (idP), the email address associated with a user is saved in lower case" [OAS]
function lowerCase(changes: readonly AttributeChange[]): ConnectionOutcome {
  const lowerCased: LowerCased[] = [];
  let copied: AttributeChange[] | undefined;
  for (let index = 0; index < changes.length; index++) {
    const change = changes[index] as AttributeChange;
    const key = change.key;
    // Only a database user's username gets this far (rule 24).
    if (change.kind !== 'set' || typeof change.value !== 'string' || (key !== 'email' && key !== 'username')) continue;
    const stored = change.value.toLowerCase();
    if (stored === change.value) continue;
    lowerCased.push({ key, sent: change.value, stored });
    (copied ??= [...changes])[index] = { key, kind: 'set', value: stored };
  }
  return { changes: copied ?? changes, lowerCased };
}

function refusal(message: string, rule: number, path: readonly string[]): PatchError {
  return new PatchError(message, { path, errorCode: 'operation_not_supported', rule });
}
