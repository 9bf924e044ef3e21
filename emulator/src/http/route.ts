/**
 * Routes declared with their schemas: a route names its operation in the generated catalogue (method, path,
 * scopes, path, query and body schemas), and the router checks the request against them before the handler runs.
 * The handler's `params`, `query` and `body` are typed from the schemas, so it needs no cast and no check of its own.
 */
import type { Grant } from '../auth/authenticate.js';
import { checkValue } from './check-schema.js';
import type { EmulatorRequest, EmulatorResponse } from './exchange.js';
import type { Infer, JsonSchema } from './json-schema.js';
import type { Operation } from './operation.js';
import { readQuery } from './query-params.js';
import { Refusal } from './refusal.js';
import { invalidJson } from './responses.js';

/** What the router hands a route: the request, its grant, its path parameters (decoded) and its body's reader. */
export type Exchange = {
  readonly request: EmulatorRequest;
  readonly grant: Grant;
  readonly params: Readonly<Record<string, string>>;
  /** The body as text, or a Refusal with Auth0's 413 or 400. */
  readonly readText: () => Promise<string>;
};

/** How a route reads its body: checked and typed, or a Refusal (or the library's PatchError) with Auth0's 400. */
export type BodyReader<Body> = (readText: () => Promise<string>) => Body | Promise<Body>;

/** A route's declaration: its operation and how each part of a request is read, typed as the handler gets it. */
export type Endpoint<Params, Query, Body> = {
  readonly method: string;
  readonly path: string;
  readonly scopes: readonly string[];
  readonly params: (params: Readonly<Record<string, string>>) => Params;
  readonly query: (query: string) => Query;
  readonly body: BodyReader<Body>;
};

/** What a handler gets: the request, its grant and its checked, typed parts. */
export type RouteContext<Params, Query, Body> = {
  readonly request: EmulatorRequest;
  readonly grant: Grant;
  readonly params: Params;
  readonly query: Query;
  readonly body: Body;
};

/** A route the emulator serves, as the router calls it. */
export type EmulatedRoute = {
  readonly method: string;
  readonly path: string;
  readonly scopes: readonly string[];
  answer(exchange: Exchange): Promise<EmulatorResponse>;
};

/** A JSON body checked against `schema` (Auth0's 400 `invalid_body` for the first fault). */
export function jsonBody<const S extends JsonSchema>(schema: S): BodyReader<Infer<S>> {
  return async (readText) => {
    const body = parseJson(await readText());
    checkValue(body, schema, 'body');
    return body;
  };
}

/** The body as JSON, or Auth0's 400 for text that is not. */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new Refusal(invalidJson());
  }
}

/** A route without a body: its body is never read. */
const NO_BODY: BodyReader<undefined> = () => undefined;

/**
 * The declaration of an operation of the catalogue: its path and query read against its schemas, and its body as
 * JSON against its schema when it has one (the overloads type each case of the one implementation).
 */
export function endpoint<const O extends Operation & { readonly body: JsonSchema }>(
  operation: O,
): Endpoint<Infer<O['params']>, Infer<O['query']>, Infer<O['body']>>;
export function endpoint<const O extends Operation>(
  operation: O,
): Endpoint<Infer<O['params']>, Infer<O['query']>, undefined>;
export function endpoint(operation: Operation): Endpoint<unknown, unknown, unknown> {
  const { method, path, scopes, params, query, body } = operation;
  return {
    method,
    path,
    scopes,
    params: (values) => {
      checkValue(values, params, 'path');
      return values;
    },
    query: (text) => readQuery(text, query),
    body: body === undefined ? NO_BODY : jsonBody(body),
  };
}

/** A served route: the request is read as `endpoint` declares, then `handle` answers. */
export function route<Params, Query, Body>(
  declared: Endpoint<Params, Query, Body>,
  handle: (context: RouteContext<Params, Query, Body>) => EmulatorResponse | Promise<EmulatorResponse>,
): EmulatedRoute {
  const { method, path, scopes } = declared;
  return {
    method,
    path,
    scopes,
    async answer({ request, grant, params, readText }) {
      const context = {
        request,
        grant,
        params: declared.params(params),
        query: declared.query(request.query),
        body: await declared.body(readText),
      };
      return handle(context);
    },
  };
}
