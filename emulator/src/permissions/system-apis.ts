/**
 * The APIs Auth0 itself defines: the tenant's own Management API, which every tenant lists first among its APIs,
 * and the template Auth0 creates for the identifier `urn:auth0:express-configure`.
 */
import { MANAGEMENT_API_SCOPES } from './management-api-scopes.generated.js';
import type { ResourceServer } from './resource-server-store.js';

/**
 * The tenant's "Auth0 Management API" for its domain, as Auth0 answered it in go-auth0's
 * test/data/recordings/TestResourceServer_ExpressConfiguration.yaml (2025-11-19): `is_system`, the identifier
 * `https://{domain}/api/v2/`, and its scopes (management-api-scopes.generated.ts).
 */
export function managementApi(id: string, domain: string): ResourceServer {
  return {
    id,
    name: 'Auth0 Management API',
    identifier: `https://${domain}/api/v2/`,
    allow_offline_access: false,
    skip_consent_for_verifiable_first_party_clients: false,
    subject_type_authorization: { client: { policy: 'require_client_grant' }, user: { policy: 'allow_all' } },
    token_lifetime: 86400,
    token_lifetime_for_web: 7200,
    signing_alg: 'RS256',
    scopes: MANAGEMENT_API_SCOPES,
    is_system: true,
  };
}

/** The identifier for which Auth0 creates its Express Configuration template instead of the API in the body. */
export const EXPRESS_CONFIGURATION = 'urn:auth0:express-configure';

/**
 * Auth0's Express Configuration API, as go-auth0 recorded `POST /resource-servers {"identifier":
 * "urn:auth0:express-configure"}` answering it (test/data/recordings/TestResourceServer_ExpressConfiguration.yaml,
 * 2025-11-19; its test: "created using a predefined template").
 */
export function expressConfigurationApi(id: string): ResourceServer {
  return {
    id,
    name: 'Okta OIN Express Configuration API',
    identifier: EXPRESS_CONFIGURATION,
    scopes: [
      { value: 'express_configure:sso', description: 'Ability to create SSO configurations' },
      { value: 'express_configure:scim', description: 'Ability to create scim configurations' },
    ],
    signing_alg: 'RS256',
    allow_offline_access: false,
    token_lifetime: 300,
    token_lifetime_for_web: 7200,
    skip_consent_for_verifiable_first_party_clients: false,
    enforce_policies: true,
    is_system: true,
    subject_type_authorization: { user: { policy: 'allow_all' }, client: { policy: 'deny_all' } },
  };
}
