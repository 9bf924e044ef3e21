/**
 * `POST /tickets/password-change` and `POST /tickets/email-verification`: `201 { ticket }` with a URL in the form
 * Auth0's recordings show (`https://{domain}/u/reset-password?ticket=…#`). Each ticket also lands in the outbox.
 */
import { payloadValidationMessage } from 'auth0-user-patch';
import type { EmulatorRequest } from '../http/exchange.js';
import { Refusal } from '../http/refusal.js';
import { apiError, json } from '../http/responses.js';
import { endpoint, route, type EmulatedRoute } from '../http/route.js';
import { randomId } from '../random-id.js';
import { MANAGEMENT_API_OPERATIONS as API } from '../routes/management-api.generated.js';
import type { Tenant } from '../tenant.js';
import type { OutboxMessage } from './outbox.js';
import { recipient, refuseOrganization } from './recipient.js';

/** What a ticket is for and where its URL leads. */
type Ticket = { readonly type: OutboxMessage['type']; readonly path: string };

/** The routes, bound to one tenant. */
export function ticketRoutes(tenant: Tenant): EmulatedRoute[] {
  const issue = (
    request: EmulatorRequest,
    { type, path }: Ticket,
    userId: string,
    identity: { readonly provider: string; readonly user_id: string } | undefined,
  ) => {
    const to = recipient(tenant, userId, identity, 'The user does not have an email address.');
    if (type === 'password_change' && to.identity?.provider !== 'auth0') {
      throw new Refusal(apiError(400, "The user's main connection does not support this operation."));
    }
    const ticket = `https://${tenant.domain(request)}${path}?ticket=${randomId('', 32)}#`;
    tenant.relations.outbox.add({
      type,
      user_id: userId,
      email: to.email,
      ticket,
      created_at: tenant.now().toISOString(),
    });
    return json(201, { ticket });
  };
  return [
    route(endpoint(API['POST /tickets/password-change']), ({ request, body }) => {
      refuseOrganization(body);
      if (body.user_id !== undefined && body.email !== undefined) {
        return apiError(400, payloadValidationMessage('Cannot specify both user_id and email'), 'invalid_body');
      }
      const { email } = body;
      // By email: the emulator's connections have no ids, so the user is the database user with that email.
      const userId =
        email === undefined
          ? body.user_id
          : [...tenant.users.view.values()].find(
              (user) => user.email === email && user.identities?.[0]?.provider === 'auth0',
            )?.user_id;
      if (userId === undefined && email !== undefined)
        return apiError(404, 'The user does not exist.', 'inexistent_user');
      if (userId === undefined)
        return apiError(400, payloadValidationMessage('Missing required property: user_id'), 'invalid_body');
      return issue(request, { type: 'password_change', path: '/u/reset-password' }, userId, body.identity);
    }),
    route(endpoint(API['POST /tickets/email-verification']), ({ request, body }) => {
      refuseOrganization(body);
      const ticket = { type: 'email_verification', path: '/u/email-verification' } as const;
      return issue(request, ticket, body.user_id, body.identity);
    }),
  ];
}
