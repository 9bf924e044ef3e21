/** When creating or updating a user puts a verification email in the outbox, as Auth0 would send one. */
import type { Auth0User } from 'auth0-user-patch';

/** The address a database user's verification email goes to, or `undefined` for a user Auth0 sends none. */
function databaseEmail(user: Auth0User): string | undefined {
  return user.identities?.[0]?.provider === 'auth0' && typeof user.email === 'string' ? user.email : undefined;
}

/**
 * `POST /users` sends one unless `verify_email` is `false`, or, without `verify_email`, `email_verified` is `true`:
 * "The verify_email parameter, when supplied, takes precedence. … If email_verified is set to false or is not
 * supplied, a verification email is sent." (Auth0 support, "User Verification Email via Create a User API", 2026-05-14;
 * the OAS's `CreateUserRequestContent.email_verified` and `.verify_email` say the same). Only database users get one,
 * as only they can be sent one through `POST /jobs/verification-email` (a decision).
 */
export function createSendsVerification(user: Auth0User, verifyEmail: boolean | undefined): string | undefined {
  const email = databaseEmail(user);
  return email !== undefined && (verifyEmail ?? user.email_verified !== true) ? email : undefined;
}

/**
 * `PATCH /users/{id}` sends one to the new address when it changes the email and says `verify_email: true` (a
 * decision: the OAS says of `email_verified` "If set to false the user will not receive a verification email unless
 * `verify_email` is set to true", and Auth0's "Default domain" page says a PATCH "Can trigger verification email
 * when email is updated"; no source says a PATCH without `verify_email`, or without a new email, sends one).
 */
export function updateSendsVerification(
  before: Auth0User,
  after: Auth0User,
  verifyEmail: boolean | undefined,
): string | undefined {
  const email = databaseEmail(after);
  return email !== undefined && verifyEmail === true && email !== before.email ? email : undefined;
}
