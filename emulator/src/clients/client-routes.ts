/** `GET /api/v2/clients`: the tenant's applications, as the Management API lists them (read only: they are options). */
import type { Application } from '../auth/clients.js';
import { PAGING_QUERY } from '../http/paging.js';
import type { QuerySchema } from '../http/query-params.js';
import { json } from '../http/responses.js';
import type { EmulatedRoute } from '../http/router.js';
import type { Tenant } from '../tenant.js';

const LIST_QUERY: QuerySchema = {
  ...PAGING_QUERY,
  fields: {
    type: 'string',
    description:
      'Comma-separated list of fields to include or exclude (based on value provided for include_fields) in the result. Leave empty to retrieve all fields.',
  },
  include_fields: {
    type: 'boolean',
    description: 'Whether specified fields are to be included (true) or excluded (false).',
  },
  is_global: { type: 'boolean', description: 'Optional filter on the global client parameter.' },
  is_first_party: {
    type: 'boolean',
    description: 'Optional filter on whether or not a client is a first-party client.',
  },
  app_type: {
    type: 'string',
    description: 'Optional filter by a comma-separated list of application types.',
  },
};

/** An application as `GET /clients` answers it; the secret only for a token with `read:client_keys`. */
function asClient(application: Application, withSecret: boolean): Record<string, unknown> {
  return {
    name: application.name,
    is_first_party: true,
    callbacks: application.callbacks,
    allowed_logout_urls: application.allowedLogoutUrls,
    client_id: application.clientId,
    ...(withSecret && application.secret !== undefined ? { client_secret: application.secret } : {}),
    ...(application.appType === undefined ? {} : { app_type: application.appType }),
    grant_types: application.grantTypes,
    token_endpoint_auth_method: application.isPublic ? 'none' : 'client_secret_post',
    jwt_configuration: { alg: 'RS256', lifetime_in_seconds: 36000, secret_encoded: false },
    client_metadata: application.metadata,
  };
}

/** The route, bound to one tenant. */
export function clientRoutes(tenant: Tenant): EmulatedRoute[] {
  return [
    {
      method: 'GET',
      path: '/clients',
      query: LIST_QUERY,
      handle: ({ query, grant }) => {
        const withSecret = grant.scopes === 'all' || grant.scopes.has('read:client_keys');
        const types = typeof query['app_type'] === 'string' ? query['app_type'].split(',') : undefined;
        // Every emulated application is first party and none is global.
        const excluded = query['is_global'] === true || query['is_first_party'] === false;
        const listed = [...(excluded ? [] : tenant.applications.values())]
          .filter((application) => types === undefined || types.includes(application.appType ?? ''))
          .map((application) => project(asClient(application, withSecret), query['fields'], query['include_fields']));
        const perPage = (query['per_page'] as number | undefined) ?? 50;
        const start = ((query['page'] as number | undefined) ?? 0) * perPage;
        const page = listed.slice(start, start + perPage);
        return json(
          200,
          query['include_totals'] === true ? { start, limit: perPage, total: listed.length, clients: page } : page,
        );
      },
    },
  ];
}

function project(
  client: Record<string, unknown>,
  fields: string | number | boolean | undefined,
  include: string | number | boolean | undefined,
): Record<string, unknown> {
  if (typeof fields !== 'string' || fields === '') return client;
  const named = new Set(fields.split(','));
  return Object.fromEntries(Object.entries(client).filter(([key]) => named.has(key) === (include !== false)));
}
