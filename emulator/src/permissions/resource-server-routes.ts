/** A minimal `POST/GET /resource-servers` and `GET/DELETE /resource-servers/{id}`: enough APIs to grant permissions. */
import { apiError, json } from '../http/responses.js';
import { readQuery } from '../http/query-params.js';
import { endpoint, jsonBody, route, type EmulatedRoute } from '../http/route.js';
import { randomHex } from '../random-hex.js';
import { MANAGEMENT_API_OPERATIONS as API } from '../routes/management-api.generated.js';
import { selectFields } from '../search/index.js';
import type { Tenant } from '../tenant.js';
import type { ResourceServer } from './resource-server-store.js';

const CREATE = API['POST /resource-servers'];
/**
 * The OAS's create body, widened by `token_lifetime_for_web`, which the OAS lists only in its answers
 * (`CreateResourceServerResponseContent`, whose schema and description this is): Auth0 accepts it (recorded:
 * terraform-provider-auth0 test/data/recordings/TestAccDataSourceResourceServer.yaml and
 * TestAccResourceServerIsSystem.yaml, `POST /api/v2/resource-servers` with `"token_lifetime_for_web":3600` → 201).
 */
const CREATE_BODY = {
  ...CREATE.body,
  properties: {
    ...CREATE.body.properties,
    token_lifetime_for_web: {
      type: 'integer',
      description:
        'Expiration value (in seconds) for access tokens issued for this API via Implicit or Hybrid Flows. Cannot be greater than the `token_lifetime` value.',
    },
  },
} as const;

const LIST = API['GET /resource-servers'];
/**
 * The OAS's list query, widened by `fields`, which it does not list: Auth0 answers it (recorded: go-auth0
 * test/data/recordings/TestResourceServer_List.yaml, `GET /api/v2/resource-servers?fields=id%2Cidentifier&
 * identifiers=…&include_fields=true&include_totals=true&per_page=50` → 200, each API with `id` and `identifier`
 * only). Its description is the one the OAS gives `fields` on `GET /users` (a decision).
 */
const LIST_QUERY = {
  ...LIST.query,
  properties: { ...LIST.query.properties, fields: API['GET /users'].query.properties.fields },
} as const;

/** The routes, bound to one tenant. */
export function resourceServerRoutes(tenant: Tenant): EmulatedRoute[] {
  const { resourceServers, forgetApi } = tenant.relations;
  return [
    route({ ...endpoint(LIST), query: (text) => readQuery(text, LIST_QUERY) }, ({ query }) => {
      const { identifiers } = query;
      const all = resourceServers
        .list()
        .filter((server) => identifiers === undefined || identifiers.includes(server.identifier));
      const perPage = query.per_page ?? 50;
      const start = (query.page ?? 0) * perPage;
      const page = all
        .slice(start, start + perPage)
        .map((server) => selectFields(server, query.fields, query.include_fields));
      // Recorded key order: total, start, limit, resource_servers.
      return json(
        200,
        query.include_totals === true ? { total: all.length, start, limit: perPage, resource_servers: page } : page,
      );
    }),
    route({ ...endpoint(CREATE), body: jsonBody(CREATE_BODY) }, ({ body }) => {
      if (resourceServers.list().some((server) => server.identifier === body.identifier)) {
        return apiError(409, 'A resource server with the same identifier already exists.');
      }
      // Auth0's defaults, in its recorded order; what the body gives replaces them.
      const defaults = {
        id: randomHex(12),
        name: body.identifier,
        identifier: body.identifier,
        allow_offline_access: false,
        skip_consent_for_verifiable_first_party_clients: false,
        token_lifetime: 86400,
        token_lifetime_for_web: 7200,
        signing_alg: 'RS256',
      };
      const server: ResourceServer = { ...defaults, ...body };
      return json(201, resourceServers.put(server));
    }),
    route(endpoint(API['GET /resource-servers/{id}']), ({ params }) => {
      const server = resourceServers.find(params.id);
      return server === undefined
        ? apiError(404, 'The resource server does not exist', 'inexistent_resource_server')
        : json(200, server);
    }),
    route(endpoint(API['DELETE /resource-servers/{id}']), ({ params }) => {
      const server = resourceServers.find(params.id);
      if (server !== undefined) {
        resourceServers.delete(server.id);
        forgetApi(server.identifier);
      }
      // Recorded: 204, also for one deleted already.
      return { status: 204 };
    }),
  ];
}
