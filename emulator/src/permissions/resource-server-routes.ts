/**
 * `POST/GET /resource-servers` and `GET/PATCH/DELETE /resource-servers/{id}`: the tenant's APIs, with Auth0's
 * defaults, its Management API listed first, and its Express Configuration template.
 */
import type { EmulatorRequest } from '../http/exchange.js';
import { readQuery } from '../http/query-params.js';
import { Refusal } from '../http/refusal.js';
import { apiError, json } from '../http/responses.js';
import { endpoint, jsonBody, route, type EmulatedRoute } from '../http/route.js';
import { randomHex } from '../random-hex.js';
import { MANAGEMENT_API_OPERATIONS as API } from '../routes/management-api.generated.js';
import { selectFields } from '../search/index.js';
import type { Tenant } from '../tenant.js';
import type { ResourceServer } from './resource-server-store.js';
import { newApi } from './new-api.js';
import { EXPRESS_CONFIGURATION, expressConfigurationApi, managementApi } from './system-apis.js';
import { storedTokenEncryption } from './token-encryption.js';

/**
 * `token_lifetime_for_web`, which the OAS lists only in its answers (`CreateResourceServerResponseContent`, whose
 * schema and description this is): Auth0 accepts it on create and update (recorded: terraform-provider-auth0
 * test/data/recordings/TestAccDataSourceResourceServer.yaml and TestAccResourceServer.yaml, `POST` → 201 and
 * `PATCH` → 200 with `"token_lifetime_for_web":3600`).
 */
const TOKEN_LIFETIME_FOR_WEB = {
  type: 'integer',
  description:
    'Expiration value (in seconds) for access tokens issued for this API via Implicit or Hybrid Flows. Cannot be greater than the `token_lifetime` value.',
} as const;

const CREATE = API['POST /resource-servers'];
const CREATE_BODY = {
  ...CREATE.body,
  properties: { ...CREATE.body.properties, token_lifetime_for_web: TOKEN_LIFETIME_FOR_WEB },
} as const;

const UPDATE = API['PATCH /resource-servers/{id}'];
const UPDATE_BODY = {
  ...UPDATE.body,
  properties: { ...UPDATE.body.properties, token_lifetime_for_web: TOKEN_LIFETIME_FOR_WEB },
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

const missingApi = () => apiError(404, 'The resource server does not exist', 'inexistent_resource_server');

/** The routes, bound to one tenant. */
export function resourceServerRoutes(tenant: Tenant): EmulatedRoute[] {
  const { resourceServers, forgetApi } = tenant.relations;
  const system = (request: EmulatorRequest) => managementApi(tenant.relations.managementApiId, tenant.domain(request));
  const all = (request: EmulatorRequest) => [system(request), ...resourceServers.list()];
  /**
   * The API an `{id}` names: its id or its identifier, also when the identifier was percent-encoded twice, as
   * terraform-provider-auth0's data source sends it and Auth0 answers (test/data/recordings/
   * TestAccDataSourceResourceServer.yaml, `GET /resource-servers/https:%252F%252F…%252FTestAccDataSourceResourceServer`
   * → 200).
   */
  const find = (request: EmulatorRequest, key: string) => {
    for (const candidate of [key, decodedOnceMore(key)]) {
      if (candidate === undefined) continue;
      const found = all(request).find((server) => server.id === candidate || server.identifier === candidate);
      if (found !== undefined) return found;
    }
    return undefined;
  };
  const isManagementApi = (server: ResourceServer) => server.id === tenant.relations.managementApiId;
  return [
    route({ ...endpoint(LIST), query: (text) => readQuery(text, LIST_QUERY) }, ({ request, query }) => {
      const { identifiers } = query;
      const listed = all(request).filter(
        (server) => identifiers === undefined || identifiers.includes(server.identifier),
      );
      const perPage = query.per_page ?? 50;
      const start = (query.page ?? 0) * perPage;
      const page = listed
        .slice(start, start + perPage)
        .map((server) => selectFields(server, query.fields, query.include_fields));
      // Recorded key order: total, start, limit, resource_servers.
      return json(
        200,
        query.include_totals === true ? { total: listed.length, start, limit: perPage, resource_servers: page } : page,
      );
    }),
    route({ ...endpoint(CREATE), body: jsonBody(CREATE_BODY) }, async ({ request, body }) => {
      const { token_encryption: encryption, ...rest } = body;
      const stored =
        encryption === undefined || encryption === null ? undefined : await storedTokenEncryption(encryption);
      // Nothing awaits from here on: the identifier check and the insert are one step.
      if (all(request).some((server) => server.identifier === body.identifier)) {
        return apiError(409, 'A resource server with the same identifier already exists.');
      }
      if (body.identifier === EXPRESS_CONFIGURATION)
        return json(201, resourceServers.put(expressConfigurationApi(randomHex(12))));
      const server = newApi({ ...rest, ...(stored === undefined ? {} : { token_encryption: stored }) });
      return json(201, resourceServers.put(server));
    }),
    route(endpoint(API['GET /resource-servers/{id}']), ({ request, params }) => {
      const server = find(request, params.id);
      return server === undefined ? missingApi() : json(200, server);
    }),
    route({ ...endpoint(UPDATE), body: jsonBody(UPDATE_BODY) }, async ({ request, params, body }) => {
      const encryption = body.token_encryption;
      const stored =
        encryption === undefined || encryption === null ? encryption : await storedTokenEncryption(encryption);
      // Nothing awaits from here on: the read and the write are one step.
      const server = find(request, params.id);
      if (server === undefined) return missingApi();
      refuseSystemChange(server, isManagementApi(server), 'PATCH');
      const changes: Record<string, unknown> = {
        ...body,
        ...(stored === undefined ? {} : { token_encryption: stored }),
      };
      // A top-level value replaces the stored one; `null` removes it (recorded: `{"authorization_details":null}`,
      // `{"token_encryption":null}`, `{"proof_of_possession":null}` → 200 without them).
      const updated: Record<string, unknown> = { ...server };
      for (const [key, value] of Object.entries(changes)) {
        if (value === null) delete updated[key];
        else updated[key] = value;
      }
      return json(200, resourceServers.put({ ...updated, id: server.id, identifier: server.identifier }));
    }),
    route(endpoint(API['DELETE /resource-servers/{id}']), ({ request, params }) => {
      const server = find(request, params.id);
      if (server !== undefined) {
        refuseSystemChange(server, isManagementApi(server), 'DELETE');
        resourceServers.delete(server.id);
        forgetApi(server.identifier);
      }
      // Recorded: 204, also for one deleted already.
      return { status: 204 };
    }),
  ];
}

/** A path parameter decoded once more (`https:%2F%2F…` → `https://…`), when it holds percent-encoding. */
function decodedOnceMore(key: string): string | undefined {
  if (!key.includes('%')) return undefined;
  try {
    return decodeURIComponent(key);
  } catch {
    return undefined;
  }
}

/**
 * Auth0's system APIs are not changed as others are. go-auth0 recorded a PATCH of the Express Configuration API
 * refused with a 400 (its recorder kept no body: the message is a decision; deleting it is recorded as 204). What
 * Auth0 answers to a PATCH or DELETE of the tenant's Management API is not recorded: the emulator refuses it with a
 * 501.
 */
function refuseSystemChange(server: ResourceServer, isManagementApi: boolean, method: 'PATCH' | 'DELETE'): void {
  if (isManagementApi)
    throw new Refusal(
      apiError(501, `The emulator does not emulate ${method} of the tenant's Auth0 Management API`, 'not_emulated'),
    );
  if (server['is_system'] === true && method === 'PATCH')
    throw new Refusal(apiError(400, 'A system resource server cannot be updated.'));
}
