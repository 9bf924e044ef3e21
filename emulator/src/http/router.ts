/**
 * Finds the route of a request under `/api/v2` in the catalogue of Auth0's Management API: one the emulator
 * serves, one of Auth0's it does not (answered 501), or none (Auth0's 404). A literal segment wins over a
 * parameter at the first place they differ (`/organizations/search` before `/organizations/{id}`), and sibling
 * routes may name a parameter differently (`/organizations/{id}/…`, `/organizations/{organization_id}/…`).
 */
import type { EmulatorRequest } from './exchange.js';
import type { EmulatedRoute } from './route.js';

/** A route of Auth0's Management API, served or not, with the scopes that grant it (any one). */
export type KnownRoute = { readonly method: string; readonly path: string; readonly scopes: readonly string[] };

/** Where a request goes. */
export type Resolution =
  | { readonly kind: 'emulated'; readonly route: EmulatedRoute; readonly params: Readonly<Record<string, string>> }
  | { readonly kind: 'not-emulated'; readonly route: KnownRoute }
  | { readonly kind: 'not-found' }
  | { readonly kind: 'bad-path' };

type Compiled = {
  readonly route: KnownRoute;
  readonly served: EmulatedRoute | undefined;
  readonly segments: readonly string[];
};

const API_PREFIX = '/api/v2';

/** A resolver over Auth0's routes; each emulated route must be one of them (else a TypeError). */
export function createRouter(
  known: readonly KnownRoute[],
  emulated: readonly EmulatedRoute[],
): (request: EmulatorRequest) => Resolution {
  const served = new Map(emulated.map((route) => [`${route.method} ${route.path}`, route]));
  const compiled = known
    .map((route) => ({
      route,
      served: served.get(`${route.method} ${route.path}`),
      segments: route.path.split('/').slice(1),
    }))
    .sort((left, right) => compareSpecificity(left.segments, right.segments));
  const missing = [...served.keys()].filter(
    (key) => !compiled.some(({ route }) => `${route.method} ${route.path}` === key),
  );
  if (missing.length > 0) throw new TypeError(`createRouter: not routes of the Management API: ${missing.join(', ')}`);
  return (request) => {
    if (request.path !== API_PREFIX && !request.path.startsWith(`${API_PREFIX}/`)) return { kind: 'not-found' };
    const segments = splitPath(request.path.slice(API_PREFIX.length));
    if (segments === undefined) return { kind: 'bad-path' };
    const method = request.method === 'HEAD' ? 'GET' : request.method;
    const hit = find(compiled, method, segments);
    if (hit === undefined) return { kind: 'not-found' };
    return hit.entry.served === undefined
      ? { kind: 'not-emulated', route: hit.entry.route }
      : { kind: 'emulated', route: hit.entry.served, params: hit.params };
  };
}

/** Literal segments first, at the first place where one path has a literal and the other a parameter. */
function compareSpecificity(left: readonly string[], right: readonly string[]): number {
  if (left.length !== right.length) return left.length - right.length;
  for (let index = 0; index < left.length; index++) {
    const leftParameter = (left[index] ?? '').startsWith('{');
    const rightParameter = (right[index] ?? '').startsWith('{');
    if (leftParameter !== rightParameter) return leftParameter ? 1 : -1;
  }
  return 0;
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

function find(
  routes: readonly Compiled[],
  method: string,
  segments: readonly string[],
): { entry: Compiled; params: Record<string, string> } | undefined {
  for (const entry of routes) {
    const pattern = entry.segments;
    if (entry.route.method !== method || pattern.length !== segments.length) continue;
    const params: [string, string][] = [];
    const matches = pattern.every((expected, index) => {
      const actual = segments[index] ?? '';
      if (!expected.startsWith('{')) return expected === actual;
      params.push([expected.slice(1, -1), actual]);
      return actual !== '';
    });
    if (matches) return { entry, params: Object.fromEntries(params) };
  }
  return undefined;
}
