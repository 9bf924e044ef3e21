/** A minimal `POST/GET /resource-servers` and `GET/DELETE /resource-servers/{id}`: enough APIs to grant permissions. */
import { checkBody, type BodyObject } from '../http/body-schema.js';
import { PAGING_QUERY } from '../http/paging.js';
import type { QuerySchema } from '../http/query-params.js';
import { apiError, json } from '../http/responses.js';
import type { EmulatedRoute } from '../http/router.js';
import { randomHex } from '../random-hex.js';
import type { Tenant } from '../tenant.js';
import type { ResourceServer } from './resource-server-store.js';

const boolean = (description: string) => ({ type: 'boolean', description }) as const;
const CREATE_RESOURCE_SERVER: BodyObject = {
  type: 'object',
  description: 'Resource server',
  required: ['identifier'],
  properties: {
    name: {
      type: 'string',
      pattern: /^[^<>]+$/,
      description: 'Friendly name for this resource server. Can not contain `<` or `>` characters.',
    },
    identifier: {
      type: 'string',
      minLength: 1,
      description:
        'Unique identifier for the API used as the audience parameter on authorization calls. Can not be changed once set.',
    },
    scopes: {
      type: 'array',
      description: 'List of permissions (scopes) that this API uses.',
      items: {
        type: 'object',
        description: 'List of permissions (scopes) that this API uses.',
        required: ['value'],
        properties: {
          value: { type: 'string', minLength: 1, description: 'Value of this scope.' },
          description: { type: 'string', description: 'User-friendly description of this scope.' },
        },
      },
    },
    signing_alg: {
      type: 'string',
      values: ['HS256', 'RS256', 'RS512', 'PS256'],
      description: 'Algorithm used to sign JWTs. Can be `HS256` (default) or `RS256`. `PS256` available via addon.',
    },
    signing_secret: {
      type: 'string',
      minLength: 16,
      description: 'Secret used to sign tokens when using symmetric algorithms (HS256).',
    },
    allow_offline_access: boolean('Whether refresh tokens can be issued for this API (true) or not (false).'),
    token_lifetime: {
      type: 'integer',
      minimum: 0,
      maximum: 2592000,
      description: 'Expiration value (in seconds) for access tokens issued for this API from the token endpoint.',
    },
    token_lifetime_for_web: {
      type: 'integer',
      minimum: 0,
      description: 'Expiration value (in seconds) for access tokens issued for this API via Implicit or Hybrid Flows.',
    },
    token_dialect: {
      type: 'string',
      values: ['access_token', 'access_token_authz', 'rfc9068_profile', 'rfc9068_profile_authz'],
      description: 'Dialect of issued access token.',
    },
    skip_consent_for_verifiable_first_party_clients: boolean(
      'Whether to skip user consent for applications flagged as first party (true) or not (false).',
    ),
    enforce_policies: boolean('Whether to enforce authorization policies (true) or to ignore them (false).'),
  },
};
const LIST_QUERY: QuerySchema = {
  ...PAGING_QUERY,
  include_fields: boolean('Whether specified fields are to be included (true) or excluded (false).'),
};
const GET_QUERY: QuerySchema = {
  include_fields: boolean('Whether specified fields are to be included (true) or excluded (false).'),
};

/** The routes, bound to one tenant. */
export function resourceServerRoutes(tenant: Tenant): EmulatedRoute[] {
  const { resourceServers, forgetApi } = tenant.relations;
  return [
    {
      method: 'GET',
      path: '/resource-servers',
      query: LIST_QUERY,
      handle: ({ query }) => {
        const all = resourceServers.list();
        const perPage = (query['per_page'] as number | undefined) ?? 50;
        const start = ((query['page'] as number | undefined) ?? 0) * perPage;
        const page = all.slice(start, start + perPage);
        // Recorded key order: total, start, limit, resource_servers.
        return json(
          200,
          query['include_totals'] === true
            ? { total: all.length, start, limit: perPage, resource_servers: page }
            : page,
        );
      },
    },
    {
      method: 'POST',
      path: '/resource-servers',
      handle: async (context) => {
        const body = checkBody(await tenant.readJson(context), CREATE_RESOURCE_SERVER);
        const identifier = body['identifier'] as string;
        if (resourceServers.list().some((server) => server.identifier === identifier)) {
          return apiError(409, 'A resource server with the same identifier already exists.');
        }
        // Auth0's defaults, in its recorded order; what the body gives replaces them.
        const server: ResourceServer = {
          id: randomHex(12),
          name: identifier,
          identifier,
          allow_offline_access: false,
          skip_consent_for_verifiable_first_party_clients: false,
          token_lifetime: 86400,
          token_lifetime_for_web: 7200,
          signing_alg: 'RS256',
          ...body,
        };
        return json(201, resourceServers.put(server));
      },
    },
    {
      method: 'GET',
      path: '/resource-servers/{id}',
      query: GET_QUERY,
      handle: ({ params }) => {
        const server = resourceServers.find(params['id'] as string);
        return server === undefined
          ? apiError(404, 'The resource server does not exist', 'inexistent_resource_server')
          : json(200, server);
      },
    },
    {
      method: 'DELETE',
      path: '/resource-servers/{id}',
      handle: ({ params }) => {
        const server = resourceServers.find(params['id'] as string);
        if (server !== undefined) {
          resourceServers.delete(server.id);
          forgetApi(server.identifier);
        }
        // Recorded: 204, also for one deleted already.
        return { status: 204 };
      },
    },
  ];
}
