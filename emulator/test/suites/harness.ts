/** What the emulator suites share: the module under test, the tenant's names, SDK clients and raw requests. */
import { ManagementClient } from 'auth0';
import { expect } from 'vitest';

export type EmulatorModule = typeof import('../../src/index.js');
export type Emulator = ReturnType<EmulatorModule['createEmulator']>;

export const DOMAIN = 'tenant.example';
export const CLIENT_ID = 'test-client';
export const CLIENT_SECRET = 'test-secret';
export const CLIENT = { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET } as const;
export const TOKEN = 'test-token';
export const NOW = new Date('2026-11-26T12:00:00.000Z');
export const DATABASE = 'Username-Password-Authentication';

/** A send function that hands web requests to the emulator in process. */
export const inProcess = (auth0: Emulator) => (request: Request) => auth0.fetch(request);

/** The v7 SDK configured the way most apps configure it (client id and secret), talking through `send`, no retries. */
export function sdk(
  send: (request: Request) => Promise<Response>,
  credentials: { clientId: string; clientSecret: string } = CLIENT,
): ManagementClient {
  return new ManagementClient({
    domain: DOMAIN,
    ...credentials,
    maxRetries: 0,
    fetch: (input, init) => send(new Request(input, init)),
  });
}

/** The error a promise rejects with; fails the test when it resolves. */
export async function rejection(
  promise: Promise<unknown>,
): Promise<Error & { statusCode?: number; body?: unknown; rawResponse?: { headers: Headers } }> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  expect.fail('expected the request to fail');
}

/** A raw request to the emulator in process; the body is sent as given. */
export function raw(
  auth0: Emulator,
  method: string,
  path: string,
  options: { body?: string; headers?: Record<string, string> } = {},
): Promise<Response> {
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}`, ...options.headers };
  return auth0.fetch(
    new Request(`https://${DOMAIN}${path}`, {
      method,
      headers,
      ...(options.body === undefined ? {} : { body: options.body }),
    }),
  );
}

/** A token from the emulator's token endpoint, for the test client (optionally with fewer scopes). */
export async function tokenFor(auth0: Emulator, scope?: string): Promise<string> {
  const response = await raw(auth0, 'POST', '/oauth/token', {
    headers: { authorization: '' },
    body: JSON.stringify({
      grant_type: 'client_credentials',
      client_id: CLIENT_ID,
      client_secret: CLIENT_SECRET,
      audience: `https://${DOMAIN}/api/v2/`,
      ...(scope === undefined ? {} : { scope }),
    }),
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { access_token: string }).access_token;
}

/** The sign-in half: an API, apps users sign in to, and a database user with a password. */
export const API = 'https://api.example.com/';
export const CALLBACK = 'http://localhost:3000/callback';
export const LOGOUT_URL = 'http://localhost:3000/';
export const PASSWORD_REALM = 'http://auth0.com/oauth/grant-type/password-realm';
export const WEB = {
  clientId: 'web-app',
  clientSecret: 'web-secret',
  name: 'Web App',
  appType: 'regular_web',
  callbacks: [CALLBACK],
  allowedLogoutUrls: [LOGOUT_URL],
  grantTypes: ['authorization_code', 'refresh_token', 'password', PASSWORD_REALM],
} as const;
export const SPA = { clientId: 'spa-app', appType: 'spa', callbacks: [CALLBACK] } as const;
export const JANE_PASSWORD = 'correct horse battery staple';
export const JANE = {
  user_id: 'auth0|jane',
  email: 'jane@example.com',
  email_verified: true,
  name: 'Jane Doe',
  given_name: 'Jane',
  family_name: 'Doe',
  nickname: 'jane',
  picture: 'https://example.com/jane.png',
  updated_at: '2026-01-01T00:00:00.000Z',
  app_metadata: { plan: 'pro' },
  identities: [{ connection: DATABASE, provider: 'auth0', user_id: 'jane', isSocial: false }],
  password: JANE_PASSWORD,
};

/** A token request to the emulator in process, form-encoded as most clients send it. */
export function tokenRequest(
  auth0: Emulator,
  parameters: Record<string, string>,
  headers: Record<string, string> = {},
): Promise<Response> {
  return auth0.fetch(
    new Request(`https://${DOMAIN}/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
      body: new URLSearchParams(parameters).toString(),
    }),
  );
}

/** The header and claims of a JWT, decoded without checking it (the verifiers check it in the tests). */
export function decodeJwt(token: string): { header: Record<string, unknown>; claims: Record<string, unknown> } {
  const [header, claims] = token
    .split('.')
    .slice(0, 2)
    .map((part) => JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as Record<string, unknown>);
  return { header: header as Record<string, unknown>, claims: claims as Record<string, unknown> };
}
