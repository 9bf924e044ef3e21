/**
 * Account linking: `POST /users/{id}/identities` moves a secondary user's identity into the primary's `identities`
 * (with the secondary's profile as its `profileData`) and removes the secondary user; the primary's metadata stays
 * and the secondary's is discarded. `DELETE /users/{id}/identities/{provider}/{user_id}` makes the identity a user of
 * its own again, without metadata. Both as Auth0's account-linking pages describe and its recordings show.
 */
import type { Auth0Identity, Auth0User } from 'auth0-user-patch';
import { payloadValidationMessage } from 'auth0-user-patch';
import { checkBody, type BodyObject } from '../http/body-schema.js';
import { apiError, json } from '../http/responses.js';
import type { EmulatedRoute } from '../http/router.js';
import { missingUser } from '../roles/role-answers.js';
import type { Tenant } from '../tenant.js';
import { profileAttributes, profileData } from './profile-data.js';

/** UserIdentityProviderEnum of Auth0's OAS. */
const PROVIDERS = [
  'ad',
  'adfs',
  'amazon',
  'apple',
  'dropbox',
  'bitbucket',
  'auth0-oidc',
  'auth0',
  'baidu',
  'bitly',
  'box',
  'custom',
  'daccount',
  'dwolla',
  'email',
  'evernote-sandbox',
  'evernote',
  'exact',
  'facebook',
  'fitbit',
  'github',
  'google-apps',
  'google-oauth2',
  'instagram',
  'ip',
  'line',
  'linkedin',
  'oauth1',
  'oauth2',
  'office365',
  'oidc',
  'okta',
  'paypal',
  'paypal-sandbox',
  'pingfederate',
  'planningcenter',
  'salesforce-community',
  'salesforce-sandbox',
  'salesforce',
  'samlp',
  'sharepoint',
  'shopify',
  'shop',
  'sms',
  'soundcloud',
  'thirtysevensignals',
  'twitter',
  'untappd',
  'vkontakte',
  'waad',
  'weibo',
  'windowslive',
  'wordpress',
  'yahoo',
  'yandex',
];
const LINK: BodyObject = {
  type: 'object',
  description: 'Link user identity',
  properties: {
    provider: {
      type: 'string',
      values: PROVIDERS,
      description: 'Identity provider of the secondary user account being linked.',
    },
    connection_id: {
      type: 'string',
      pattern: /^con_[A-Za-z0-9]{16}$/,
      description:
        'connection_id of the secondary user account being linked when more than one `auth0` database provider exists.',
    },
    user_id: { type: 'string-or-integer', description: 'user_id of the secondary user account being linked.' },
    link_with: {
      type: 'string',
      description:
        'JWT for the secondary account being linked. If sending this parameter, `provider`, `user_id`, and `connection_id` must not be sent.',
    },
  },
};
const PROVIDER_DESCRIPTION = 'Identity provider name of the secondary linked account (e.g. `google-oauth2`).';

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
  const findSecondary = (provider: string, userId: string): Auth0User | undefined => {
    const prefixed = users.get(`${provider}|${userId}`);
    if (prefixed !== undefined) return prefixed;
    const full = users.get(userId);
    return full?.identities?.[0]?.provider === provider ? full : undefined;
  };
  return [
    {
      method: 'POST',
      path: '/users/{id}/identities',
      handle: async (context) => {
        const body = checkBody(await tenant.readJson(context), LINK);
        if (Object.keys(body).length === 0)
          return apiError(
            400,
            payloadValidationMessage('Too few properties defined (0), must be at least 1'),
            'invalid_body',
          );
        if (body['link_with'] !== undefined) {
          return apiError(
            501,
            'The emulator does not emulate link_with (a token of the secondary account): link with provider and user_id',
            'not_emulated',
          );
        }
        for (const property of ['provider', 'user_id']) {
          if (body[property] === undefined)
            return apiError(400, payloadValidationMessage(`Missing required property: ${property}`), 'invalid_body');
        }
        const provider = body['provider'] as string;
        const userId = String(body['user_id']);
        const primary = users.get(context.params['id'] as string);
        if (primary === undefined) return missingUser();
        const secondary = findSecondary(provider, userId);
        const identityId =
          secondary?.identities?.[0]?.user_id ??
          (userId.startsWith(`${provider}|`) ? userId.slice(provider.length + 1) : userId);
        const linkedAt = (primary.identities ?? []).findIndex(
          (identity) => identity.provider === provider && identity.user_id === identityId,
        );
        if (secondary === primary || linkedAt === 0)
          return apiError(400, 'Main identity and the new one are the same.');
        if (linkedAt > 0) return apiError(409, 'Specified identity already exists.');
        if (secondary === undefined) return apiError(400, 'Provided secondary account not found.');
        const [first, ...others] = secondary.identities ?? [];
        const moved = first === undefined ? [] : [{ profileData: profileData(secondary), ...first }, ...others];
        const linked = users.put({
          ...primary,
          identities: [...(primary.identities ?? []), ...moved],
          updated_at: tenant.now().toISOString(),
        });
        // The secondary user is gone, with its metadata, its roles and its permissions.
        tenant.deleteUser(secondary.user_id as string);
        return json(201, answered(linked));
      },
    },
    {
      method: 'DELETE',
      path: '/users/{id}/identities/{provider}/{user_id}',
      handle: ({ params }) => {
        const provider = params['provider'] as string;
        if (!PROVIDERS.includes(provider)) {
          return apiError(
            400,
            `Path validation error: 'No enum match for: ${JSON.stringify(provider)}' on property provider (${PROVIDER_DESCRIPTION}).`,
            'invalid_uri',
          );
        }
        const primary = users.get(params['id'] as string);
        if (primary === undefined) return missingUser();
        const identities = primary.identities ?? [];
        const index = identities.findIndex(
          (identity) => identity.provider === provider && identity.user_id === params['user_id'],
        );
        if (index === 0) return apiError(400, 'Main identity cannot be removed.');
        // An identity the user does not have: 200 and the identities unchanged (recorded).
        if (index < 0) return json(200, answered(primary));
        const { profileData: data, ...identity } = identities[index] as Auth0Identity;
        const now = tenant.now().toISOString();
        const unlinked = users.put({
          ...primary,
          identities: identities.filter((_, position) => position !== index),
          updated_at: now,
        });
        const id = `${provider}|${String(identity.user_id)}`;
        // The identity is a user of its own again, with its profile and without metadata.
        if (users.get(id) === undefined)
          users.put({
            ...profileAttributes(data),
            created_at: now,
            updated_at: now,
            identities: [identity],
            user_id: id,
          });
        return json(200, answered(unlinked));
      },
    },
  ];
}
