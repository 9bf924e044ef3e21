import { applyPatch } from '../apply-patch.js';
import { inexistentUserError, PatchError } from '../patch-error.js';
import type { Auth0User } from '../types.js';
import { createUser } from './create-user.js';
import { deepFreeze } from './deep-freeze.js';
import { listen, type EmulatorServer, type ListenOptions } from './listen.js';
import { listUsers } from './list-users.js';
import { readJsonBody } from './read-body.js';
import {
  errorResponse,
  jsonResponse,
  methodNotAllowed,
  notFound,
  unauthorized,
  userExists,
} from './responses.js';

/**
 * Options of {@link createEmulator}.
 *
 * @example
 * const options: EmulatorOptions = { token: 'test-token', users: [{ user_id: 'auth0|1', email: 'jane@example.com' }] };
 */
export type EmulatorOptions = {
  /** The bearer token every request must carry. */
  token: string;
  /** The users the store starts with; each needs a `user_id`. */
  users?: readonly Auth0User[];
  /** The clock, for `created_at` and `updated_at`. Defaults to the system clock. */
  now?: () => Date;
  /** The largest request body accepted, in bytes; larger ones get a 413. Defaults to 1 MB (1,048,576). */
  bodyLimit?: number;
};

/**
 * An emulated Auth0 tenant's users endpoints of the Management API v2.
 *
 * @example
 * const auth0 = createEmulator({ token: 'test-token' });
 * const response = await auth0.fetch(new Request('https://tenant.example/api/v2/users', { headers: { authorization: 'Bearer test-token' } }));
 */
export type Emulator = {
  /** Answers one request as the Management API would: plugs into MSW, Hono, Bun, Deno or a service worker. */
  fetch(request: Request): Promise<Response>;
  /** Serves {@link Emulator.fetch} over HTTP with `node:http`. */
  listen(options?: ListenOptions): Promise<EmulatorServer>;
  /** The stored users by `user_id`, frozen, for assertions in tests. */
  readonly users: ReadonlyMap<string, Auth0User>;
};

const USERS_PATH = /^\/api\/v2\/users\/?$/;
const USER_PATH = /^\/api\/v2\/users\/([^/]+)\/?$/;
const DEFAULT_BODY_LIMIT = 1024 * 1024;

/**
 * Creates an emulator of Auth0's users endpoints under `/api/v2` that the official SDK can talk to:
 * `POST /users`, `GET /users`, `GET /users/{id}`, `PATCH /users/{id}` (through {@link applyPatch}, so every
 * rule of this library applies) and `DELETE /users/{id}`, with Auth0's status codes and error bodies. Each request
 * is atomic: a refused one changes nothing, and concurrent PATCHes of one user never lose an update.
 *
 * @example
 * const auth0 = createEmulator({ token: 'test-token', now: () => new Date('2026-01-01T00:00:00.000Z') });
 * const management = new ManagementClient({ domain: 'tenant.example', token: 'test-token', fetch: (url, init) => auth0.fetch(new Request(url, init)) });
 * await management.users.update('auth0|1', { user_metadata: { color: 'pink' } });
 */
export function createEmulator(options: EmulatorOptions): Emulator {
  const { token, now = () => new Date(), bodyLimit = DEFAULT_BODY_LIMIT } = options;
  if (typeof token !== 'string' || token === '') throw new TypeError('createEmulator: options.token must be a non-empty string');
  const users = new Map<string, Auth0User>();
  for (const user of options.users ?? []) {
    if (typeof user.user_id !== 'string') throw new TypeError('createEmulator: every user in options.users needs a user_id');
    users.set(user.user_id, deepFreeze(structuredClone(user)));
  }

  async function route(request: Request): Promise<Response> {
    const { pathname, searchParams } = new URL(request.url);
    const many = USERS_PATH.test(pathname);
    const one = USER_PATH.exec(pathname);
    if (!many && one === null) return notFound();
    const authorization = request.headers.get('authorization');
    if (authorization === null || !/^Bearer\s/i.test(authorization)) return unauthorized(false);
    if (authorization.replace(/^Bearer\s+/i, '') !== token) return unauthorized(true);
    if (many) {
      if (request.method === 'GET') return listUsers([...users.values()], searchParams);
      if (request.method === 'POST') return create(request);
      return methodNotAllowed(['GET', 'POST']);
    }
    const id = decodeId(one?.[1] ?? '');
    if (id === undefined) return errorResponse(inexistentUserError());
    switch (request.method) {
      case 'GET':
        return read(id);
      case 'PATCH':
        return update(id, request);
      case 'DELETE':
        users.delete(id);
        return new Response(null, { status: 204 });
      default:
        return methodNotAllowed(['GET', 'PATCH', 'DELETE']);
    }
  }

  async function create(request: Request): Promise<Response> {
    const body = await readJsonBody(request, bodyLimit);
    if (body instanceof Response) return body;
    // From here on nothing awaits, so the check for an existing user and the insert are one atomic step.
    const user = attempt(() => createUser(body, now()));
    if (user instanceof Response) return user;
    if (users.has(user.user_id as string) || emailTaken(user)) return userExists();
    users.set(user.user_id as string, deepFreeze(user));
    return jsonResponse(201, user);
  }

  function read(id: string): Response {
    const user = users.get(id);
    return user === undefined ? errorResponse(inexistentUserError()) : jsonResponse(200, user);
  }

  async function update(id: string, request: Request): Promise<Response> {
    const body = await readJsonBody(request, bodyLimit);
    if (body instanceof Response) return body;
    // Read, patch and write without awaiting in between: concurrent PATCHes of one user cannot lose an update.
    const updated = attempt(() => applyPatch(users.get(id), body as never, { now: now() }));
    if (updated instanceof Response) return updated;
    users.set(id, deepFreeze(updated));
    return jsonResponse(200, updated);
  }

  function emailTaken(candidate: Auth0User): boolean {
    const email = candidate.email?.toLowerCase();
    const connection = candidate.identities?.[0]?.connection;
    if (email === undefined) return false;
    for (const user of users.values()) {
      if (user.email?.toLowerCase() === email && user.identities?.[0]?.connection === connection) return true;
    }
    return false;
  }

  const emulator: Emulator = {
    async fetch(request) {
      try {
        return await route(request);
      } catch (error) {
        return jsonResponse(500, { statusCode: 500, error: 'Internal Server Error', message: (error as Error).message });
      }
    },
    listen: (listenOptions) => listen(emulator.fetch, listenOptions),
    users,
  };
  return emulator;
}

/** Runs a step that may be refused, turning Auth0's refusal into its response. */
function attempt<T>(step: () => T): T | Response {
  try {
    return step();
  } catch (error) {
    if (error instanceof PatchError) return errorResponse(error);
    throw error;
  }
}

function decodeId(encoded: string): string | undefined {
  try {
    return decodeURIComponent(encoded);
  } catch {
    return undefined;
  }
}
