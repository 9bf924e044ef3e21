/** Who a verification email or a ticket goes to, checked as Auth0 checks it (the OAS's 400 messages). */
import type { Auth0Identity, Auth0User } from 'auth0-user-patch';
import { Refusal } from '../http/refusal.js';
import { isPlainObject } from '../internal/is-plain-object.js';
import { apiError } from '../http/responses.js';
import { missingUser } from '../roles/role-answers.js';
import type { Tenant } from '../tenant.js';

/** The user and the address to write to: the user's email, or a linked identity's. */
export type Recipient = {
  readonly user: Auth0User;
  readonly email: string;
  readonly identity: Auth0Identity | undefined;
};

/** The recipient for `user_id` (and `identity`, one of its identities), or Auth0's refusal. */
export function recipient(
  tenant: Tenant,
  userId: string,
  identity: { readonly provider: string; readonly user_id: string } | undefined,
  noEmail: string,
): Recipient {
  const user = tenant.users.get(userId);
  if (user === undefined) throw new Refusal(missingUser());
  let chosen = user.identities?.[0];
  let email: unknown = user.email;
  if (identity !== undefined) {
    chosen = user.identities?.find(
      (candidate) => candidate.provider === identity.provider && candidate.user_id === identity.user_id,
    );
    if (chosen === undefined)
      throw new Refusal(apiError(400, 'The user exists, but does not contain the given identity.'));
    const data = chosen['profileData'];
    if (chosen !== user.identities?.[0]) email = isPlainObject(data) ? data['email'] : undefined;
  }
  if (typeof email !== 'string') throw new Refusal(apiError(400, noEmail));
  return { user, email, identity: chosen };
}

/** Organizations are not emulated: none exists, as the OAS's 400 says. */
export function refuseOrganization(body: { readonly organization_id?: string }): void {
  if (body.organization_id !== undefined) throw new Refusal(apiError(400, 'The organization does not exist'));
}
