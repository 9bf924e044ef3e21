/**
 * Account linking: `POST /users/{id}/identities` moves a secondary user's identity into the primary's `identities`
 * (with the secondary's profile as its `profileData`) and removes the secondary user; the primary's metadata stays
 * and the secondary's is discarded. `DELETE /users/{id}/identities/{provider}/{user_id}` makes the identity a user of
 * its own again, without metadata. Both as Auth0's account-linking pages describe and its recordings show.
 */
import type { Auth0Identity, Auth0User } from 'auth0-user-patch';
import { payloadValidationMessage } from 'auth0-user-patch';
import { onlyCurrentUser } from '../auth/authenticate.js';
import { apiError, json } from '../http/responses.js';
import { endpoint, route, type EmulatedRoute } from '../http/route.js';
import { missingUser } from '../roles/role-answers.js';
import { MANAGEMENT_API_OPERATIONS as API } from '../routes/management-api.generated.js';
import type { Tenant } from '../tenant.js';
import { profileAttributes, profileData } from './profile-data.js';

/** An identity as the linking routes answer it: `profileData` first, the primary's made from its profile (recorded). */
function answered(user: Auth0User): Auth0Identity[] {
  return (user.identities ?? []).map((identity, index) => {
    if (index > 0 || identity['profileData'] !== undefined) return identity;
    return { profileData: profileData(user), ...identity };
  });
}

/** The routes, bound to one tenant. */
export function identityRoutes(tenant: Tenant): EmulatedRoute[] {
  const { users } = tenant;
  /** The user an identity is, by `provider|user_id`, or by a full user_id of that provider (as Auth0 also accepts). */
  const findSecondary = (provider: string, userId: string): { id: string; user: Auth0User } | undefined => {
    const prefixed = users.get(`${provider}|${userId}`);
    if (prefixed !== undefined) return { id: `${provider}|${userId}`, user: prefixed };
    const full = users.get(userId);
    return full?.identities?.[0]?.provider === provider ? { id: userId, user: full } : undefined;
  };
  return [
    route(endpoint(API['POST /users/{id}/identities']), ({ params, body, grant }) => {
      // Auth0's docs: with update:current_user_identities "only the link_with param is required"; provider and
      // user_id are for a token with update:users. Without it, naming the secondary is refused (a decision: the
      // 403 Auth0 gives a token without the route's scope), since no token proves the user holds that account.
      if (body.link_with === undefined && onlyCurrentUser(grant, API['POST /users/{id}/identities'].scopes))
        return apiError(403, 'Insufficient scope, expected any of: update:users', 'insufficient_scope');
      if (body.link_with !== undefined) {
        return apiError(
          501,
          'The emulator does not emulate link_with (a token of the secondary account): link with provider and user_id',
          'not_emulated',
        );
      }
      // Without link_with, the secondary account is named by provider and user_id.
      const { provider, user_id: secondaryId } = body;
      if (provider === undefined || secondaryId === undefined) {
        const property = provider === undefined ? 'provider' : 'user_id';
        return apiError(400, payloadValidationMessage(`Missing required property: ${property}`), 'invalid_body');
      }
      const userId = String(secondaryId);
      const primary = users.get(params.id);
      if (primary === undefined) return missingUser();
      const found = findSecondary(provider, userId);
      const secondary = found?.user;
      const identityId =
        secondary?.identities?.[0]?.user_id ??
        (userId.startsWith(`${provider}|`) ? userId.slice(provider.length + 1) : userId);
      const linkedAt = (primary.identities ?? []).findIndex(
        (identity) => identity.provider === provider && identity.user_id === identityId,
      );
      if (secondary === primary || linkedAt === 0) return apiError(400, 'Main identity and the new one are the same.');
      if (linkedAt > 0) return apiError(409, 'Specified identity already exists.');
      // An identity linked into another user is no user of its own: not found, as Auth0 finds secondaries.
      if (found === undefined || secondary === undefined) return apiError(400, 'Provided secondary account not found.');
      const [first, ...others] = secondary.identities ?? [];
      // A user seeded without identities has no identity to move, or none to be the primary: the link is refused
      // rather than made wrong (a decision; every Auth0 user has identities).
      if (first === undefined || (primary.identities ?? []).length === 0)
        return apiError(400, 'Unable to link with the secondary account.');
      const candidate = {
        ...primary,
        identities: [...(primary.identities ?? []), { profileData: profileData(secondary), ...first }, ...others],
        updated_at: tenant.now().toISOString(),
      };
      // The secondary user is gone, with its metadata, its roles and its permissions; its accounts, which the store
      // keeps unique, move into the primary, so the link cannot make two accounts share an id or an email.
      tenant.deleteUser(found.id);
      return json(201, answered(users.put(candidate)));
    }),
    // The router checks `provider` against the OAS's list (400 `invalid_uri`).
    route(endpoint(API['DELETE /users/{id}/identities/{provider}/{user_id}']), ({ params }) => {
      const { provider } = params;
      const primary = users.get(params.id);
      if (primary === undefined) return missingUser();
      const identities = primary.identities ?? [];
      const index = identities.findIndex(
        (identity) => identity.provider === provider && identity.user_id === params.user_id,
      );
      if (index === 0) return apiError(400, 'Main identity cannot be removed.');
      // An identity the user does not have: 200 and the identities unchanged (recorded).
      const removed = identities[index];
      if (removed === undefined) return json(200, answered(primary));
      const { profileData: data, ...identity } = removed;
      const now = tenant.now().toISOString();
      const id = `${provider}|${String(identity.user_id)}`;
      // The identity is a user of its own again, with its profile and without metadata: its account leaves the
      // primary first, then the new user is checked against every other account before it is stored.
      const separate = {
        ...profileAttributes(data),
        created_at: now,
        updated_at: now,
        identities: [identity],
        user_id: id,
      };
      const unlinked = users.put({
        ...primary,
        identities: identities.filter((_, position) => position !== index),
        updated_at: now,
      });
      if (users.findConflict(separate) !== undefined) {
        users.put(primary);
        return apiError(409, 'The user already exists.', 'auth0_idp_error');
      }
      users.put(separate);
      return json(200, answered(unlinked));
    }),
  ];
}
