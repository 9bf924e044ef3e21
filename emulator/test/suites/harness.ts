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
