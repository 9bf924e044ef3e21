/** `GET /api/v2/clients`: the tenant's applications, as the Management API lists them (read only: they are options). */
import type { Application } from '../auth/clients.js';
import { offsetPage } from '../http/paging.js';
import { apiError } from '../http/responses.js';
import { endpoint, route, type EmulatedRoute } from '../http/route.js';
import { MANAGEMENT_API_OPERATIONS as API } from '../routes/management-api.generated.js';
import { selectFields } from '../search/index.js';
import type { Tenant } from '../tenant.js';

/** Query parameters of `GET /clients` the emulator does not emulate (checkpoint paging, search, CIMD filters). */
const NOT_EMULATED = ['from', 'take', 'q', 'external_client_id'] as const;

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
    route(endpoint(API['GET /clients']), ({ query, grant }) => {
      const unsupported = NOT_EMULATED.find((name) => query[name] !== undefined);
      if (unsupported !== undefined) {
        return apiError(501, `The emulator does not emulate ${unsupported} on GET /api/v2/clients`, 'not_emulated');
      }
      const withSecret = grant.scopes === 'all' || grant.scopes.has('read:client_keys');
      const types = query.app_type?.split(',');
      // Every emulated application is first party and none is global.
      const excluded = query.is_global === true || query.is_first_party === false;
      const listed = [...(excluded ? [] : tenant.applications.values())]
        .filter((application) => types === undefined || types.includes(application.appType ?? ''))
        .map((application) => selectFields(asClient(application, withSecret), query.fields, query.include_fields));
      return offsetPage('clients', listed, query);
    }),
  ];
}
