/**
 * The test-control routes, under `/emulator/v1/`, a path Auth0 never uses: reset the tenant, export and import its
 * state, read the outbox, over HTTP, for a test suite in any language. They need the fixed token or a token that
 * holds every scope of the Management API, and are not part of it: no rate limit, not in its route catalogue.
 */
import type { Grant } from '../auth/authenticate.js';
import type { EmulatorRequest, EmulatorResponse } from '../http/exchange.js';
import { Refusal } from '../http/refusal.js';
import { apiError, invalidJson, json, notFound } from '../http/responses.js';
import type { OutboxMessage } from '../jobs/outbox.js';
import type { ExportedState } from '../state/export-state.js';

/** What the routes do to the tenant, and how they check a request's token. */
export type TestControl = {
  readonly authenticate: (request: EmulatorRequest) => Promise<Grant | EmulatorResponse>;
  /** Every scope of the Management API: a token needs them all. */
  readonly allScopes: readonly string[];
  /** The body as text, or a {@link Refusal} (413, not UTF-8). */
  readonly readText: (request: EmulatorRequest) => Promise<string>;
  readonly reset: () => void;
  /** Loads a state (checked: a `TypeError` that names the path of its first fault). */
  readonly importState: (state: unknown) => Promise<void>;
  readonly exportState: () => Promise<ExportedState>;
  readonly outbox: () => readonly OutboxMessage[];
};

type Handler = (request: EmulatorRequest, control: TestControl) => Promise<EmulatorResponse>;

const ROUTES: Readonly<Record<string, Readonly<Record<string, Handler>>>> = {
  '/emulator/v1/reset': {
    POST: async (request, control) => {
      const text = await control.readText(request);
      if (text.trim() === '') control.reset();
      else await load(text, control);
      return { status: 204 };
    },
  },
  '/emulator/v1/state': {
    GET: async (_request, control) => json(200, await control.exportState()),
    PUT: async (request, control) => {
      await load(await control.readText(request), control);
      return { status: 204 };
    },
  },
  '/emulator/v1/outbox': { GET: async (_request, control) => json(200, control.outbox()) },
};

/** Imports the state in a body, or refuses it with a 400 that names the path of its first fault. */
async function load(text: string, control: TestControl): Promise<void> {
  let state: unknown;
  try {
    state = JSON.parse(text);
  } catch {
    throw new Refusal(invalidJson());
  }
  try {
    await control.importState(state);
  } catch (error) {
    if (error instanceof TypeError) throw new Refusal(apiError(400, error.message, 'invalid_body'));
    throw error;
  }
}

/** A resolver: the answer to a request under `/emulator/`, or `undefined` for any other path. */
export function controlRoutes(
  control: TestControl,
): (request: EmulatorRequest) => Promise<EmulatorResponse> | undefined {
  return (request) => {
    if (request.path !== '/emulator' && !request.path.startsWith('/emulator/')) return undefined;
    return answer(request, control);
  };
}

async function answer(request: EmulatorRequest, control: TestControl): Promise<EmulatorResponse> {
  const route = Object.hasOwn(ROUTES, request.path) ? ROUTES[request.path] : undefined;
  if (route === undefined) return notFound();
  const grant = await control.authenticate(request);
  if (!('scopes' in grant)) return grant;
  const { scopes } = grant;
  if (scopes !== 'all' && !control.allScopes.every((scope) => scopes.has(scope))) {
    return apiError(
      403,
      'Insufficient scope: the test-control routes need the fixed token or a token with every scope of the Management API',
      'insufficient_scope',
    );
  }
  const method = request.method === 'HEAD' ? 'GET' : request.method;
  const handle = Object.hasOwn(route, method) ? route[method] : undefined;
  if (handle === undefined) {
    const allowed = Object.keys(route).join(', ');
    return { ...apiError(405, `${request.method} is not allowed here: ${allowed}`), headers: { allow: allowed } };
  }
  try {
    return await handle(request, control);
  } catch (error) {
    if (error instanceof Refusal) return error.response;
    throw error;
  }
}
