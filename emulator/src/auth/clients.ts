/**
 * The tenant's applications, as Auth0 models them: a type, the grants it may use, its callbacks, the connections
 * enabled for it, and its client grants (the APIs it may call with its own credentials).
 */

/**
 * Auth0's application types (`app_type`): regular web, single-page, native, and machine to machine.
 *
 * @example
 * const appType: ApplicationType = 'spa';
 */
export type ApplicationType = 'regular_web' | 'spa' | 'native' | 'non_interactive';

/**
 * An application of the tenant. With only `clientId` and `clientSecret` it is the machine-to-machine client an
 * SDK gets Management API tokens with (`new ManagementClient({ domain, clientId, clientSecret })`); the other
 * fields make it an app users sign in to. Names follow Auth0's client (`app_type`, `grant_types`, `callbacks`, ...).
 *
 * @example
 * const client: EmulatorClient = { clientId: 'test-client', clientSecret: 'test-secret', scopes: ['read:users'] };
 * const web: EmulatorClient = {
 *   clientId: 'web-app',
 *   clientSecret: 'web-secret',
 *   appType: 'regular_web',
 *   callbacks: ['http://localhost:3000/callback'],
 *   grantTypes: ['authorization_code', 'refresh_token', 'http://auth0.com/oauth/grant-type/password-realm'],
 * };
 */
export type EmulatorClient = {
  readonly clientId: string;
  /** Required, except for the public types (`spa`, `native`), which authenticate with none (PKCE instead). */
  readonly clientSecret?: string;
  /** Defaults to the client id. */
  readonly name?: string;
  /** Auth0's `app_type`. Without it the client is confidential, like one the Management API creates untyped. */
  readonly appType?: ApplicationType;
  /**
   * The grants it may use (Auth0's `grant_types`). Defaults to Auth0's: `authorization_code`, `implicit`,
   * `refresh_token`, and for confidential clients `client_credentials`. `password` and
   * `http://auth0.com/oauth/grant-type/password-realm` must be listed to be allowed.
   */
  readonly grantTypes?: readonly string[];
  /** Allowed Callback URLs: a `redirect_uri` must be one of them, exactly. */
  readonly callbacks?: readonly string[];
  /** Allowed Logout URLs for `GET /v2/logout?returnTo=…&client_id=…`. */
  readonly allowedLogoutUrls?: readonly string[];
  /** The connections enabled for it, by name. Defaults to all of the tenant's. */
  readonly connections?: readonly string[];
  /** The scopes of its client grant for the Management API. Defaults to every scope of the Management API. */
  readonly scopes?: readonly string[];
  /** Its client grants for the tenant's other APIs: `{ audience, scope }`, as Auth0's `POST /client-grants` takes them. */
  readonly clientGrants?: readonly { readonly audience: string; readonly scope: readonly string[] }[];
  /** Auth0's `client_metadata`, which post-login hooks read as `event.client.metadata`. */
  readonly metadata?: Readonly<Record<string, string>>;
};

/** A checked application, its defaults resolved. */
export type Application = {
  readonly clientId: string;
  readonly secret: string | undefined;
  readonly name: string;
  readonly appType: ApplicationType | undefined;
  /** Public clients authenticate with `none` (Auth0's `token_endpoint_auth_method` of SPA and native apps). */
  readonly isPublic: boolean;
  readonly grantTypes: readonly string[];
  readonly callbacks: readonly string[];
  readonly allowedLogoutUrls: readonly string[];
  /** The enabled connections, or `undefined` for all. */
  readonly connections: readonly string[] | undefined;
  readonly managementScopes: readonly string[];
  /** Scopes granted per API audience (the Management API's are `managementScopes`). */
  readonly clientGrants: ReadonlyMap<string, readonly string[]>;
  readonly metadata: Readonly<Record<string, string>>;
};

const APPLICATION_TYPES: readonly string[] = ['regular_web', 'spa', 'native', 'non_interactive'];

/** Every grant type Auth0's token endpoint knows (its `unsupported_grant_type` list is the rest). */
export const KNOWN_GRANTS: ReadonlySet<string> = new Set([
  'client_credentials',
  'authorization_code',
  'implicit',
  'password',
  'refresh_token',
  'http://auth0.com/oauth/grant-type/password-realm',
  'http://auth0.com/oauth/grant-type/passwordless/otp',
  'http://auth0.com/oauth/grant-type/mfa-oob',
  'http://auth0.com/oauth/grant-type/mfa-otp',
  'http://auth0.com/oauth/grant-type/mfa-recovery-code',
  'urn:ietf:params:oauth:grant-type:device_code',
  'urn:ietf:params:oauth:grant-type:token-exchange',
]);

/** Auth0's default `grant_types` ("Application Grant Types"; a recorded `POST /api/v2/clients`). */
const CONFIDENTIAL_GRANTS = ['authorization_code', 'implicit', 'refresh_token', 'client_credentials'];
const PUBLIC_GRANTS = ['authorization_code', 'implicit', 'refresh_token'];

/** The applications an emulator was given, checked, by client id. */
export function checkClients(
  clients: unknown,
  managementScopes: readonly string[],
  connectionNames: ReadonlySet<string>,
): ReadonlyMap<string, Application> {
  if (clients === undefined) return new Map();
  if (!Array.isArray(clients)) throw new TypeError('createEmulator: options.clients must be an array');
  const checked = new Map<string, Application>();
  clients.forEach((client: unknown, index) => {
    const where = `createEmulator: options.clients[${index}]`;
    if (typeof client !== 'object' || client === null) throw new TypeError(`${where} must be an object`);
    const given = client as Record<string, unknown>;
    const clientId = given['clientId'];
    if (typeof clientId !== 'string' || clientId === '')
      throw new TypeError(`${where}.clientId must be a non-empty string`);
    if (checked.has(clientId)) throw new TypeError(`${where}.clientId repeats ${clientId}`);
    const appType = given['appType'];
    if (appType !== undefined && !APPLICATION_TYPES.includes(appType as string))
      throw new TypeError(`${where}.appType must be one of ${APPLICATION_TYPES.join(', ')}`);
    const isPublic = appType === 'spa' || appType === 'native';
    const secret = given['clientSecret'];
    if (secret !== undefined && (typeof secret !== 'string' || secret === ''))
      throw new TypeError(`${where}.clientSecret must be a non-empty string`);
    if (secret === undefined && !isPublic)
      throw new TypeError(`${where}.clientSecret must be a non-empty string (only spa and native apps have none)`);
    const name = given['name'] ?? clientId;
    if (typeof name !== 'string' || name === '') throw new TypeError(`${where}.name must be a non-empty string`);
    const grantTypes =
      strings(given['grantTypes'], `${where}.grantTypes`) ?? (isPublic ? PUBLIC_GRANTS : CONFIDENTIAL_GRANTS);
    for (const grant of grantTypes) {
      if (!KNOWN_GRANTS.has(grant)) throw new TypeError(`${where}.grantTypes: ${grant} is not a grant type of Auth0`);
    }
    // "Public applications cannot use the client_credentials grant type." (Application Grant Types)
    if (isPublic && grantTypes.includes('client_credentials'))
      throw new TypeError(`${where}.grantTypes: a ${String(appType)} app cannot use client_credentials`);
    const connections = strings(given['connections'], `${where}.connections`);
    for (const connection of connections ?? []) {
      if (!connectionNames.has(connection))
        throw new TypeError(`${where}.connections: ${connection} is not a connection of the tenant`);
    }
    checked.set(
      clientId,
      Object.freeze({
        clientId,
        secret,
        name,
        appType: appType as ApplicationType | undefined,
        isPublic,
        grantTypes: Object.freeze([...grantTypes]),
        callbacks: Object.freeze(strings(given['callbacks'], `${where}.callbacks`) ?? []),
        allowedLogoutUrls: Object.freeze(strings(given['allowedLogoutUrls'], `${where}.allowedLogoutUrls`) ?? []),
        connections: connections === undefined ? undefined : Object.freeze(connections),
        managementScopes: Object.freeze(strings(given['scopes'], `${where}.scopes`) ?? managementScopes),
        clientGrants: checkClientGrants(given['clientGrants'], `${where}.clientGrants`),
        metadata: checkMetadata(given['metadata'], `${where}.metadata`),
      }),
    );
  });
  return checked;
}

/** A list of non-empty strings, or `undefined` when not given. */
function strings(value: unknown, where: string): string[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string' && item !== ''))
    throw new TypeError(`${where} must be an array of non-empty strings`);
  return [...(value as string[])];
}

function checkClientGrants(value: unknown, where: string): ReadonlyMap<string, readonly string[]> {
  const grants = new Map<string, readonly string[]>();
  if (value === undefined) return grants;
  if (!Array.isArray(value)) throw new TypeError(`${where} must be an array of { audience, scope }`);
  value.forEach((grant: unknown, index) => {
    const { audience, scope } = (typeof grant === 'object' && grant !== null ? grant : {}) as Record<string, unknown>;
    if (typeof audience !== 'string' || audience === '')
      throw new TypeError(`${where}[${index}].audience must be a non-empty string`);
    if (grants.has(audience)) throw new TypeError(`${where}[${index}].audience repeats ${audience}`);
    grants.set(audience, Object.freeze(strings(scope, `${where}[${index}].scope`) ?? []));
  });
  return grants;
}

function checkMetadata(value: unknown, where: string): Readonly<Record<string, string>> {
  if (value === undefined) return Object.freeze({});
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new TypeError(`${where} must be an object of strings`);
  const copy: Record<string, string> = {};
  for (const [key, item] of Object.entries(value)) {
    if (typeof item !== 'string') throw new TypeError(`${where}.${key} must be a string`);
    Object.defineProperty(copy, key, { value: item, enumerable: true });
  }
  return Object.freeze(copy);
}
