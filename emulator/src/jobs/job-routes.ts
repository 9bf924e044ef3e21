/**
 * `POST /jobs/verification-email` and `GET /jobs/{id}`. Nothing is sent: the email lands in the outbox. A job is
 * `pending` when created and `completed` when read again, as Auth0's recordings show.
 */
import { apiError, json } from '../http/responses.js';
import { endpoint, route, type EmulatedRoute } from '../http/route.js';
import { randomId } from '../random-id.js';
import { MANAGEMENT_API_OPERATIONS as API } from '../routes/management-api.generated.js';
import type { Tenant } from '../tenant.js';
import { recipient, refuseOrganization } from './recipient.js';

/** The routes, bound to one tenant. */
export function jobRoutes(tenant: Tenant): EmulatedRoute[] {
  const { jobs, outbox } = tenant.relations;
  return [
    route(endpoint(API['POST /jobs/verification-email']), ({ body }) => {
      refuseOrganization(body);
      const to = recipient(tenant, body.user_id, body.identity, 'User does not have an email address.');
      if (to.identity?.provider !== 'auth0' && body.identity === undefined)
        return apiError(400, 'Connection must be a database connection.');
      const created_at = tenant.now().toISOString();
      const job = jobs.put({ type: 'verification_email', created_at, id: randomId('job_') });
      outbox.add({ type: 'verification_email', user_id: body.user_id, email: to.email, created_at });
      return json(201, { type: job.type, status: 'pending', created_at: job.created_at, id: job.id });
    }),
    route(endpoint(API['GET /jobs/{id}']), ({ params }) => {
      const job = jobs.get(params.id);
      if (job === undefined) return apiError(404, 'The job does not exist.', 'inexistent_job');
      return json(200, { type: job.type, status: 'completed', created_at: job.created_at, id: job.id });
    }),
  ];
}
