/** Roles, permissions, linked identities, verification emails and tickets, through the official v7 SDK. */
import { Management } from 'auth0';
import { describe, expect, it } from 'vitest';
import { CLIENT, DATABASE, NOW, raw, rejection, sdk, TOKEN, tokenFor, type EmulatorModule } from './harness.js';

const JANE = {
  user_id: 'auth0|jane',
  email: 'jane@example.com',
  email_verified: true,
  name: 'Jane Doe',
  identities: [{ connection: DATABASE, provider: 'auth0', user_id: 'jane', isSocial: false }],
  user_metadata: { color: 'pink' },
  app_metadata: { plan: 'pro' },
};
const JOHN = {
  user_id: 'auth0|john',
  email: 'john@example.com',
  identities: [{ connection: DATABASE, provider: 'auth0', user_id: 'john', isSocial: false }],
};
const GOOGLE = {
  user_id: 'google-oauth2|42',
  email: 'jane@gmail.example',
  email_verified: true,
  given_name: 'Jane',
  identities: [{ connection: 'google-oauth2', provider: 'google-oauth2', user_id: '42', isSocial: true }],
  user_metadata: { color: 'green', social: true },
  app_metadata: { plan: 'free' },
};
const API = 'https://api.example.com/';
/** The tenant's own Management API, listed first among its APIs (recorded: ruby-auth0 `GET /resource-servers?per_page=1`). */
const MANAGEMENT_API = expect.objectContaining({
  name: 'Auth0 Management API',
  identifier: 'https://tenant.example/api/v2/',
  is_system: true,
});

export function relationsSuite({ createEmulator }: EmulatorModule): void {
  const connections = [
    { name: DATABASE, strategy: 'auth0' },
    { name: 'google-oauth2', strategy: 'google-oauth2' },
  ];
  const fresh = () => {
    const auth0 = createEmulator({
      clients: [CLIENT],
      token: TOKEN,
      users: [JANE, JOHN, GOOGLE],
      connections,
      now: () => NOW,
      domain: 'tenant.example',
    });
    return { auth0, management: sdk((request) => auth0.fetch(request)) };
  };
  const body = async (response: Response) => ({
    status: response.status,
    body: response.status === 204 ? undefined : await response.json(),
  });

  describe('roles', () => {
    it('creates, reads, lists (name_filter, both answers), updates and deletes roles with rol_ ids', async () => {
      const { auth0, management } = fresh();
      const admin = await management.roles.create({ name: 'Admin', description: 'Administrators' });
      // Recorded: terraform-provider-auth0 test/data/recordings/TestAccRole.yaml (2026-08), every role answer with
      // `"type":"tenant"`; a role created without a description answers without one and reads back with `""`.
      expect(admin).toEqual({
        id: expect.stringMatching(/^rol_[A-Za-z0-9]{16}$/),
        name: 'Admin',
        description: 'Administrators',
        type: 'tenant',
      });
      const created = await management.roles.create({ name: 'Editor' });
      expect(created).toEqual({ id: expect.stringMatching(/^rol_[A-Za-z0-9]{16}$/), name: 'Editor', type: 'tenant' });
      const editor = { ...created, description: '' };
      expect(await management.roles.get(editor.id as string)).toEqual(editor);
      expect(await management.roles.get(admin.id as string)).toEqual(admin);
      expect((await management.roles.list({ name_filter: 'ADM' })).data).toEqual([admin]);
      expect(await body(await raw(auth0, 'GET', '/api/v2/roles?per_page=1&page=1&include_totals=true'))).toEqual({
        status: 200,
        body: { roles: [editor], start: 1, limit: 1, total: 2 },
      });
      expect(await body(await raw(auth0, 'GET', '/api/v2/roles'))).toEqual({ status: 200, body: [admin, editor] });
      expect(await body(await raw(auth0, 'GET', '/api/v2/roles?type=tenant'))).toEqual({
        status: 200,
        body: [admin, editor],
      });
      expect(await management.roles.update(editor.id as string, { description: 'Writes' })).toEqual({
        ...editor,
        description: 'Writes',
      });
      await management.roles.delete(editor.id as string);
      const gone = await rejection(management.roles.get(editor.id as string));
      expect(gone).toBeInstanceOf(Management.NotFoundError);
      expect(gone.body).toEqual({ statusCode: 404, error: 'Not Found', message: 'The role does not exist.' });
      expect((await rejection(management.roles.delete(editor.id as string))).statusCode).toBe(404);
    });

    it('answers 501 for organization roles, which need organizations', async () => {
      const { auth0 } = fresh();
      const notEmulated = {
        statusCode: 501,
        error: 'Not Implemented',
        message: 'The emulator does not emulate organization roles (type "organization", owner_id)',
        errorCode: 'not_emulated',
      };
      // The body terraform-provider-auth0 recorded (TestAccRoleOrganizationLevel.yaml, 2026-08: 200 from Auth0).
      const organizationRole = { name: 'Operator', type: 'organization', owner_id: 'org_9LIhThtTjpUtNUWU' };
      for (const [method, path, sent] of [
        ['POST', '/api/v2/roles', JSON.stringify(organizationRole)],
        ['POST', '/api/v2/roles', JSON.stringify({ name: 'Operator', owner_id: 'org_9LIhThtTjpUtNUWU' })],
        ['GET', '/api/v2/roles?type=organization&owner_id=org_9LIhThtTjpUtNUWU', undefined],
        ['GET', '/api/v2/roles?owner_id=org_9LIhThtTjpUtNUWU', undefined],
      ] as const) {
        const options = sent === undefined ? {} : { body: sent };
        expect(await body(await raw(auth0, method, path, options))).toEqual({ status: 501, body: notEmulated });
      }
      expect((await body(await raw(auth0, 'GET', '/api/v2/roles?type=group'))).body).toMatchObject({
        errorCode: 'invalid_query_string',
      });
      expect((await raw(auth0, 'GET', '/api/v2/roles')).status).toBe(200);
    });

    it('refuses a duplicate name (409), a malformed body (400 invalid_body) and an unknown query parameter', async () => {
      const { auth0, management } = fresh();
      const admin = await management.roles.create({ name: 'Admin' });
      const other = await management.roles.create({ name: 'Other' });
      const conflict = { statusCode: 409, error: 'Conflict', message: 'The role already exists.' };
      expect((await rejection(management.roles.create({ name: 'Admin' }))).body).toEqual(conflict);
      expect((await rejection(management.roles.update(other.id as string, { name: 'Admin' }))).body).toEqual(conflict);
      expect(await body(await raw(auth0, 'POST', '/api/v2/roles', { body: '{"description":"x"}' }))).toEqual({
        status: 400,
        body: {
          statusCode: 400,
          error: 'Bad Request',
          message: "Payload validation error: 'Missing required property: name'.",
          errorCode: 'invalid_body',
        },
      });
      expect(
        (await body(await raw(auth0, 'PATCH', `/api/v2/roles/${admin.id}`, { body: '{"name":3}' }))).body,
      ).toMatchObject({
        message:
          "Payload validation error: 'Expected type string but found type integer' on property name (Name of this role.).",
        errorCode: 'invalid_body',
      });
      expect(
        (await body(await raw(auth0, 'POST', '/api/v2/roles', { body: '{"name":"x","color":"red"}' }))).body,
      ).toMatchObject({
        message: "Payload validation error: 'Additional properties not allowed: color'.",
      });
      expect((await body(await raw(auth0, 'GET', '/api/v2/roles?per_page=0'))).body).toMatchObject({
        message:
          "Query validation error: 'Value 0 is less than minimum 1' on property per_page (Number of results per page. Defaults to 50.).",
        errorCode: 'invalid_query_string',
      });
      expect((await rejection(management.roles.update('rol_0000000000000000', { name: 'x' }))).statusCode).toBe(404);
    });

    it('assigns users to a role and lists them with page/per_page and with from/take checkpoints', async () => {
      const { auth0, management } = fresh();
      const role = await management.roles.create({ name: 'Reader' });
      const id = role.id as string;
      await management.roles.users.assign(id, { users: ['auth0|john', 'auth0|jane', 'google-oauth2|42'] });
      const page = await management.roles.users.list(id, { take: 2 });
      expect(page.data).toEqual([
        { user_id: 'auth0|jane', email: 'jane@example.com', name: 'Jane Doe' },
        { user_id: 'auth0|john', email: 'john@example.com' },
      ]);
      expect(page.hasNextPage()).toBe(true);
      expect((await page.getNextPage()).data.map((user) => user.user_id)).toEqual(['google-oauth2|42']);
      const all: string[] = [];
      for await (const user of await management.roles.users.list(id, { take: 1 })) all.push(user.user_id as string);
      expect(all).toEqual(['auth0|jane', 'auth0|john', 'google-oauth2|42']);
      const offset = await body(
        await raw(auth0, 'GET', `/api/v2/roles/${id}/users?page=0&per_page=1&include_totals=true`),
      );
      expect(offset.body).toEqual({
        users: [{ user_id: 'auth0|jane', email: 'jane@example.com', name: 'Jane Doe' }],
        start: 0,
        limit: 1,
        total: 3,
      });
      expect((await body(await raw(auth0, 'GET', `/api/v2/roles/${id}/users?from=bm9wZQ`))).body).toMatchObject({
        errorCode: 'invalid_query_string',
      });
      const missing = await rejection(management.roles.users.assign(id, { users: ['auth0|nobody'] }));
      expect(missing.body).toEqual({
        statusCode: 404,
        error: 'Not Found',
        message: 'One or more of the users do not exist.',
      });
      expect(
        (await rejection(management.roles.users.assign('rol_0000000000000000', { users: ['auth0|jane'] }))).statusCode,
      ).toBe(404);
      expect((await rejection(management.roles.users.list('rol_0000000000000000'))).statusCode).toBe(404);
    });

    it('pages through members whose user_id has 500,000 characters, in both kinds of paging', async () => {
      const { auth0, management } = fresh();
      const long = `auth0|a${'a'.repeat(500_000)}`;
      auth0.reset([JANE, { user_id: long }]);
      const role = await management.roles.create({ name: 'Reader' });
      const id = role.id as string;
      await management.roles.users.assign(id, { users: ['auth0|jane', long] });
      const first = await body(await raw(auth0, 'GET', `/api/v2/roles/${id}/users?take=1`));
      expect(first.status).toBe(200);
      const { users, next } = first.body as { users: { user_id: string }[]; next: string };
      expect(users.map((user) => user.user_id)).toEqual([long]);
      // The checkpoint is base64 of `<assignment time>,<user_id>`, as Auth0's are.
      expect(atob(next)).toBe(`${NOW.toISOString().replace('T', ' ').replace('Z', '000UTC')},${long}`);
      const second = await body(await raw(auth0, 'GET', `/api/v2/roles/${id}/users?take=1&from=${next}`));
      expect(second.body).toEqual({ users: [{ user_id: 'auth0|jane', email: 'jane@example.com', name: 'Jane Doe' }] });
      const offset = await body(await raw(auth0, 'GET', `/api/v2/roles/${id}/users?per_page=1&include_totals=true`));
      expect(offset.body).toEqual({ users: [{ user_id: long }], start: 0, limit: 1, total: 2 });
    });

    it('assigns, lists and removes a user’s roles; refuses a missing user or role', async () => {
      const { management } = fresh();
      const owner = await management.roles.create({ name: 'Owner' });
      const admin = await management.roles.create({ name: 'Admin' });
      await management.users.roles.assign('auth0|jane', { roles: [owner.id as string, admin.id as string] });
      // A user's roles as recorded up to 2025: `{ id, name, description }` with what each was given.
      const held = (role: typeof owner) => ({ id: role.id, name: role.name });
      expect((await management.users.roles.list('auth0|jane')).data).toEqual([held(admin), held(owner)]);
      await management.users.roles.delete('auth0|jane', { roles: [owner.id as string] });
      expect((await management.users.roles.list('auth0|jane')).data).toEqual([held(admin)]);
      const noUser = await rejection(management.users.roles.list('auth0|nobody'));
      expect(noUser.body).toEqual({
        statusCode: 404,
        error: 'Not Found',
        message: 'The user does not exist.',
        errorCode: 'inexistent_user',
      });
      expect(
        (await rejection(management.users.roles.assign('auth0|jane', { roles: ['rol_0000000000000000'] }))).body,
      ).toEqual({
        statusCode: 404,
        error: 'Not Found',
        message: 'One or more of the roles do not exist.',
      });
      expect((await rejection(management.users.roles.assign('auth0|jane', { roles: [] }))).body).toMatchObject({
        message:
          "Payload validation error: 'Array is too short (0), minimum 1' on property roles (List of roles IDs to associated with the user.).",
      });
    });

    it('takes a deleted user out of its roles and drops its direct permissions', async () => {
      const { auth0, management } = fresh();
      await management.resourceServers.create({ identifier: API, name: 'API', scopes: [{ value: 'read:things' }] });
      const role = await management.roles.create({ name: 'Reader' });
      await management.users.roles.assign('auth0|john', { roles: [role.id as string] });
      await management.users.permissions.create('auth0|john', {
        permissions: [{ resource_server_identifier: API, permission_name: 'read:things' }],
      });
      await management.users.delete('auth0|john');
      expect((await management.roles.users.list(role.id as string)).data).toEqual([]);
      auth0.reset([JOHN]);
      const again = await management.roles.create({ name: 'Reader' });
      expect(again.id).not.toBe(role.id);
      expect((await management.users.permissions.list('auth0|john')).data).toEqual([]);
    });
  });

  describe('resource servers and permissions', () => {
    const readThings = { resource_server_identifier: API, permission_name: 'read:things' };
    const writeThings = { resource_server_identifier: API, permission_name: 'write:things' };
    const setUp = async () => {
      const tenant = fresh();
      const server = await tenant.management.resourceServers.create({
        identifier: API,
        name: 'Things API',
        scopes: [{ value: 'read:things', description: 'Read things' }, { value: 'write:things' }],
      });
      return { ...tenant, server };
    };

    it('creates, reads (by id or identifier), lists and deletes APIs', async () => {
      const { auth0, management, server } = await setUp();
      expect(server).toEqual({
        id: expect.stringMatching(/^[0-9a-f]{24}$/),
        name: 'Things API',
        identifier: API,
        allow_offline_access: false,
        skip_consent_for_verifiable_first_party_clients: false,
        // Recorded from August 2025 on (terraform-provider-auth0 TestAccClientGrant_DefaultFor.yaml).
        subject_type_authorization: { user: { policy: 'allow_all' }, client: { policy: 'require_client_grant' } },
        token_lifetime: 86400,
        token_lifetime_for_web: 7200,
        signing_alg: 'RS256',
        scopes: [{ value: 'read:things', description: 'Read things' }, { value: 'write:things' }],
      });
      expect(await management.resourceServers.get(API)).toEqual(server);
      expect((await management.resourceServers.list()).data).toEqual([MANAGEMENT_API, server]);
      expect((await rejection(management.resourceServers.create({ identifier: API }))).statusCode).toBe(409);
      await management.resourceServers.delete(server.id as string);
      expect((await rejection(management.resourceServers.get(server.id as string))).body).toEqual({
        statusCode: 404,
        error: 'Not Found',
        message: 'The resource server does not exist',
        errorCode: 'inexistent_resource_server',
      });
      expect((await raw(auth0, 'DELETE', `/api/v2/resource-servers/${server.id}`)).status).toBe(204);
    });

    it('takes what Auth0 records on create, and filters the list by identifiers', async () => {
      const { auth0, management, server } = await setUp();
      // Recorded: terraform-provider-auth0 test/data/recordings/TestAccClientGrant.yaml, POST /api/v2/resource-servers.
      const recorded = {
        name: 'Acceptance Test - Client Grant - TestAccClientGrant',
        identifier: 'https://uat.tf.terraform-provider-auth0.com/client-grant/TestAccClientGrant',
        authorization_details: [{ type: 'payment' }, { type: 'shipping' }],
        subject_type_authorization: { user: { policy: 'allow_all' }, client: { policy: 'require_client_grant' } },
      };
      const created = await raw(auth0, 'POST', '/api/v2/resource-servers', { body: JSON.stringify(recorded) });
      expect(await body(created)).toEqual({
        status: 201,
        body: {
          id: expect.stringMatching(/^[0-9a-f]{24}$/),
          name: 'Acceptance Test - Client Grant - TestAccClientGrant',
          identifier: 'https://uat.tf.terraform-provider-auth0.com/client-grant/TestAccClientGrant',
          allow_offline_access: false,
          skip_consent_for_verifiable_first_party_clients: false,
          subject_type_authorization: { user: { policy: 'allow_all' }, client: { policy: 'require_client_grant' } },
          token_lifetime: 86400,
          token_lifetime_for_web: 7200,
          signing_alg: 'RS256',
          authorization_details: [{ type: 'payment' }, { type: 'shipping' }],
        },
      });
      // Recorded too (TestAccDataSourceResourceServer.yaml): token_lifetime_for_web, which the OAS lists only in answers.
      const web = await management.resourceServers.create({
        identifier: 'https://web.example/',
        token_lifetime: 7200,
        token_lifetime_for_web: 3600,
      } as never);
      expect(web).toMatchObject({ token_lifetime: 7200, token_lifetime_for_web: 3600 });
      expect(
        (await body(await raw(auth0, 'POST', '/api/v2/resource-servers', { body: '{"identifier":"x","name":"<b>"}' })))
          .body,
      ).toEqual({
        statusCode: 400,
        error: 'Bad Request',
        message:
          "Payload validation error: 'String does not match pattern ^[^<>]+$: <b>' on property name (Friendly name for this resource server. Can not contain `<` or `>` characters.).",
        errorCode: 'invalid_body',
      });
      // Recorded: go-auth0 test/data/recordings/TestResourceServer_List.yaml (fields, which the OAS does not list).
      const projected = await raw(
        auth0,
        'GET',
        `/api/v2/resource-servers?fields=id%2Cidentifier&identifiers=${encodeURIComponent(API)}&include_fields=true&include_totals=true&per_page=50`,
      );
      expect(await body(projected)).toEqual({
        status: 200,
        body: { total: 1, start: 0, limit: 50, resource_servers: [{ id: server.id, identifier: API }] },
      });
      const listed = await management.resourceServers.list({ identifiers: [API, 'https://web.example/'] });
      expect(listed.data.map((api) => api.identifier)).toEqual([API, 'https://web.example/']);
      expect((await management.resourceServers.list({ identifiers: [API] })).data).toEqual([server]);
    });

    it('grants permissions to roles and users; a user’s are direct and through roles, with sources', async () => {
      const { auth0, management } = await setUp();
      const role = await management.roles.create({ name: 'Reader' });
      await management.roles.permissions.add(role.id as string, { permissions: [readThings] });
      expect((await management.roles.permissions.list(role.id as string)).data).toEqual([
        {
          permission_name: 'read:things',
          description: 'Read things',
          resource_server_name: 'Things API',
          resource_server_identifier: API,
        },
      ]);
      await management.users.roles.assign('auth0|jane', { roles: [role.id as string] });
      await management.users.permissions.create('auth0|jane', { permissions: [readThings, writeThings] });
      const response = await body(
        await raw(auth0, 'GET', '/api/v2/users/auth0%7Cjane/permissions?include_totals=true'),
      );
      expect(response.body).toEqual({
        permissions: [
          {
            permission_name: 'read:things',
            description: 'Read things',
            resource_server_name: 'Things API',
            resource_server_identifier: API,
            sources: [
              { source_id: '', source_name: '', source_type: 'DIRECT' },
              { source_id: role.id, source_name: 'Reader', source_type: 'ROLE' },
            ],
          },
          {
            permission_name: 'write:things',
            description: '',
            resource_server_name: 'Things API',
            resource_server_identifier: API,
            sources: [{ source_id: '', source_name: '', source_type: 'DIRECT' }],
          },
        ],
        start: 0,
        limit: 50,
        total: 2,
      });
      await management.users.permissions.delete('auth0|jane', { permissions: [readThings, writeThings] });
      await management.roles.permissions.delete(role.id as string, { permissions: [readThings] });
      expect((await management.users.permissions.list('auth0|jane')).data).toEqual([]);
    });

    it('refuses a permission no API defines, a missing role or user, and an empty list', async () => {
      const { management } = await setUp();
      const role = await management.roles.create({ name: 'Reader' });
      const undefinedScope = { resource_server_identifier: API, permission_name: 'delete:things' };
      expect(
        (await rejection(management.users.permissions.create('auth0|jane', { permissions: [undefinedScope] }))).body,
      ).toEqual({
        statusCode: 404,
        error: 'Not Found',
        message: `This permission does not exist: '${API} - delete:things'`,
        errorCode: 'inexistent_resource_server_permission',
      });
      const otherApi = { resource_server_identifier: 'https://other.example/', permission_name: 'read:things' };
      expect(
        (await rejection(management.roles.permissions.add(role.id as string, { permissions: [otherApi] }))).statusCode,
      ).toBe(404);
      expect(
        (await rejection(management.roles.permissions.add('rol_0000000000000000', { permissions: [readThings] }))).body,
      ).toMatchObject({ message: 'The role does not exist.' });
      expect((await rejection(management.users.permissions.list('auth0|nobody'))).body).toMatchObject({
        errorCode: 'inexistent_user',
      });
      expect(
        (await rejection(management.users.permissions.create('auth0|jane', { permissions: [] }))).body,
      ).toMatchObject({
        message:
          "Payload validation error: 'Array is too short (0), minimum 1' on property permissions (List of permissions to add to this user.).",
      });
      expect(
        (
          await rejection(
            management.roles.permissions.add(role.id as string, {
              permissions: [{ resource_server_identifier: API } as never],
            }),
          )
        ).body,
      ).toMatchObject({
        message:
          "Payload validation error: 'Missing required property: permission_name' on property permissions[0] (array of resource_server_identifier, permission_name pairs.).",
        errorCode: 'invalid_body',
      });
    });
  });

  describe('account linking', () => {
    it('links a second user into a database user, and unlinking makes it a user of its own again', async () => {
      const { auth0, management } = fresh();
      const role = await management.roles.create({ name: 'Social' });
      await management.users.roles.assign('google-oauth2|42', { roles: [role.id as string] });
      const identities = await management.users.identities.link('auth0|jane', {
        provider: 'google-oauth2',
        user_id: '42',
      });
      expect(identities).toEqual([
        {
          profileData: { name: 'Jane Doe', email: 'jane@example.com', email_verified: true },
          connection: DATABASE,
          provider: 'auth0',
          user_id: 'jane',
          isSocial: false,
        },
        {
          profileData: { email: 'jane@gmail.example', given_name: 'Jane', email_verified: true },
          connection: 'google-oauth2',
          provider: 'google-oauth2',
          user_id: '42',
          isSocial: true,
        },
      ]);
      // The secondary user is gone (and out of its roles); the primary's metadata is unchanged, not merged.
      expect(auth0.users.has('google-oauth2|42')).toBe(false);
      expect((await rejection(management.users.get('google-oauth2|42'))).statusCode).toBe(404);
      expect((await management.roles.users.list(role.id as string)).data).toEqual([]);
      const linked = await management.users.get('auth0|jane');
      expect(linked.user_metadata).toEqual({ color: 'pink' });
      expect(linked.app_metadata).toEqual({ plan: 'pro' });
      expect(linked.identities?.map((identity) => identity.user_id)).toEqual(['jane', '42']);

      const remaining = await management.users.identities.delete('auth0|jane', 'google-oauth2', '42');
      expect(remaining).toEqual([identities[0]]);
      const again = await management.users.get('google-oauth2|42');
      expect(again).toEqual({
        email: 'jane@gmail.example',
        given_name: 'Jane',
        email_verified: true,
        created_at: NOW.toISOString(),
        updated_at: NOW.toISOString(),
        identities: [{ connection: 'google-oauth2', provider: 'google-oauth2', user_id: '42', isSocial: true }],
        user_id: 'google-oauth2|42',
      });
      expect((await management.users.get('auth0|jane')).identities).toEqual(JANE.identities);
    });

    it('accepts a full user_id, and refuses linking to itself, a missing user, twice, and link_with', async () => {
      const { auth0, management } = fresh();
      expect(
        (await management.users.identities.link('auth0|jane', { provider: 'auth0', user_id: 'auth0|john' })).map(
          (identity) => identity.user_id,
        ),
      ).toEqual(['jane', 'john']);
      expect(
        (await rejection(management.users.identities.link('auth0|jane', { provider: 'auth0', user_id: 'jane' }))).body,
      ).toEqual({
        statusCode: 400,
        error: 'Bad Request',
        message: 'Main identity and the new one are the same.',
      });
      expect(
        (await rejection(management.users.identities.link('auth0|jane', { provider: 'auth0', user_id: 'john' }))).body,
      ).toEqual({
        statusCode: 409,
        error: 'Conflict',
        message: 'Specified identity already exists.',
      });
      expect(
        (await rejection(management.users.identities.link('auth0|jane', { provider: 'google-oauth2', user_id: '7' })))
          .body,
      ).toEqual({
        statusCode: 400,
        error: 'Bad Request',
        message: 'Provided secondary account not found.',
      });
      expect(
        (
          await rejection(
            management.users.identities.link('auth0|nobody', { provider: 'google-oauth2', user_id: '42' }),
          )
        ).statusCode,
      ).toBe(404);
      const linkWith = await rejection(management.users.identities.link('auth0|jane', { link_with: 'eyJ...' }));
      expect(linkWith.statusCode).toBe(501);
      expect(linkWith.body).toMatchObject({ errorCode: 'not_emulated' });
      expect((await rejection(management.users.identities.delete('auth0|jane', 'auth0', 'jane'))).body).toEqual({
        statusCode: 400,
        error: 'Bad Request',
        message: 'Main identity cannot be removed.',
      });
      // An identity the user does not have: 200 and the identities unchanged (as a recording shows).
      expect(
        (await management.users.identities.delete('auth0|jane', 'github', '1')).map((identity) => identity.user_id),
      ).toEqual(['jane', 'john']);
      expect(
        (await body(await raw(auth0, 'DELETE', '/api/v2/users/auth0%7Cjane/identities/nope/1'))).body,
      ).toMatchObject({ errorCode: 'invalid_uri' });
    });

    it('answers 501 to a PATCH whose connection names a linked identity, and changes nothing', async () => {
      // Auth0's OAS: `connection` is the connection the user is "updated in"; a linked identity's is not emulated.
      const { auth0, management } = fresh();
      await management.users.identities.link('auth0|jane', { provider: 'google-oauth2', user_id: '42' });
      const before = auth0.users.get('auth0|jane');
      const refused = await rejection(
        management.users.update('auth0|jane', { email: 'new@example.com', connection: 'google-oauth2' }),
      );
      expect(refused.statusCode).toBe(501);
      expect(refused.body).toMatchObject({ errorCode: 'not_emulated' });
      expect(auth0.users.get('auth0|jane')).toBe(before);
      // The primary identity's own connection is what the emulator updates.
      const updated = await management.users.update('auth0|jane', {
        nickname: 'J',
        connection: 'Username-Password-Authentication',
      });
      expect(updated.nickname).toBe('J');
    });

    it('keeps a linked identity’s id, email and username taken in its connection, until its primary is deleted', async () => {
      const { auth0, management } = fresh();
      await management.users.identities.link('auth0|jane', { provider: 'auth0', user_id: 'john' });
      const exists = {
        statusCode: 409,
        error: 'Conflict',
        message: 'The user already exists.',
        errorCode: 'auth0_idp_error',
      };
      const create = (extra: Record<string, string>) =>
        rejection(
          management.users.create({
            connection: DATABASE,
            password: 'Sturdy-Pass-2026',
            email: 'new@example.com',
            ...extra,
          }),
        );
      // "the secondary user account isn't deleted": its id and its email stay taken in the connection.
      expect((await create({ email: 'JOHN@example.com' })).body).toEqual(exists);
      expect((await create({ user_id: 'john' })).body).toEqual(exists);
      const other = await management.users.create({
        connection: DATABASE,
        password: 'Sturdy-Pass-2026',
        email: 'other@example.com',
      });
      expect(
        (await rejection(management.users.update(other.user_id as string, { email: 'john@example.com' }))).body,
      ).toEqual({
        statusCode: 400,
        error: 'Bad Request',
        message: 'The specified new email already exists',
        errorCode: 'auth0_idp_error',
      });
      // The primary cannot take its own linked identity's email either: the connection would hold it twice.
      expect((await rejection(management.users.update('auth0|jane', { email: 'john@example.com' }))).statusCode).toBe(
        400,
      );
      expect([...auth0.users.keys()]).toEqual(['auth0|jane', 'google-oauth2|42', other.user_id]);
      // Deleting the primary deletes its linked identities: their id and email are free again.
      await management.users.delete('auth0|jane');
      const john = await management.users.create({
        connection: DATABASE,
        password: 'Sturdy-Pass-2026',
        email: 'john@example.com',
        user_id: 'john',
      });
      expect(john.user_id).toBe('auth0|john');
    });

    it('refuses to link an identity linked elsewhere, and a user without identities, changing nothing', async () => {
      const { auth0, management } = fresh();
      auth0.reset([JANE, JOHN, GOOGLE, { user_id: 'auth0|bare', email: 'bare@example.com' }]);
      await management.users.identities.link('auth0|jane', { provider: 'auth0', user_id: 'john' });
      const before = [...auth0.users.values()];
      const notFound = { statusCode: 400, error: 'Bad Request', message: 'Provided secondary account not found.' };
      expect(
        (await rejection(management.users.identities.link('google-oauth2|42', { provider: 'auth0', user_id: 'john' })))
          .body,
      ).toEqual(notFound);
      const unable = { statusCode: 400, error: 'Bad Request', message: 'Unable to link with the secondary account.' };
      expect(
        (await rejection(management.users.identities.link('google-oauth2|42', { provider: 'auth0', user_id: 'bare' })))
          .body,
      ).toEqual(unable);
      expect(
        (await rejection(management.users.identities.link('auth0|bare', { provider: 'google-oauth2', user_id: '42' })))
          .body,
      ).toEqual(unable);
      expect([...auth0.users.values()]).toEqual(before);
    });

    it('refuses seeded users that would share an account: a linked identity that is also a user, an email twice', () => {
      const linkedJohn = {
        ...JANE,
        identities: [...JANE.identities, { ...JOHN.identities[0], profileData: { email: 'john@example.com' } }],
      };
      const seed = (users: object[]) => () => createEmulator({ token: TOKEN, users: users as never, connections });
      expect(seed([linkedJohn, JOHN])).toThrow(
        new TypeError(
          'createEmulator: options.users[1] (auth0|john): its user_id or a linked identity is another user’s account too',
        ),
      );
      expect(seed([JANE, { ...JOHN, email: 'Jane@Example.com' }])).toThrow(
        new TypeError(
          'createEmulator: options.users[1] (auth0|john): its email is another account’s in the same connection',
        ),
      );
      // Another connection may hold the same email.
      expect(seed([JANE, { ...GOOGLE, email: 'jane@example.com' }])).not.toThrow();
      // A user_id that is not its primary identity's provider|user_id would let that identity be a second user's.
      expect(seed([{ ...JANE, user_id: 'auth0|x' }])).toThrow(
        new TypeError(
          "createEmulator: options.users[0] (auth0|x): user_id must be its first identity's provider|user_id, auth0|jane",
        ),
      );
    });

    it('checks the link body and the unlinked provider against the OAS, in Auth0’s words', async () => {
      const { auth0 } = fresh();
      const link = async (text: string) =>
        (await body(await raw(auth0, 'POST', '/api/v2/users/auth0%7Cjane/identities', { body: text }))).body;
      expect(await link('{}')).toEqual({
        statusCode: 400,
        error: 'Bad Request',
        message: "Payload validation error: 'Too few properties defined (0), minimum 1'.",
        errorCode: 'invalid_body',
      });
      const description = 'user_id of the secondary user account being linked.';
      expect(await link('{"provider":"auth0","user_id":true}')).toMatchObject({
        message: `Payload validation error: 'None of the valid schemas were met' on property user_id (${description}). Inner errors: [ Payload validation error: 'Expected type string but found type boolean' on property user_id (${description}). (also) Payload validation error: 'Expected type integer but found type boolean' on property user_id (${description}). ].`,
        errorCode: 'invalid_body',
      });
      expect(await link('{"provider":"myspace","user_id":"1"}')).toMatchObject({
        message:
          'Payload validation error: \'No enum match for: "myspace"\' on property provider (Identity provider of the secondary user account being linked.).',
      });
      const unlink = await raw(auth0, 'DELETE', '/api/v2/users/auth0%7Cjane/identities/nope/1');
      expect(await body(unlink)).toEqual({
        status: 400,
        body: {
          statusCode: 400,
          error: 'Bad Request',
          message:
            'Path validation error: \'No enum match for: "nope"\' on property provider (Identity provider name of the secondary linked account (e.g. `google-oauth2`).).',
          errorCode: 'invalid_uri',
        },
      });
      expect(auth0.users.get('auth0|jane')?.identities).toEqual(JANE.identities);
    });
  });

  describe('verification emails, tickets and the outbox', () => {
    it('creates a verification-email job, reads it back, and puts the email in the outbox', async () => {
      const { auth0, management } = fresh();
      const job = await management.jobs.verificationEmail.create({ user_id: 'auth0|jane' });
      expect(job).toEqual({
        type: 'verification_email',
        status: 'pending',
        created_at: NOW.toISOString(),
        id: expect.stringMatching(/^job_[A-Za-z0-9]{16}$/),
      });
      expect(await management.jobs.get(job.id)).toEqual({ ...job, status: 'completed' });
      expect(auth0.outbox).toEqual([
        { type: 'verification_email', user_id: 'auth0|jane', email: 'jane@example.com', created_at: NOW.toISOString() },
      ]);
      expect(Object.isFrozen(auth0.outbox) && Object.isFrozen(auth0.outbox[0])).toBe(true);
      expect((await rejection(management.jobs.get('job_0000000000000000'))).body).toEqual({
        statusCode: 404,
        error: 'Not Found',
        message: 'The job does not exist.',
        errorCode: 'inexistent_job',
      });
      expect((await rejection(management.jobs.verificationEmail.create({ user_id: 'auth0|nobody' }))).statusCode).toBe(
        404,
      );
      expect(
        (await rejection(management.jobs.verificationEmail.create({ user_id: 'google-oauth2|42' }))).body,
      ).toMatchObject({ message: 'Connection must be a database connection.' });
      expect(
        (await rejection(management.jobs.verificationEmail.create({ user_id: 'auth0|jane', organization_id: 'org_1' })))
          .statusCode,
      ).toBe(400);
      expect(auth0.outbox).toHaveLength(1);
    });

    it('refuses the malformed client_id Auth0 refused in a recording, and ids that cannot be ids', async () => {
      const { auth0, management } = fresh();
      // Recorded: ruby-auth0 spec/fixtures/vcr_cassettes/Auth0_Api_V2_Jobs/_send_verification_email_and_get_job/
      // should_reject_an_invalid_client_id.yml (2021; its description then lacked the final period the OAS has now).
      const error = await rejection(
        management.jobs.verificationEmail.create({ user_id: 'auth0|jane', client_id: '#<Random:0x00007fd199de72c8>' }),
      );
      expect(error).toBeInstanceOf(Management.BadRequestError);
      expect(error.body).toEqual({
        statusCode: 400,
        error: 'Bad Request',
        message:
          "Payload validation error: 'Object didn't pass validation for format client-id: #<Random:0x00007fd199de72c8>' on property client_id (client_id of the client (application). If no value provided, the global Client ID will be used.).",
        errorCode: 'invalid_body',
      });
      expect((await rejection(management.tickets.verifyEmail({ user_id: '' }))).body).toMatchObject({
        message:
          "Payload validation error: 'Object didn't pass validation for format user-id: ' on property user_id (user_id of for whom the ticket should be created.).",
      });
      expect(auth0.outbox).toEqual([]);
    });

    it('issues password-change and email-verification tickets as URLs, into the outbox', async () => {
      const { auth0, management } = fresh();
      const reset = await management.tickets.changePassword({
        user_id: 'auth0|jane',
        result_url: 'https://app.example/done',
      });
      expect(reset.ticket).toMatch(/^https:\/\/tenant\.example\/u\/reset-password\?ticket=[A-Za-z0-9]{32}#$/);
      const byEmail = await management.tickets.changePassword({ email: 'john@example.com' });
      const verify = await management.tickets.verifyEmail({ user_id: 'google-oauth2|42' });
      expect(verify.ticket).toMatch(/^https:\/\/tenant\.example\/u\/email-verification\?ticket=[A-Za-z0-9]{32}#$/);
      expect(auth0.outbox).toEqual([
        {
          type: 'password_change',
          user_id: 'auth0|jane',
          email: 'jane@example.com',
          ticket: reset.ticket,
          created_at: NOW.toISOString(),
        },
        {
          type: 'password_change',
          user_id: 'auth0|john',
          email: 'john@example.com',
          ticket: byEmail.ticket,
          created_at: NOW.toISOString(),
        },
        {
          type: 'email_verification',
          user_id: 'google-oauth2|42',
          email: 'jane@gmail.example',
          ticket: verify.ticket,
          created_at: NOW.toISOString(),
        },
      ]);
      expect((await rejection(management.tickets.changePassword({ user_id: 'google-oauth2|42' }))).body).toMatchObject({
        message: "The user's main connection does not support this operation.",
      });
      expect((await rejection(management.tickets.verifyEmail({ user_id: 'auth0|nobody' }))).statusCode).toBe(404);
      expect((await rejection(management.tickets.verifyEmail({} as never))).body).toMatchObject({
        message: "Payload validation error: 'Missing required property: user_id'.",
      });
    });

    it('an app’s test: assign a role, send a verification email, assert on the outbox', async () => {
      const { auth0, management } = fresh();
      const { user_id } = await management.users.create({
        connection: DATABASE,
        email: 'new@example.com',
        password: 'Sturdy-Pass-2026',
      });
      const role = await management.roles.create({ name: 'member' });
      await management.users.roles.assign(user_id as string, { roles: [role.id as string] });
      await management.jobs.verificationEmail.create({ user_id: user_id as string });
      expect((await management.users.roles.list(user_id as string)).data.map((held) => held.name)).toEqual(['member']);
      // One verification email on create (neither verify_email nor email_verified), one from the job.
      expect(auth0.outbox.map(({ type, email }) => ({ type, email }))).toEqual([
        { type: 'verification_email', email: 'new@example.com' },
        { type: 'verification_email', email: 'new@example.com' },
      ]);
    });
  });

  describe('scopes and reset', () => {
    it('answers 403 to a client without the route’s scopes', async () => {
      const { auth0 } = fresh();
      const token = await tokenFor(auth0, 'read:users');
      const response = await raw(auth0, 'GET', '/api/v2/roles', { headers: { authorization: `Bearer ${token}` } });
      expect(await body(response)).toEqual({
        status: 403,
        body: {
          statusCode: 403,
          error: 'Forbidden',
          message: 'Insufficient scope, expected any of: read:roles',
          errorCode: 'insufficient_scope',
        },
      });
      const tickets = await raw(auth0, 'POST', '/api/v2/tickets/password-change', {
        headers: { authorization: `Bearer ${token}` },
        body: '{"user_id":"auth0|jane"}',
      });
      expect((await body(tickets)).body).toMatchObject({
        message: 'Insufficient scope, expected any of: create:user_tickets',
      });
      const members = await raw(auth0, 'GET', '/api/v2/roles/rol_0000000000000000/users', {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(members.status).toBe(404);
      expect(auth0.outbox).toEqual([]);
    });

    it('reset() empties roles, APIs, permissions, jobs and the outbox', async () => {
      const { auth0, management } = fresh();
      await management.resourceServers.create({ identifier: API, scopes: [{ value: 'read:things' }] });
      const role = await management.roles.create({ name: 'Reader' });
      await management.users.roles.assign('auth0|jane', { roles: [role.id as string] });
      const job = await management.jobs.verificationEmail.create({ user_id: 'auth0|jane' });
      auth0.reset([JANE]);
      expect(auth0.outbox).toEqual([]);
      expect((await management.roles.list()).data).toEqual([]);
      expect((await management.resourceServers.list()).data).toEqual([MANAGEMENT_API]);
      expect((await management.users.roles.list('auth0|jane')).data).toEqual([]);
      expect((await rejection(management.jobs.get(job.id))).statusCode).toBe(404);
    });
  });
}
