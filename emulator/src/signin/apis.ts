/**
 * The APIs tokens are issued for: the tenant's Management API, and the resource servers of the store (created
 * through `POST /api/v2/resource-servers` or given as `options.resourceServers`), with their RBAC settings.
 */
import { managementApiAudiences } from '../auth/audience.js';
import type { EmulatorRequest } from '../http/exchange.js';
import type { Tenant } from '../tenant.js';

/** An API as a token needs it. */
export type Api = {
  readonly identifier: string;
  readonly isManagement: boolean;
  /** RBAC on ("Enable RBAC", `enforce_policies`): a user's token gets only the requested scopes it holds. */
  readonly enforcePolicies: boolean;
  /** "Add Permissions in the Access Token" (`token_dialect` `access_token_authz` or `rfc9068_profile_authz`). */
  readonly permissionsClaim: boolean;
  /** The RFC 9068 profile (`token_dialect` `rfc9068_profile*`): `typ: at+jwt`, `jti` and `client_id`. */
  readonly rfc9068: boolean;
  /** "Allow Offline Access": refresh tokens for it. */
  readonly allowOfflineAccess: boolean;
  /** Access token lifetime in seconds (`token_lifetime`). */
  readonly tokenLifetime: number;
};

/** The scopes a user's token for the Management API may hold ("Get Management API Tokens for Single-Page Applications"). */
export const CURRENT_USER_SCOPES: ReadonlySet<string> = new Set([
  'read:current_user',
  'update:current_user_identities',
  'update:current_user_metadata',
  'create:current_user_metadata',
  'create:current_user_device_credentials',
  'delete:current_user_device_credentials',
]);

const DEFAULT_LIFETIME = 86_400;

/** The API an audience names at a domain reached over `scheme`, or `undefined` when the tenant has none such. */
export function findApi(
  audience: string,
  domain: string,
  scheme: EmulatorRequest['scheme'],
  tenant: Tenant,
): Api | undefined {
  if (managementApiAudiences(domain, scheme).includes(audience)) {
    return {
      identifier: audience,
      isManagement: true,
      enforcePolicies: false,
      permissionsClaim: false,
      rfc9068: false,
      allowOfflineAccess: false,
      tokenLifetime: DEFAULT_LIFETIME,
    };
  }
  const server = tenant.relations.resourceServers.list().find((candidate) => candidate.identifier === audience);
  if (server === undefined) return undefined;
  const dialect = typeof server['token_dialect'] === 'string' ? server['token_dialect'] : 'access_token';
  return {
    identifier: audience,
    isManagement: false,
    enforcePolicies: server['enforce_policies'] === true,
    permissionsClaim: dialect.endsWith('_authz'),
    rfc9068: dialect.startsWith('rfc9068_profile'),
    allowOfflineAccess: server['allow_offline_access'] === true,
    tokenLifetime: typeof server['token_lifetime'] === 'number' ? server['token_lifetime'] : DEFAULT_LIFETIME,
  };
}

/** A user's permissions on an API: granted directly, then through each role (by name), each once. */
export function userPermissions(tenant: Tenant, userId: string, identifier: string): string[] {
  const { userPermissions: direct, roles } = tenant.relations;
  const held = [...direct.of(userId), ...roles.rolesOf(userId).flatMap((role) => roles.permissions.of(role.id))];
  return [
    ...new Set(
      held
        .filter((permission) => permission.resource_server_identifier === identifier)
        .map((permission) => permission.permission_name),
    ),
  ];
}
