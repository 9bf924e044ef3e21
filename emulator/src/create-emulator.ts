import { isPatchError } from 'auth0-user-patch';
import type { Auth0User } from 'auth0-user-patch';
import { authenticate, checkScopes, checkSubject, type Grant, type TokenChecker } from './auth/authenticate.js';
import { checkClients, type EmulatorClient } from './auth/clients.js';
import {
  checkGivenKey,
  checkKeyPair,
  generateSigningKey,
  importSigningKey,
  type PrivateRsaJwk,
  type SigningKey,
} from './auth/signing-key.js';
import { BodyFault, type EmulatorRequest, type EmulatorResponse } from './http/exchange.js';
import { fromWebRequest, toWebResponse } from './http/fetch-adapter.js';
import { listen, type EmulatorServer, type ListenOptions } from './http/listen.js';
import { createRateLimiter, type RateLimitOptions } from './http/rate-limit.js';
import { Refusal } from './http/refusal.js';
import {
  apiError,
  internalError,
  invalidJson,
  notEmulated,
  notFound,
  patchErrorResponse,
  payloadTooLarge,
} from './http/responses.js';
import { createRouter } from './http/router.js';
import { randomId } from './random-id.js';
import { MANAGEMENT_API_ROUTES } from './routes/management-api.generated.js';
import { clientRoutes } from './clients/client-routes.js';
import { checkSeedUser } from './store/check-seed-user.js';
import { checkConnections, type EmulatorConnection } from './store/connections.js';
import { createUserStore } from './store/user-store.js';
import { identityRoutes } from './identities/identity-routes.js';
import { jobRoutes } from './jobs/job-routes.js';
import type { OutboxMessage } from './jobs/outbox.js';
import { ticketRoutes } from './jobs/ticket-routes.js';
import { permissionRoutes } from './permissions/permission-routes.js';
import { resourceServerRoutes } from './permissions/resource-server-routes.js';
import { createRelations } from './relations.js';
import { roleRoutes } from './roles/role-routes.js';
import { userRoleRoutes } from './roles/user-role-routes.js';
import type { Tenant } from './tenant.js';
import { userRoutes } from './users/user-routes.js';
import { answerPageCodes, type PageCodes } from './page/page-codes.js';
import { answerPage, pageFiles } from './page/page-routes.js';
import { PAGE_SCRIPT } from './page/page-scripts.js';
import { managementApiAudiences } from './auth/audience.js';
import { authenticationRoutes } from './signin/authentication-routes.js';
import { signInDirectly, type SignInOptions } from './signin/direct-sign-in.js';
import type { TokenResponse } from './signin/login.js';
import { createPasswordStore } from './signin/passwords.js';
import type { EmulatorActions } from './signin/post-login.js';
import { checkResourceServers, type EmulatorResourceServer } from './signin/resource-server-seeds.js';
import { splitSeedPassword } from './signin/seed-passwords.js';
import { createSignInState } from './signin/sign-in-state.js';
import { controlRoutes } from './control/control-routes.js';
import { checkState, type CheckedState, type Seed } from './state/check-state.js';
import { exportState } from './state/export-state.js';
import { loadState } from './state/load-state.js';
import type { EmulatorState } from './state/state-format.js';
import type { StateStores } from './state/state-stores.js';

/**
 * Options of {@link createEmulator}. Give `clients` (the SDK's client-credentials set-up), a fixed `token`, or
 * both.
 *
 * @example
 * const options: EmulatorOptions = {
 *   clients: [{ clientId: 'test-client', clientSecret: 'test-secret' }],
 *   users: [{ user_id: 'auth0|1', email: 'jane@example.com' }],
 * };
 */
export type EmulatorOptions = {
  /**
   * The tenant's applications: machine-to-machine clients that get Management API tokens with their id and
   * secret, and the apps users sign in to (`appType`, `callbacks`, `grantTypes`, ...).
   */
  clients?: readonly EmulatorClient[];
  /** A fixed bearer token that grants every scope, as a token from Auth0's API explorer would. */
  token?: string;
  /**
   * The tenant's domain (`tenant.example`): tokens are issued for `https://{domain}/api/v2/` and by
   * `https://{domain}/`. Defaults to the `Host` each request was sent to.
   */
  domain?: string;
  /**
   * The users the store starts with; each needs a `user_id`. Checked: a malformed one is a `TypeError`. A
   * `password` signs a database user in (its first identity's connection); it is kept as a hash, not in the user.
   */
  users?: readonly Auth0User[];
  /** The tenant's APIs (resource servers) besides the Management API, as `POST /api/v2/resource-servers` takes them. */
  resourceServers?: readonly EmulatorResourceServer[];
  /**
   * Hooks shaped like Auth0's Actions: `onExecutePostLogin(event, api)` runs on every sign-in.
   *
   * @example
   * const auth0 = createEmulator({
   *   clients,
   *   actions: {
   *     onExecutePostLogin: async (event, api) => {
   *       api.accessToken.setCustomClaim('https://example.com/plan', event.user.app_metadata?.['plan'] ?? 'free');
   *     },
   *   },
   * });
   */
  actions?: EmulatorActions;
  /** The tenant's `default_directory`: the database connection of the `password` grant without a `realm`. */
  defaultDirectory?: string;
  /**
   * The tenant's RS256 signing key: a private RSA JWK or a PKCS #8 PEM. Defaults to a new RSA-2048 key for each
   * emulator, as each Auth0 tenant has its own. Its public half is served at `/.well-known/jwks.json`.
   */
  signingKey?: PrivateRsaJwk | string;
  /** The tenant's connections. Defaults to the database connection `Username-Password-Authentication`. */
  connections?: readonly EmulatorConnection[];
  /** The clock, for `created_at`, `updated_at`, tokens and rate limits. Defaults to the system clock. */
  now?: () => Date;
  /** The largest request body accepted, in bytes; larger ones get a 413. Defaults to 1 MB (1,048,576). */
  bodyLimit?: number;
  /** Opt-in: answer Auth0's 429 past `limit` Management API requests in a window. */
  rateLimit?: RateLimitOptions;
  /**
   * Opt-in (`serve` turns it on): serve a page at `/` that lists and searches the users, previews a patch as it is
   * typed and applies it. Its files (under `/_emulator/`) hold no data; it calls the API with a bearer token like
   * any client, and the API's answers do not change. Defaults to `false`.
   *
   * @example
   * const server = await createEmulator({ clients, users, page: true }).listen();
   * // open server.url in a browser and sign in with the client's id and secret
   */
  page?: boolean;
  /**
   * A whole tenant to start with, as `exportState()` gives it or `serve --export-on-exit` writes it: connections,
   * APIs, users, password hashes, roles, permissions, jobs, outbox, signing key and sessions. Checked: a fault is a
   * `TypeError` that names its path. Not with `users` (the state holds them).
   *
   * @example
   * import { readFileSync } from 'node:fs';
   * const auth0 = createEmulator({ clients, state: JSON.parse(readFileSync('state.json', 'utf8')) });
   */
  state?: EmulatorState;
};

/**
 * An emulated Auth0 tenant, for the official SDK to talk to.
 *
 * @example
 * const auth0 = createEmulator({ token: 'test-token' });
 * const response = await auth0.fetch(new Request('https://tenant.example/api/v2/users', { headers: { authorization: 'Bearer test-token' } }));
 */
export type Emulator = {
  /**
   * Answers one request as Auth0 would: plugs into MSW, Hono, Bun, Deno, a service worker or the SDK's `fetch` option.
   *
   * @example
   * const response = await auth0.fetch(new Request('https://tenant.example/api/v2/users/auth0%7C1', { headers: { authorization: 'Bearer test-token' } }));
   * response.status; // 200
   */
  fetch(request: Request): Promise<Response>;
  /**
   * Serves the emulator over HTTP with `node:http`, or over HTTPS (`https: true`, or your `cert` and `key`) for
   * clients that only speak HTTPS, such as Auth0's SDKs for other languages.
   *
   * @example
   * const server = await auth0.listen({ port: 0 });
   * const response = await fetch(`${server.url}/api/v2/users`, { headers: { authorization: 'Bearer test-token' } });
   * response.status; // 200
   */
  listen(options?: ListenOptions): Promise<EmulatorServer>;
  /**
   * The stored users by `user_id`, frozen: a read-only view, for assertions in tests.
   *
   * @example
   * await management.users.update('auth0|1', { user_metadata: { color: 'pink' } });
   * auth0.users.get('auth0|1')?.user_metadata; // { color: 'pink' }
   */
  readonly users: ReadonlyMap<string, Auth0User>;
  /**
   * What the tenant would have emailed, oldest first: every verification email (`POST /users` unless
   * `verify_email: false` or `email_verified: true`, `PATCH /users/{id}` with a new email and `verify_email: true`,
   * `POST /jobs/verification-email`) and every password-change or email-verification ticket (`POST /tickets/...`,
   * with its URL). Nothing is sent. A frozen snapshot, read anew each time; `reset()` empties it.
   *
   * @example
   * const jane = await management.users.create({ connection: 'Username-Password-Authentication', email: 'jane@example.com', password: 'Sturdy-Pass-2026' });
   * auth0.outbox; // [{ type: 'verification_email', user_id: jane.user_id, email: 'jane@example.com', created_at: '2026-11-26T12:00:00.000Z' }]
   */
  readonly outbox: readonly OutboxMessage[];
  /**
   * Signs a user in to an application without a browser, through the same path as the sign-in page: the user is
   * checked (blocked users are refused), the post-login hook runs, and the tokens come back as
   * `POST /oauth/token` would answer the authorization code (`access_token`, `id_token` with `openid`,
   * `refresh_token` with `offline_access`, `scope`, `expires_in`, `token_type`). It rejects with a
   * {@link SignInError} when Auth0 would refuse the sign-in. The issuer is `https://{domain}/`; without
   * `options.domain`, call `listen()` first and the tokens name the server's address.
   *
   * @example
   * const { access_token } = await auth0.signIn({ userId: 'auth0|1', audience: 'https://api.example.com/', scope: 'openid read:posts' });
   */
  signIn(options: SignInOptions): Promise<TokenResponse>;
  /**
   * Empties the store, then stores `users` (checked as `options.users` is): a fresh tenant for the next test.
   * Roles, permissions, jobs, sessions, refresh tokens and the outbox are emptied too; the connections and APIs are
   * the ones of `options.connections` and `options.resourceServers` again. The signing key stays.
   *
   * @example
   * beforeEach(() => auth0.reset([{ user_id: 'auth0|1', email: 'jane@example.com' }]));
   */
  reset(users?: readonly Auth0User[]): void;
  /**
   * The whole tenant as one JSON-ready object (`JSON.stringify` it to a file): what `options.state`,
   * `importState` and `serve --import` take back. The same tenant always gives the same state.
   *
   * @example
   * import { writeFileSync } from 'node:fs';
   * writeFileSync('state.json', JSON.stringify(await auth0.exportState()));
   */
  exportState(): Promise<Required<EmulatorState>>;
  /**
   * Replaces the whole tenant with a state (as `reset()` then loading each field the state gives). Checked first:
   * a fault rejects with a `TypeError` that names its path, and changes nothing.
   *
   * @example
   * const saved = await auth0.exportState();
   * // ... a test changes the tenant ...
   * await auth0.importState(saved); // back to the saved tenant
   */
  importState(state: EmulatorState): Promise<void>;
};

const DEFAULT_BODY_LIMIT = 1024 * 1024;

/** The hooks, checked. */
function checkActions(actions: unknown): EmulatorActions {
  if (actions === undefined) return {};
  if (typeof actions !== 'object' || actions === null)
    throw new TypeError('createEmulator: options.actions must be an object');
  const { onExecutePostLogin } = actions as Record<string, unknown>;
  if (onExecutePostLogin !== undefined && typeof onExecutePostLogin !== 'function')
    throw new TypeError('createEmulator: options.actions.onExecutePostLogin must be a function (event, api) => {}');
  return onExecutePostLogin === undefined
    ? {}
    : { onExecutePostLogin: onExecutePostLogin as NonNullable<EmulatorActions['onExecutePostLogin']> };
}
/** Why a seeded user cannot join the others (the store's invariants). */
const SEED_CONFLICTS = {
  id: 'its user_id or a linked identity is another user’s account too',
  email: 'its email is another account’s in the same connection',
  username: 'its username is another account’s in the same connection',
  phone_number: 'its phone_number is another account’s in the same sms connection',
} as const;
const ALL_SCOPES = [...new Set(MANAGEMENT_API_ROUTES.flatMap((route) => route.scopes))].sort();

/**
 * Creates an emulated Auth0 tenant: `POST /oauth/token` (client credentials) and the users routes of the
 * Management API v2 (create, search, read, read by email, update through {@link applyPatch}, delete), with Auth0's
 * scopes, status codes and error bodies. Every other route of Auth0's Management API answers 501; a route Auth0
 * does not have answers 404. Each request is atomic: a refused one changes nothing, and concurrent PATCHes of one
 * user never lose an update.
 *
 * @example
 * const auth0 = createEmulator({ clients: [{ clientId: 'test-client', clientSecret: 'test-secret' }] });
 * const management = new ManagementClient({
 *   domain: 'tenant.example',
 *   clientId: 'test-client',
 *   clientSecret: 'test-secret',
 *   fetch: (url, init) => auth0.fetch(new Request(url, init)),
 * });
 * await management.users.create({ connection: 'Username-Password-Authentication', email: 'jane@example.com', password: 'Sturdy-Pass-2026' });
 */
export function createEmulator(options: EmulatorOptions): Emulator {
  if (typeof options !== 'object' || options === null) throw new TypeError('createEmulator: options must be an object');
  const { token, domain, now = () => new Date(), bodyLimit = DEFAULT_BODY_LIMIT } = options;
  if (token !== undefined && (typeof token !== 'string' || token === ''))
    throw new TypeError('createEmulator: options.token must be a non-empty string');
  const startConnections = checkConnections(options.connections);
  const clients = checkClients(options.clients, ALL_SCOPES, new Set(startConnections.keys()));
  if (token === undefined && clients.size === 0)
    throw new TypeError('createEmulator: give options.clients, options.token, or both');
  if (domain !== undefined && (typeof domain !== 'string' || !/^[^\s/:]+(:\d+)?$/.test(domain))) {
    throw new TypeError('createEmulator: options.domain must be a host name such as tenant.example, without a scheme');
  }
  if (typeof now !== 'function')
    throw new TypeError('createEmulator: options.now must be a function that returns a Date');
  if (!Number.isInteger(bodyLimit) || bodyLimit < 1)
    throw new TypeError('createEmulator: options.bodyLimit must be a positive integer');
  const resourceServers = checkResourceServers(options.resourceServers);
  const actions = checkActions(options.actions);
  const { defaultDirectory } = options;
  if (defaultDirectory !== undefined && startConnections.get(defaultDirectory)?.strategy !== 'auth0')
    throw new TypeError('createEmulator: options.defaultDirectory must name a database connection of the tenant');
  let givenKey = options.signingKey === undefined ? undefined : checkGivenKey(options.signingKey);
  if (options.users !== undefined && options.state !== undefined)
    throw new TypeError('createEmulator: give options.users or options.state, not both (the state holds the users)');
  if (options.page !== undefined && typeof options.page !== 'boolean')
    throw new TypeError('createEmulator: options.page must be a boolean');
  if (options.page === true && PAGE_SCRIPT === undefined)
    throw new TypeError('createEmulator: options.page needs the page script that the build embeds (npm run build)');
  const page = options.page === true && PAGE_SCRIPT !== undefined ? pageFiles(PAGE_SCRIPT) : undefined;
  const limiter = createRateLimiter(options.rateLimit);
  const store = createUserStore();
  const passwords = createPasswordStore();
  const signInState = createSignInState();
  const connections = new Map(startConnections);
  const seed = (users: unknown, where: string, connections: ReadonlyMap<string, EmulatorConnection>) => {
    if (users === undefined) return [];
    if (!Array.isArray(users)) throw new TypeError(`${where} must be an array of users`);
    const checked = users.map((user: unknown, index) =>
      splitSeedPassword(user, `${where}[${index}]`, connections, (seeded) =>
        checkSeedUser(seeded, `${where}[${index}]`),
      ),
    );
    // The store's invariants hold from the start: no account id, and no email or username in a connection, twice.
    const accounts = createUserStore({ searchable: false });
    checked.forEach(({ user }, index) => {
      const conflict = accounts.findConflict(user);
      if (conflict === 'id' && accounts.get(user.user_id as string) !== undefined)
        throw new TypeError(`${where}: user_id ${user.user_id} appears twice`);
      if (conflict !== undefined)
        throw new TypeError(`${where}[${index}] (${user.user_id}): ${SEED_CONFLICTS[conflict]}`);
      accounts.put(user);
    });
    return checked;
  };
  const storeSeeds = (seeds: readonly Seed[]) => {
    store.replaceAll(seeds.map(({ user }) => user));
    passwords.clear();
    for (const { user, password } of seeds) if (password !== undefined) passwords.set(user.user_id as string, password);
  };
  storeSeeds(seed(options.users, 'createEmulator: options.users', startConnections));

  let signingKey: Promise<SigningKey> | undefined;
  const key = () => (signingKey ??= givenKey === undefined ? generateSigningKey() : importSigningKey(givenKey));
  const tenantDomain = (request: EmulatorRequest) => domain ?? request.host;
  // "Auth0 issues tokens with an issuer (iss) claim of whichever domain you used when requesting the token."
  const issuer = (request: EmulatorRequest) =>
    domain === undefined ? `${request.scheme}://${request.host}/` : `https://${domain}/`;
  let servedAt: string | undefined;
  const clock = () => {
    const time = now();
    if (!(time instanceof Date) || !Number.isFinite(time.getTime()))
      throw new TypeError('createEmulator: options.now must return a valid Date');
    return time;
  };

  const readText = async (request: EmulatorRequest): Promise<string> => {
    try {
      return await request.readBody();
    } catch (fault) {
      if (fault instanceof BodyFault)
        throw new Refusal(fault.kind === 'too-large' ? payloadTooLarge(bodyLimit) : invalidJson());
      throw fault;
    }
  };
  const relations = createRelations();
  const seedResourceServers = () => {
    for (const server of resourceServers) relations.resourceServers.put(server);
  };
  seedResourceServers();
  const deleteUser = (id: string) => {
    store.delete(id);
    relations.forgetUser(id);
    passwords.forget(id);
    signInState.forgetUser(id);
  };
  const tenant: Tenant = {
    users: store,
    connections,
    applications: clients,
    relations,
    setPassword: passwords.set,
    deleteUser,
    now: clock,
    domain: tenantDomain,
  };
  const routeGroups = [
    clientRoutes,
    userRoutes,
    roleRoutes,
    userRoleRoutes,
    resourceServerRoutes,
    permissionRoutes,
    identityRoutes,
    jobRoutes,
    ticketRoutes,
  ];
  const route = createRouter(
    MANAGEMENT_API_ROUTES,
    routeGroups.flatMap((group) => group(tenant)),
  );
  const startConnectionIds = new Map([...startConnections.keys()].map((name) => [name, randomId('con_')]));
  const connectionIds = new Map(startConnectionIds);
  const signIn = {
    tenant,
    applications: clients,
    key,
    passwords,
    state: signInState,
    actions,
    connectionId: (name: string) => connectionIds.get(name) ?? name,
    domain: tenantDomain,
    issuer,
    defaultDirectory,
  };
  const authenticationApi = authenticationRoutes(signIn, bodyLimit);
  const tokenChecker: TokenChecker = {
    token,
    key,
    audiences: (request) => managementApiAudiences(tenantDomain(request), request.scheme),
    issuer,
    now: clock,
  };

  const stores: StateStores = {
    connections,
    connectionIds,
    users: store,
    passwords,
    relations,
    signIn: signInState,
    key,
  };
  /** Back to the start (the options' connections and APIs, nothing else), then `seeds`, then the rest of `state`. */
  const restart = (seeds: readonly Seed[], state?: CheckedState) => {
    replaceEntries(connections, state?.connections?.byName ?? startConnections);
    replaceEntries(connectionIds, state?.connections?.ids ?? startConnectionIds);
    storeSeeds(seeds);
    relations.clear();
    seedResourceServers();
    signInState.clear();
    if (state !== undefined) loadState(state, stores);
  };
  const stateContext = { startConnections, applications: clients, defaultDirectory, checkUsers: seed };
  /** Checks a state, imports its signing key (a key Web Crypto refuses is a fault too), then loads it. */
  const importGiven = async (given: unknown, root: string) => {
    const checked = checkState(given, root, stateContext);
    const imported =
      checked.signingKey === undefined
        ? undefined
        : await importSigningKey(checked.signingKey)
            .then(async (imported) => {
              await checkKeyPair(imported);
              return imported;
            })
            .catch((error: unknown) => {
              const reason = error instanceof Error ? error.message : String(error);
              throw new TypeError(`${root}.signingKey is not a usable RSA private key: ${reason}`);
            });
    restart(checked.seeds, checked);
    if (imported !== undefined) signingKey = Promise.resolve(imported);
  };
  if (options.state !== undefined) {
    const checked = checkState(options.state, 'createEmulator: options.state', stateContext);
    if (checked.signingKey !== undefined && givenKey !== undefined)
      throw new TypeError('createEmulator: give options.signingKey or options.state.signingKey, not both');
    restart(checked.seeds, checked);
    givenKey = checked.signingKey ?? givenKey;
  }
  const controlApi = controlRoutes({
    authenticate: (request) => authenticate(request, tokenChecker),
    allScopes: ALL_SCOPES,
    readText,
    reset: () => restart([]),
    importState: (given) => importGiven(given, 'state'),
    exportState: () => exportState(stores),
    outbox: () => relations.outbox.view(),
  });

  /** The grant of a request's bearer token for the Management API, or Auth0's 401. */
  const checkToken = (request: EmulatorRequest) => authenticate(request, tokenChecker);
  const pageCodes: PageCodes = new Map();

  async function answer(request: EmulatorRequest): Promise<EmulatorResponse> {
    // The page, the Authentication API and the test control have no route under /api/v2.
    if (request.path !== '/api/v2' && !request.path.startsWith('/api/v2/')) {
      const pageAnswer =
        page === undefined
          ? undefined
          : ((await answerPageCodes(request, pageCodes, checkToken)) ?? answerPage(request, page));
      if (pageAnswer !== undefined) return pageAnswer;
      const signInAnswer = authenticationApi(request);
      if (signInAnswer !== undefined) return signInAnswer;
      const controlAnswer = controlApi(request);
      if (controlAnswer !== undefined) return controlAnswer;
    }
    const resolution = route(request);
    if (resolution.kind === 'not-found') return notFound();
    if (resolution.kind === 'bad-path') return apiError(400, 'Invalid request URL');
    const grant = await checkToken(request);
    if (!('scopes' in grant)) return grant;
    // Only authenticated requests spend the window: an anonymous client cannot use up a token holder's (a decision).
    const limit = limiter?.(clock());
    if (limit?.refusal !== undefined) return limit.refusal;
    const response = await answerApi(request, resolution, grant);
    return limit === undefined ? response : { ...response, headers: { ...response.headers, ...limit.headers } };
  }

  async function answerApi(
    request: EmulatorRequest,
    resolution: Exclude<ReturnType<typeof route>, { kind: 'not-found' | 'bad-path' }>,
    grant: Grant,
  ): Promise<EmulatorResponse> {
    if (resolution.kind === 'not-emulated') return notEmulated(resolution.route.method, resolution.route.path);
    const forbidden =
      checkScopes(grant, resolution.route.scopes) ?? checkSubject(grant, resolution.route.scopes, resolution.params);
    if (forbidden !== undefined) return forbidden;
    try {
      // The route checks the path, the query and the body against its schemas, then its handler answers.
      return await resolution.route.answer({
        request,
        grant,
        params: resolution.params,
        readText: () => readText(request),
      });
    } catch (error) {
      if (error instanceof Refusal) return error.response;
      if (isPatchError(error)) return patchErrorResponse(error);
      throw error;
    }
  }

  async function handle(request: EmulatorRequest): Promise<EmulatorResponse> {
    try {
      return await answer(request);
    } catch {
      return internalError();
    }
  }

  return Object.freeze({
    fetch: async (request: Request) => toWebResponse(await handle(fromWebRequest(request, bodyLimit))),
    listen: async (listenOptions?: ListenOptions) => {
      const server = await listen(
        handle,
        bodyLimit,
        listenOptions,
        domain === undefined ? [] : [domain.replace(/:\d+$/, '')],
      );
      servedAt = `${server.url}/`;
      return server;
    },
    signIn: (signInOptions: SignInOptions) => {
      const tokenIssuer = domain === undefined ? servedAt : `https://${domain}/`;
      if (tokenIssuer === undefined)
        return Promise.reject(
          new TypeError('signIn: give createEmulator a domain, or listen() first: tokens name their issuer'),
        );
      return signInDirectly(signIn, signInOptions, tokenIssuer, tokenIssuer.replace(/^https?:\/\/|\/$/g, ''));
    },
    users: store.view,
    get outbox() {
      return relations.outbox.view();
    },
    reset: (users?: readonly Auth0User[]) => restart(seed(users, 'reset: users', startConnections)),
    exportState: () => exportState(stores),
    importState: (given: EmulatorState) => importGiven(given, 'importState: state'),
  });
}

/** Makes `map` hold exactly the entries of `source`, in its order. */
function replaceEntries<K, V>(map: Map<K, V>, source: ReadonlyMap<K, V>): void {
  map.clear();
  for (const [key, value] of source) map.set(key, value);
}
