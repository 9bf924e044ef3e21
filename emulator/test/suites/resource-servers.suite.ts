/**
 * The tenant's APIs as Auth0 answers them, each rule shown with the recording it comes from: defaults without an
 * invented name, PATCH, token encryption keys, identifiers percent-encoded twice, the tenant's Management API and the
 * Express Configuration template.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CLIENT, raw, sdk, TOKEN, type EmulatorModule } from './harness.js';

const API = 'https://api.example.com/';
const SUBJECTS = { user: { policy: 'allow_all' }, client: { policy: 'require_client_grant' } };
const NEW_API = {
  allow_offline_access: false,
  skip_consent_for_verifiable_first_party_clients: false,
  subject_type_authorization: SUBJECTS,
  token_lifetime: 86400,
  token_lifetime_for_web: 7200,
  signing_alg: 'RS256',
};

type Recorded = {
  cassettes: { path: string; interactions: { path: string; request?: unknown; response?: unknown }[] }[];
};
/** One recorded interaction of spec/recordings.json (the real traffic the replay test replays). */
function recorded(cassette: string, index: number): { path: string; request?: unknown; response?: unknown } {
  const data = JSON.parse(readFileSync(new URL('../../spec/recordings.json', import.meta.url), 'utf8')) as Recorded;
  const found = data.cassettes.find((candidate) => candidate.path.endsWith(cassette))?.interactions[index];
  if (found === undefined) throw new Error(`no interaction ${cassette} #${index}`);
  return found;
}

export function resourceServersSuite({ createEmulator }: EmulatorModule): void {
  describe('resource servers as Auth0 answers them', () => {
    const fresh = () => createEmulator({ clients: [CLIENT], token: TOKEN, domain: 'tenant.example' });
    const call = async (auth0: ReturnType<typeof fresh>, method: string, path: string, sent?: unknown) => {
      const response = await raw(
        auth0,
        method,
        `/api/v2${path}`,
        sent === undefined ? {} : { body: JSON.stringify(sent) },
      );
      const text = await response.text();
      return { status: response.status, body: text === '' ? undefined : (JSON.parse(text) as unknown) };
    };

    // Recorded: terraform-provider-auth0 TestAccResourceServer.yaml (2026), `POST {"identifier": …}` → 201, no name.
    it('creates an API with Auth0’s defaults and no name it was not given', async () => {
      const auth0 = fresh();
      const created = await call(auth0, 'POST', '/resource-servers', { identifier: API });
      expect(created).toEqual({
        status: 201,
        body: { id: expect.stringMatching(/^[0-9a-f]{24}$/), identifier: API, ...NEW_API },
      });
      const halves = await call(auth0, 'POST', '/resource-servers', {
        identifier: 'https://other.example/',
        subject_type_authorization: { client: { policy: 'deny_all' } },
        token_encryption: null,
      });
      // A decision: a half not given keeps its default, a null is not stored.
      expect(halves.body).toMatchObject({
        subject_type_authorization: { user: { policy: 'allow_all' }, client: { policy: 'deny_all' } },
      });
      expect(halves.body).not.toHaveProperty('token_encryption');
    });

    it('updates an API: each value given replaces the stored one, null removes it (PATCH, recorded 200)', async () => {
      const auth0 = fresh();
      const management = sdk((request) => auth0.fetch(request));
      const { id } = await management.resourceServers.create({
        identifier: API,
        proof_of_possession: { mechanism: 'dpop', required: true, required_for: 'all_clients' },
        authorization_details: [{ type: 'payment' }],
      });
      // Recorded: terraform-provider-auth0 TestAccResourceServer.yaml #15, proof_of_possession replaced whole.
      const updated = await management.resourceServers.update(id as string, {
        name: 'Things',
        token_lifetime: 7200,
        proof_of_possession: { mechanism: 'mtls', required: true },
        subject_type_authorization: { user: { policy: 'deny_all' }, client: { policy: 'deny_all' } },
      });
      expect(updated).toEqual({
        id,
        name: 'Things',
        identifier: API,
        ...NEW_API,
        token_lifetime: 7200,
        subject_type_authorization: { user: { policy: 'deny_all' }, client: { policy: 'deny_all' } },
        proof_of_possession: { mechanism: 'mtls', required: true },
        authorization_details: [{ type: 'payment' }],
      });
      // Recorded: TestAccDataSourceResourceServer.yaml #2 `{"authorization_details":null}` → 200 without it.
      const removed = await call(auth0, 'PATCH', `/resource-servers/${id}`, {
        authorization_details: null,
        token_lifetime_for_web: 3600,
      });
      expect(removed.body).not.toHaveProperty('authorization_details');
      expect(removed.body).toMatchObject({ token_lifetime_for_web: 3600 });
      expect(await call(auth0, 'GET', `/resource-servers/${id}`)).toEqual(removed);
      expect(await call(auth0, 'PATCH', `/resource-servers/${id}`, { identifier: 'https://new.example/' })).toEqual({
        status: 400,
        body: {
          statusCode: 400,
          error: 'Bad Request',
          message: "Payload validation error: 'Additional properties not allowed: identifier'.",
          errorCode: 'invalid_body',
        },
      });
      expect(await call(auth0, 'PATCH', '/resource-servers/000000000000000000000000', { name: 'x' })).toEqual({
        status: 404,
        body: {
          statusCode: 404,
          error: 'Not Found',
          message: 'The resource server does not exist',
          errorCode: 'inexistent_resource_server',
        },
      });
    });

    it('keeps a token encryption key without its pem, with its JWK thumbprint when it has no kid', async () => {
      const auth0 = fresh();
      // Recorded: terraform-provider-auth0 TestAccResourceServer.yaml #11 (a certificate) and go-auth0
      // TestResourceServer_Create.yaml #0 (a public key with a kid).
      for (const [cassette, index] of [
        ['/TestAccResourceServer.yaml', 11],
        ['/TestResourceServer_Create.yaml', 0],
      ] as const) {
        const { request, response } = recorded(cassette, index);
        const sent = request as { token_encryption: unknown };
        const created = await call(auth0, 'POST', '/resource-servers', {
          identifier: `https://encrypted.example/${index}`,
          token_encryption: sent.token_encryption,
        });
        expect(created.body).toMatchObject({
          token_encryption: (response as { token_encryption: unknown }).token_encryption,
        });
        expect(JSON.stringify(created.body)).not.toContain('"pem"');
      }
      const malformed = {
        format: 'compact-nested-jwe',
        encryption_key: { alg: 'RSA-OAEP-256', pem: '-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----' },
      };
      expect(
        await call(auth0, 'POST', '/resource-servers', {
          identifier: 'https://bad.example/',
          token_encryption: malformed,
        }),
      ).toEqual({
        status: 400,
        body: {
          statusCode: 400,
          error: 'Bad Request',
          message: 'token_encryption.encryption_key.pem is not a PEM-encoded RSA public key or certificate',
          errorCode: 'invalid_body',
        },
      });
    });

    // Recorded: terraform-provider-auth0 TestAccDataSourceResourceServer.yaml, GET /resource-servers/https:%252F%252F… → 200.
    it('finds an API by its identifier percent-encoded once or twice', async () => {
      const auth0 = fresh();
      const created = await call(auth0, 'POST', '/resource-servers', { identifier: API });
      expect(await call(auth0, 'GET', `/resource-servers/${encodeURIComponent(API)}`)).toEqual({
        status: 200,
        body: created.body,
      });
      const twice = encodeURIComponent(encodeURIComponent(API));
      expect(await call(auth0, 'GET', `/resource-servers/${twice}`)).toEqual({ status: 200, body: created.body });
      expect((await call(auth0, 'PATCH', `/resource-servers/${twice}`, { name: 'Twice' })).body).toMatchObject({
        name: 'Twice',
      });
      expect((await call(auth0, 'DELETE', `/resource-servers/${twice}`)).status).toBe(204);
      expect((await call(auth0, 'GET', `/resource-servers/${twice}`)).status).toBe(404);
      expect((await call(auth0, 'GET', '/resource-servers/%2525zz')).status).toBe(404);
    });

    // Recorded: ruby-auth0 Auth0_Api_V2_ResourceServers `GET /resource-servers?page=0&per_page=1` → the Management API;
    // go-auth0 TestResourceServer_ExpressConfiguration.yaml (2025-11-19) for its shape.
    it('lists the tenant’s own Management API first, and will not change it', async () => {
      const auth0 = fresh();
      const [management] = (await call(auth0, 'GET', '/resource-servers?per_page=1')).body as Record<string, unknown>[];
      expect(management).toMatchObject({
        id: expect.stringMatching(/^[0-9a-f]{24}$/),
        name: 'Auth0 Management API',
        identifier: 'https://tenant.example/api/v2/',
        allow_offline_access: false,
        skip_consent_for_verifiable_first_party_clients: false,
        subject_type_authorization: { client: { policy: 'require_client_grant' }, user: { policy: 'allow_all' } },
        token_lifetime: 86400,
        token_lifetime_for_web: 7200,
        signing_alg: 'RS256',
        is_system: true,
      });
      const scopes = (management?.['scopes'] ?? []) as { value: string; description: string }[];
      expect(scopes.slice(0, 2)).toEqual([
        { value: 'read:client_grants', description: 'Read Client Grants' },
        { value: 'create:client_grants', description: 'Create Client Grants' },
      ]);
      expect(scopes).toContainEqual({ value: 'update:users', description: 'Update Users' });
      expect(await call(auth0, 'GET', `/resource-servers/${String(management?.['id'])}`)).toEqual({
        status: 200,
        body: management,
      });
      expect(
        await call(auth0, 'GET', `/resource-servers/${encodeURIComponent('https://tenant.example/api/v2/')}`),
      ).toEqual({ status: 200, body: management });
      expect(
        (await call(auth0, 'POST', '/resource-servers', { identifier: 'https://tenant.example/api/v2/' })).status,
      ).toBe(409);
      for (const method of ['PATCH', 'DELETE']) {
        expect(
          await call(
            auth0,
            method,
            `/resource-servers/${String(management?.['id'])}`,
            method === 'PATCH' ? { name: 'x' } : undefined,
          ),
        ).toEqual({
          status: 501,
          body: {
            statusCode: 501,
            error: 'Not Implemented',
            message: `The emulator does not emulate ${method} of the tenant's Auth0 Management API`,
            errorCode: 'not_emulated',
          },
        });
      }
    });

    // Recorded: go-auth0 TestResourceServer_ExpressConfiguration.yaml (2025-11-19): the template, a PATCH refused 400.
    it('creates Auth0’s Express Configuration template for urn:auth0:express-configure', async () => {
      const auth0 = fresh();
      const created = await call(auth0, 'POST', '/resource-servers', { identifier: 'urn:auth0:express-configure' });
      expect(created).toEqual({
        status: 201,
        body: {
          ...(recorded('/TestResourceServer_ExpressConfiguration.yaml', 0).response as object),
          id: expect.stringMatching(/^[0-9a-f]{24}$/),
        },
      });
      const id = (created.body as { id: string }).id;
      expect(await call(auth0, 'PATCH', `/resource-servers/${id}`, { name: 'Modified Name' })).toEqual({
        status: 400,
        body: { statusCode: 400, error: 'Bad Request', message: 'A system resource server cannot be updated.' },
      });
      expect((await call(auth0, 'DELETE', `/resource-servers/${id}`)).status).toBe(204);
    });
  });
}
