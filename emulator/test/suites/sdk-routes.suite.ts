/**
 * Every route the official SDK v7's ManagementClient can call, read from the installed SDK's sources: the emulator
 * answers each with the route it emulates or with 501 `not_emulated`, never with Auth0's 404 for a route it does
 * not have.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Management, ManagementError } from 'auth0';
import { describe, expect, it } from 'vitest';
import { CLIENT, raw, rejection, sdk, TOKEN, type EmulatorModule } from './harness.js';

type SdkRoute = { readonly method: string; readonly path: string };

/**
 * The SDK is generated: each endpoint of `dist/cjs/management/api/resources/**\/client/Client.js` builds its request
 * as `url: core.url.join(<base>, "users")` or `` `users/${core.url.encodePathParam(id)}/roles` ``, then `method: "GET"`.
 */
function sdkRoutes(): { routes: SdkRoute[]; urls: number } {
  const sdkDir = dirname(createRequire(import.meta.url).resolve('auth0/package.json'));
  const files = readdirSync(join(sdkDir, 'dist/cjs/management/api/resources'), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('client/Client.js'))
    .map((file) => readFileSync(join(sdkDir, 'dist/cjs/management/api/resources', file), 'utf8'));
  const routes = files.flatMap((text) =>
    [...text.matchAll(/url: core\.url\.join\([^\n]*?, (?:"([^"]*)"|`([^`]*)`)\),?\n\s*method: "([A-Z]+)"/g)].map(
      (match) => ({
        method: match[3] ?? '',
        path: `/${match[1] ?? match[2] ?? ''}`.replace(/\$\{core\.url\.encodePathParam\([^)]+\)\}/g, '{}'),
      }),
    ),
  );
  const urls = files.reduce((count, text) => count + text.split('url: core.url.join(').length - 1, 0);
  return { routes, urls };
}

/** The routes the emulator serves, as its README's table lists them (parameters unnamed). */
const EMULATED = [
  'GET /users',
  'POST /users',
  'GET /users/{}',
  'PATCH /users/{}',
  'DELETE /users/{}',
  'GET /users-by-email',
  'GET /roles',
  'POST /roles',
  'GET /roles/{}',
  'PATCH /roles/{}',
  'DELETE /roles/{}',
  'GET /roles/{}/users',
  'POST /roles/{}/users',
  'GET /users/{}/roles',
  'POST /users/{}/roles',
  'DELETE /users/{}/roles',
  'GET /resource-servers',
  'POST /resource-servers',
  'GET /resource-servers/{}',
  'PATCH /resource-servers/{}',
  'DELETE /resource-servers/{}',
  'GET /roles/{}/permissions',
  'POST /roles/{}/permissions',
  'DELETE /roles/{}/permissions',
  'GET /users/{}/permissions',
  'POST /users/{}/permissions',
  'DELETE /users/{}/permissions',
  'POST /users/{}/identities',
  'DELETE /users/{}/identities/{}/{}',
  'POST /jobs/verification-email',
  'GET /jobs/{}',
  'POST /tickets/password-change',
  'POST /tickets/email-verification',
  'GET /clients',
];

export function sdkRoutesSuite({ createEmulator }: EmulatorModule): void {
  describe('every route the official SDK v7 calls', () => {
    const { routes, urls } = sdkRoutes();
    const auth0 = createEmulator({ token: TOKEN });

    it('is read whole from the SDK’s sources', () => {
      expect(routes.length).toBeGreaterThan(400);
      expect(routes).toHaveLength(urls);
    });

    it('answers each with its emulated route or 501 not_emulated, never a 404 that says the route is not there', async () => {
      const answered: string[] = [];
      for (const { method, path } of routes) {
        const response = await raw(auth0, method, `/api/v2${path.replaceAll('{}', 'x')}`, {
          ...(method === 'GET' || method === 'DELETE' ? {} : { body: '{}' }),
        });
        const body = (await response.json().catch(() => undefined)) as Record<string, unknown> | undefined;
        const route = `${method} ${path}`;
        expect(body, route).not.toEqual({ statusCode: 404, error: 'Not Found', message: 'Not Found' });
        if (response.status === 501) {
          expect(body?.['errorCode'], route).toBe('not_emulated');
          const template = String(body?.['message']).replace(/^The emulator does not emulate \S+ \/api\/v2/, '');
          expect(`${method} ${template.replace(/\{[^}]+\}/g, '{}')}`, route).toBe(route);
        } else answered.push(route);
      }
      expect(answered.sort()).toEqual([...EMULATED].sort());
    });
  });

  describe('routes Auth0 documents after the OpenAPI snapshot, and routes only the SDK knows, through the SDK', () => {
    const auth0 = createEmulator({ clients: [CLIENT] });
    const management = sdk((request) => auth0.fetch(request));

    it.each([
      [
        'organization role members',
        () => management.organizations.roles.members.list('org_1', 'rol_1'),
        'GET /api/v2/organizations/{id}/roles/{role_id}/members',
      ],
      [
        'organization role groups',
        () => management.organizations.roles.groups.list('org_1', 'rol_1'),
        'GET /api/v2/organizations/{organization_id}/roles/{role_id}/groups',
      ],
      ['the guardian settings', () => management.guardian.get(), 'GET /api/v2/guardian/settings'],
      ['the organization search', () => management.organizations.search(), 'GET /api/v2/organizations/search'],
    ])('answers 501 for %s', async (_case, call, route) => {
      const error = await rejection(call());
      expect(error).toBeInstanceOf(ManagementError);
      expect(error).not.toBeInstanceOf(Management.NotFoundError);
      expect(error.body).toEqual({
        statusCode: 501,
        error: 'Not Implemented',
        message: `The emulator does not emulate ${route}`,
        errorCode: 'not_emulated',
      });
    });
  });
}
