/** Finds the route of a request under `/api/v2`: one the emulator serves, one of Auth0's it does not, or none. */
import type { Grant } from '../auth/authenticate.js';
import type { EmulatorRequest, EmulatorResponse } from './exchange.js';
import type { QuerySchema, QueryValues } from './query-params.js';

/** What a route handler gets: the request, its path parameters (decoded), its checked query and its grant. */
export type RouteContext = {
  readonly request: EmulatorRequest;
  readonly params: Readonly<Record<string, string>>;
  readonly query: QueryValues;
  readonly grant: Grant;
};

/** A route the emulator serves, by its template in Auth0's OpenAPI description (`/users/{id}`). */
export type EmulatedRoute = {
  readonly method: string;
  readonly path: string;
  readonly query?: QuerySchema;
  handle(context: RouteContext): EmulatorResponse | Promise<EmulatorResponse>;
};

/** A route of Auth0's Management API, served or not, with the scopes that grant it. */
export type KnownRoute = { readonly method: string; readonly path: string; readonly scopes: readonly string[] };

/** Where a request goes. */
export type Resolution =
  | {
      readonly kind: 'emulated';
      readonly route: EmulatedRoute;
      readonly params: Record<string, string>;
      readonly scopes: readonly string[];
    }
  | { readonly kind: 'not-emulated'; readonly route: KnownRoute }
  | { readonly kind: 'not-found' }
  | { readonly kind: 'bad-path' };

type Compiled<R> = { readonly route: R; readonly segments: readonly string[]; readonly literals: number };

const API_PREFIX = '/api/v2';

/** A resolver over the emulated routes, falling back to Auth0's known routes for the 501s. */
export function createRouter(
  emulated: readonly EmulatedRoute[],
  known: readonly KnownRoute[],
): (request: EmulatorRequest) => Resolution {
  const scopesOf = new Map(known.map((route) => [`${route.method} ${route.path}`, route.scopes]));
  const served = compile(emulated);
  const all = compile(known);
  return (request) => {
    if (request.path !== API_PREFIX && !request.path.startsWith(`${API_PREFIX}/`)) return { kind: 'not-found' };
    const segments = splitPath(request.path.slice(API_PREFIX.length));
    if (segments === undefined) return { kind: 'bad-path' };
    const method = request.method === 'HEAD' ? 'GET' : request.method;
    const hit = find(served, method, segments);
    if (hit !== undefined) {
      return {
        kind: 'emulated',
        route: hit.route,
        params: hit.params,
        scopes: scopesOf.get(`${hit.route.method} ${hit.route.path}`) ?? [],
      };
    }
    const other = find(all, method, segments);
    return other === undefined ? { kind: 'not-found' } : { kind: 'not-emulated', route: other.route };
  };
}

function compile<R extends { readonly path: string }>(routes: readonly R[]): Compiled<R>[] {
  return (
    routes
      .map((route) => {
        const segments = route.path.split('/').slice(1);
        return { route, segments, literals: segments.filter((segment) => !segment.startsWith('{')).length };
      })
      // Literal segments win over parameters: `/jobs/verification-email` before `/jobs/{id}`.
      .sort((left, right) => right.literals - left.literals)
  );
}

/** The decoded segments of a path (a trailing slash ignored), or `undefined` for bad percent-encoding. */
function splitPath(path: string): string[] | undefined {
  const trimmed = path.endsWith('/') ? path.slice(0, -1) : path;
  if (trimmed === '') return [];
  try {
    return trimmed
      .slice(1)
      .split('/')
      .map((segment) => decodeURIComponent(segment));
  } catch {
    return undefined;
  }
}

function find<R extends { readonly method: string }>(
  routes: readonly Compiled<R>[],
  method: string,
  segments: readonly string[],
): { route: R; params: Record<string, string> } | undefined {
  for (const { route, segments: pattern } of routes) {
    if (route.method !== method || pattern.length !== segments.length) continue;
    const params: Record<string, string> = {};
    let matches = true;
    for (let index = 0; index < pattern.length && matches; index++) {
      const expected = pattern[index] as string;
      const actual = segments[index] as string;
      if (expected.startsWith('{')) {
        if (actual === '') matches = false;
        else params[expected.slice(1, -1)] = actual;
      } else matches = expected === actual;
    }
    if (matches) return { route, params };
  }
  return undefined;
}
