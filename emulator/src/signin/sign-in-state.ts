/**
 * What sign-ins leave behind: browser sessions, sign-in pages waiting for a password, authorization codes,
 * refresh tokens and the opaque `/userinfo` tokens. All of it is emptied by `reset()`; a deleted user's is dropped.
 */
import type { Login } from './login.js';

/** A browser session (the `auth0` cookie), since `authTime` (seconds). */
export type Session = { readonly id: string; readonly userId: string; readonly authTime: number };

/** An `/authorize` request waiting at the sign-in page. */
export type PendingAuthorization = {
  readonly clientId: string;
  readonly redirectUri: string;
  readonly state: string | undefined;
  readonly nonce: string | undefined;
  readonly scope: string;
  readonly audience: string | undefined;
  readonly connection: string;
  readonly challenge: Challenge | undefined;
  /** The query of the `/authorize` request, for the hook's `event.request.query`. */
  readonly query: Readonly<Record<string, string>>;
  readonly expiresAt: number;
};

/** A PKCE code challenge. */
export type Challenge = { readonly value: string; readonly method: 'S256' | 'plain' };

/** An authorization code: the sign-in it stands for, until it is exchanged once. */
export type IssuedCode = {
  readonly login: Login;
  readonly redirectUri: string;
  readonly challenge: Challenge | undefined;
  readonly expiresAt: number;
};

/** What a refresh token may be exchanged for. */
export type RefreshGrant = {
  readonly userId: string;
  readonly clientId: string;
  readonly audience: string | undefined;
  /** The scopes asked for when it was issued (a refresh may ask for fewer). */
  readonly scopes: readonly string[];
  readonly connection: string;
  readonly sessionId: string | undefined;
};

/** An opaque access token, good for `/userinfo` only. */
export type OpaqueToken = { readonly userId: string; readonly scopes: readonly string[]; readonly expiresAt: number };

/** Keyed lists of the above. */
export type SignInState = {
  readonly sessions: Map<string, Session>;
  readonly pending: Map<string, PendingAuthorization>;
  readonly codes: Map<string, IssuedCode>;
  readonly refreshTokens: Map<string, RefreshGrant>;
  readonly opaqueTokens: Map<string, OpaqueToken>;
  /** Drops what expired (codes, pending pages, opaque tokens) when the maps grow. */
  sweep(nowSeconds: number): void;
  /** Ends a deleted user's sessions and drops its codes and opaque tokens. */
  forgetUser(userId: string): void;
  clear(): void;
};

const SWEEP_ABOVE = 1000;

/** New, empty state. */
export function createSignInState(): SignInState {
  const sessions = new Map<string, Session>();
  const pending = new Map<string, PendingAuthorization>();
  const codes = new Map<string, IssuedCode>();
  const refreshTokens = new Map<string, RefreshGrant>();
  const opaqueTokens = new Map<string, OpaqueToken>();
  const all = [sessions, pending, codes, refreshTokens, opaqueTokens];
  return {
    sessions,
    pending,
    codes,
    refreshTokens,
    opaqueTokens,
    sweep(nowSeconds) {
      for (const map of [pending, codes, opaqueTokens]) {
        if (map.size <= SWEEP_ABOVE) continue;
        for (const [key, entry] of map) if (entry.expiresAt <= nowSeconds) map.delete(key);
      }
    },
    forgetUser(userId) {
      // Refresh tokens stay: exchanging one answers that its user "doesn't exist anymore".
      for (const map of [sessions, opaqueTokens]) {
        for (const [key, entry] of map) if (entry.userId === userId) map.delete(key);
      }
      for (const [key, entry] of codes) if (entry.login.user.user_id === userId) codes.delete(key);
    },
    clear: () => all.forEach((map) => map.clear()),
  };
}
