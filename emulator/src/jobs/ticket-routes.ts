/**
 * `POST /tickets/password-change` and `POST /tickets/email-verification`: `201 { ticket }` with a URL in the form
 * Auth0's recordings show (`https://{domain}/u/reset-password?ticket=…#`). Each ticket also lands in the outbox.
 */
import { checkBody, type BodyObject, type BodyProperty } from '../http/body-schema.js';
import { payloadValidationMessage } from 'auth0-user-patch';
import { Refusal } from '../http/refusal.js';
import { apiError, json } from '../http/responses.js';
import type { EmulatedRoute, RouteContext } from '../http/router.js';
import { randomId } from '../random-id.js';
import type { Tenant } from '../tenant.js';
import { IDENTITY } from './job-routes.js';
import { recipient, refuseOrganization } from './recipient.js';
import type { OutboxMessage } from './outbox.js';

const COMMON: Readonly<Record<string, BodyProperty>> = {
  result_url: {
    type: 'string',
    description:
      'URL the user will be redirected to in the classic Universal Login experience once the ticket is used.',
  },
  user_id: { type: 'string', minLength: 1, description: 'user_id of for whom the ticket should be created.' },
  client_id: { type: 'string', minLength: 1, description: 'ID of the client (application).' },
  organization_id: { type: 'string', description: '(Optional) Organization ID – the ID of the Organization.' },
  ttl_sec: {
    type: 'integer',
    minimum: 0,
    description:
      'Number of seconds for which the ticket is valid before expiration. If unspecified or set to 0, this value defaults to 432000 seconds (5 days).',
  },
  includeEmailInRedirect: {
    type: 'boolean',
    description:
      'Whether to include the email address as part of the returnUrl in the reset_email (true), or not (false).',
  },
  identity: IDENTITY,
};
const PASSWORD_CHANGE: BodyObject = {
  type: 'object',
  description: 'Password change ticket',
  properties: {
    ...COMMON,
    connection_id: {
      type: 'string',
      pattern: /^con_[A-Za-z0-9]{16}$/,
      description: 'ID of the connection. If provided, allows the user to be specified using email instead of user_id.',
    },
    email: {
      type: 'string',
      description:
        'Email address of the user for whom the tickets should be created. Requires the connection_id parameter. Cannot be specified when using user_id.',
    },
    mark_email_as_verified: {
      type: 'boolean',
      description:
        'Whether to set the email_verified attribute to true (true) or whether it should not be updated (false).',
    },
  },
};
const EMAIL_VERIFICATION: BodyObject = {
  type: 'object',
  description: 'Email verification ticket',
  required: ['user_id'],
  properties: COMMON,
};

/** The routes, bound to one tenant. */
export function ticketRoutes(tenant: Tenant): EmulatedRoute[] {
  const issue = (
    context: RouteContext,
    type: OutboxMessage['type'],
    path: string,
    userId: string,
    body: Record<string, unknown>,
  ) => {
    const to = recipient(
      tenant,
      userId,
      body['identity'] as Record<string, unknown> | undefined,
      'The user does not have an email address.',
    );
    if (type === 'password_change' && to.identity?.provider !== 'auth0') {
      throw new Refusal(apiError(400, "The user's main connection does not support this operation."));
    }
    const ticket = `https://${tenant.domain(context.request)}${path}?ticket=${randomId('', 32)}#`;
    tenant.relations.outbox.add({
      type,
      user_id: to.user.user_id as string,
      email: to.email,
      ticket,
      created_at: tenant.now().toISOString(),
    });
    return json(201, { ticket });
  };
  return [
    {
      method: 'POST',
      path: '/tickets/password-change',
      handle: async (context) => {
        const body = checkBody(await tenant.readJson(context), PASSWORD_CHANGE);
        refuseOrganization(body);
        if (body['user_id'] !== undefined && body['email'] !== undefined) {
          return apiError(400, payloadValidationMessage('Cannot specify both user_id and email'), 'invalid_body');
        }
        let userId = body['user_id'] as string | undefined;
        if (userId === undefined && typeof body['email'] === 'string') {
          // By email: the emulator's connections have no ids, so the user is the database user with that email.
          const email = body['email'];
          userId = [...tenant.users.view.values()].find(
            (user) => user.email === email && user.identities?.[0]?.provider === 'auth0',
          )?.user_id;
          if (userId === undefined) return apiError(404, 'The user does not exist.', 'inexistent_user');
        }
        if (userId === undefined)
          return apiError(400, payloadValidationMessage('Missing required property: user_id'), 'invalid_body');
        return issue(context, 'password_change', '/u/reset-password', userId, body);
      },
    },
    {
      method: 'POST',
      path: '/tickets/email-verification',
      handle: async (context) => {
        const body = checkBody(await tenant.readJson(context), EMAIL_VERIFICATION);
        refuseOrganization(body);
        return issue(context, 'email_verification', '/u/email-verification', body['user_id'] as string, body);
      },
    },
  ];
}
