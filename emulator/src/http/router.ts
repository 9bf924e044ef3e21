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

/** A known route, its path split in segments and its key (`METHOD /path`). */
type Compiled = {
  readonly route: KnownRoute;
  readonly key: string;
  readonly segments: readonly string[];
};

/** A catalogue, prepared once per process: its routes by method and segment count, each list most specific first. */
type Catalogue = { readonly buckets: ReadonlyMap<string, readonly Compiled[]>; readonly keys: ReadonlySet<string> };

const API_PREFIX = '/api/v2';
const catalogues = new WeakMap<readonly KnownRoute[], Catalogue>();

function prepare(known: readonly KnownRoute[]): Catalogue {
  let catalogue = catalogues.get(known);
  if (catalogue !== undefined) return catalogue;
  const compiled = known
    .map((route) => ({ route, key: `${route.method} ${route.path}`, segments: route.path.split('/').slice(1) }))
    .sort((left, right) => compareSpecificity(left.segments, right.segments));
  const buckets = new Map<string, Compiled[]>();
  for (const entry of compiled) {
    const bucket = `${entry.route.method} ${entry.segments.length}`;
    buckets.set(bucket, [...(buckets.get(bucket) ?? []), entry]);
  }
  catalogue = { buckets, keys: new Set(compiled.map((entry) => entry.key)) };
  catalogues.set(known, catalogue);
  return catalogue;
}

/** A resolver over Auth0's routes; each emulated route must be one of them (else a TypeError). */
export function createRouter(
  known: readonly KnownRoute[],
  emulated: readonly EmulatedRoute[],
): (request: EmulatorRequest) => Resolution {
  const { buckets, keys } = prepare(known);
  const served = new Map(emulated.map((route) => [`${route.method} ${route.path}`, route]));
  const missing = [...served.keys()].filter((key) => !keys.has(key));
  if (missing.length > 0) throw new TypeError(`createRouter: not routes of the Management API: ${missing.join(', ')}`);
  return (request) => {
    if (request.path !== API_PREFIX && !request.path.startsWith(`${API_PREFIX}/`)) return { kind: 'not-found' };
    const segments = splitPath(request.path.slice(API_PREFIX.length));
    if (segments === undefined) return { kind: 'bad-path' };
    const method = request.method === 'HEAD' ? 'GET' : request.method;
    const hit = find(buckets.get(`${method} ${segments.length}`) ?? [], segments);
    if (hit === undefined) return { kind: 'not-found' };
    const route = served.get(hit.entry.key);
    return route === undefined
      ? { kind: 'not-emulated', route: hit.entry.route }
      : { kind: 'emulated', route, params: hit.params };
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

/** The first route of a bucket (same method, same number of segments) whose pattern the segments match. */
function find(
  routes: readonly Compiled[],
  segments: readonly string[],
): { entry: Compiled; params: Record<string, string> } | undefined {
  next: for (const entry of routes) {
    const pattern = entry.segments;
    const params: Record<string, string> = {};
    for (let index = 0; index < pattern.length; index++) {
      const expected = pattern[index] as string;
      const actual = segments[index] as string;
      if (!expected.startsWith('{')) {
        if (expected !== actual) continue next;
      } else if (actual === '') continue next;
      else params[expected.slice(1, -1)] = actual;
    }
    return { entry, params };
  }
  return undefined;
}
