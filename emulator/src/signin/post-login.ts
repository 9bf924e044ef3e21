/**
 * A post-login hook shaped like Auth0's Actions (`exports.onExecutePostLogin = async (event, api) => {}`): the
 * event and api objects of Auth0's "Actions Triggers: post-login" reference, the part a test tenant needs.
 */
import type { Auth0User } from 'auth0-user-patch';

/**
 * What a post-login hook is told, as Auth0's post-login `event` object names it.
 *
 * @example
 * const onExecutePostLogin = async (event: PostLoginEvent) => event.user.app_metadata?.['plan'];
 */
export type PostLoginEvent = {
  /** The stored user, metadata included, as it was when the sign-in began (frozen). */
  readonly user: Auth0User;
  readonly client: {
    readonly client_id: string;
    readonly name: string;
    readonly metadata: Readonly<Record<string, string>>;
  };
  readonly connection: { readonly id: string; readonly name: string; readonly strategy: string };
  readonly request: {
    readonly ip: string;
    readonly hostname: string;
    readonly method: string;
    readonly query: Readonly<Record<string, string>>;
    readonly body: Readonly<Record<string, string>>;
    readonly user_agent?: string;
    readonly language?: string;
    readonly geoip: Readonly<Record<string, never>>;
  };
  /** The names of the user's roles. */
  readonly authorization: { readonly roles: readonly string[] };
  /** Sign-ins so far, this one included. */
  readonly stats: { readonly logins_count: number };
  readonly tenant: { readonly id: string };
  readonly transaction: {
    readonly id: string;
    /** `oidc-basic-profile` (authorization code), `oauth2-password`, `oauth2-resource-owner` (password-realm), `oauth2-refresh-token`. */
    readonly protocol: string;
    readonly requested_scopes: readonly string[];
    readonly redirect_uri?: string;
    readonly response_type?: readonly string[];
    readonly state?: string;
    readonly locale: string;
  };
  /** The API the access token is for, when an audience was asked for. */
  readonly resource_server?: { readonly identifier: string };
  readonly session?: { readonly id: string };
  readonly secrets: Readonly<Record<string, string>>;
};

/**
 * What a post-login hook may do, as Auth0's post-login `api` object names it. Each method returns the `api`.
 *
 * @example
 * const onExecutePostLogin = async (event: PostLoginEvent, api: PostLoginApi) => {
 *   api.accessToken.setCustomClaim('https://example.com/plan', event.user.app_metadata?.['plan'] ?? 'free');
 * };
 */
export type PostLoginApi = {
  readonly access: {
    /** Denies the sign-in with `reason`; metadata changes asked for still happen ("will NOT cancel ... metadata changes"). */
    deny(reason: string): PostLoginApi;
  };
  readonly idToken: { setCustomClaim(name: string, value: unknown): PostLoginApi };
  readonly accessToken: {
    setCustomClaim(name: string, value: unknown): PostLoginApi;
    addScope(scope: string): PostLoginApi;
    removeScope(scope: string): PostLoginApi;
  };
  readonly user: {
    /** Sets (or, with `null`, removes) one key of `app_metadata`, through the library's PATCH rules at the end of the sign-in. */
    setAppMetadata(key: string, value: unknown): PostLoginApi;
    setUserMetadata(key: string, value: unknown): PostLoginApi;
  };
};

/**
 * The hooks an emulator runs, as `createEmulator({ actions: { onExecutePostLogin } })` takes them.
 *
 * @example
 * const actions: EmulatorActions = {
 *   onExecutePostLogin: async (event, api) => {
 *     if (event.user.email_verified !== true) api.access.deny('Please verify your email before logging in.');
 *   },
 * };
 */
export type EmulatorActions = {
  /** Runs on every sign-in (the authorization code flow, password grants, refresh tokens, `signIn`). */
  readonly onExecutePostLogin?: (event: PostLoginEvent, api: PostLoginApi) => unknown;
};

/** What the hook asked for. */
export type PostLoginOutcome = {
  readonly denied: string | undefined;
  readonly idTokenClaims: ReadonlyMap<string, unknown>;
  readonly accessTokenClaims: ReadonlyMap<string, unknown>;
  /** `addScope` and `removeScope` calls, in their order. */
  readonly scopeChanges: readonly { readonly add: boolean; readonly scope: string }[];
  /** First-level keys to set (a `null` value removes one), in the order they were set; `undefined` when none. */
  readonly appMetadata: Record<string, unknown> | undefined;
  readonly userMetadata: Record<string, unknown> | undefined;
};

/** Runs the hook (when there is one) and collects what it asked for; an error it throws rejects. */
export async function runPostLogin(
  hook: EmulatorActions['onExecutePostLogin'],
  event: PostLoginEvent,
): Promise<PostLoginOutcome> {
  const idTokenClaims = new Map<string, unknown>();
  const accessTokenClaims = new Map<string, unknown>();
  const scopeChanges: { add: boolean; scope: string }[] = [];
  let denied: string | undefined;
  let appMetadata: Record<string, unknown> | undefined;
  let userMetadata: Record<string, unknown> | undefined;
  const setKey = (target: Record<string, unknown> | undefined, key: string, value: unknown) => {
    const next = target ?? {};
    Object.defineProperty(next, String(key), { value, enumerable: true, writable: true, configurable: true });
    return next;
  };
  const api: PostLoginApi = {
    access: {
      deny(reason) {
        denied ??= String(reason);
        return api;
      },
    },
    idToken: {
      setCustomClaim(name, value) {
        idTokenClaims.set(String(name), value);
        return api;
      },
    },
    accessToken: {
      setCustomClaim(name, value) {
        accessTokenClaims.set(String(name), value);
        return api;
      },
      addScope(scope) {
        scopeChanges.push({ add: true, scope: String(scope) });
        return api;
      },
      removeScope(scope) {
        scopeChanges.push({ add: false, scope: String(scope) });
        return api;
      },
    },
    user: {
      setAppMetadata(key, value) {
        appMetadata = setKey(appMetadata, key, value);
        return api;
      },
      setUserMetadata(key, value) {
        userMetadata = setKey(userMetadata, key, value);
        return api;
      },
    },
  };
  if (hook !== undefined) await hook(event, Object.freeze(api));
  return { denied, idTokenClaims, accessTokenClaims, scopeChanges, appMetadata, userMetadata };
}
