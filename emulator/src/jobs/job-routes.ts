/**
 * `POST /jobs/verification-email` and `GET /jobs/{id}`. Nothing is sent: the email lands in the outbox. A job is
 * `pending` when created and `completed` when read again, as Auth0's recordings show.
 */
import { checkBody, type BodyObject } from '../http/body-schema.js';
import { apiError, json } from '../http/responses.js';
import type { EmulatedRoute } from '../http/router.js';
import { randomId } from '../random-id.js';
import type { Tenant } from '../tenant.js';
import { recipient, refuseOrganization } from './recipient.js';

/** The identity to verify, in the OAS's words. */
export const IDENTITY: BodyObject = {
  type: 'object',
  description:
    'This must be provided to verify primary social, enterprise and passwordless email identities. Also, is needed to verify secondary identities.',
  required: ['user_id', 'provider'],
  properties: {
    user_id: { type: 'string', description: 'user_id of the identity to be verified.' },
    provider: { type: 'string', description: 'Identity provider name of the identity (e.g. `google-oauth2`).' },
    connection_id: { type: 'string', pattern: /^con_[A-Za-z0-9]{16}$/, description: 'connection_id of the identity.' },
  },
};
const VERIFICATION_EMAIL: BodyObject = {
  type: 'object',
  description: 'Verification email',
  required: ['user_id'],
  properties: {
    user_id: { type: 'string', minLength: 1, description: 'user_id of the user to send the verification email to.' },
    client_id: {
      type: 'string',
      minLength: 1,
      description: 'client_id of the client (application). If no value provided, the global Client ID will be used',
    },
    identity: IDENTITY,
    organization_id: { type: 'string', description: '(Optional) Organization ID – the ID of the Organization.' },
  },
};

/** The routes, bound to one tenant. */
export function jobRoutes(tenant: Tenant): EmulatedRoute[] {
  const { jobs, outbox } = tenant.relations;
  return [
    {
      method: 'POST',
      path: '/jobs/verification-email',
      handle: async (context) => {
        const body = checkBody(await tenant.readJson(context), VERIFICATION_EMAIL);
        refuseOrganization(body);
        const to = recipient(
          tenant,
          body['user_id'] as string,
          body['identity'] as Record<string, unknown> | undefined,
          'User does not have an email address.',
        );
        if (to.identity?.provider !== 'auth0' && body['identity'] === undefined)
          return apiError(400, 'Connection must be a database connection.');
        const created_at = tenant.now().toISOString();
        const job = jobs.put({ type: 'verification_email', created_at, id: randomId('job_') });
        outbox.add({ type: 'verification_email', user_id: to.user.user_id as string, email: to.email, created_at });
        return json(201, { type: job.type, status: 'pending', created_at: job.created_at, id: job.id });
      },
    },
    {
      method: 'GET',
      path: '/jobs/{id}',
      handle: ({ params }) => {
        const job = jobs.get(params['id'] as string);
        if (job === undefined) return apiError(404, 'The job does not exist.', 'inexistent_job');
        return json(200, { type: job.type, status: 'completed', created_at: job.created_at, id: job.id });
      },
    },
  ];
}
