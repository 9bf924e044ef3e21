/** What the roles routes share: Auth0's refusals and the shape of a role member. */
import { inexistentUserError } from 'auth0-user-patch';
import type { Auth0User } from 'auth0-user-patch';
import { apiError, patchErrorResponse } from '../http/responses.js';

/** Auth0's 404 for a role id that does not exist (recorded: no errorCode). */
export const missingRole = () => apiError(404, 'The role does not exist.');

/** Auth0's 404 for a user id that does not exist. */
export const missingUser = () => patchErrorResponse(inexistentUserError());

/** A user as `GET /roles/{id}/users` lists it: `user_id`, `email`, `picture`, `name`, those it has. */
export function roleMember(user: Auth0User): Record<string, unknown> {
  const member: Record<string, unknown> = {};
  for (const key of ['user_id', 'email', 'picture', 'name'] as const)
    if (user[key] !== undefined) member[key] = user[key];
  return member;
}
