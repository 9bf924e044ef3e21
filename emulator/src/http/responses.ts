/** Auth0's answers for the errors the emulator gives, as {@link EmulatorResponse}s. */
import { invalidJsonError, payloadValidationMessage, type PatchError } from 'auth0-user-patch';
import type { EmulatorResponse } from './exchange.js';

/** A JSON response. */
export function json(status: number, body: unknown, headers?: Readonly<Record<string, string>>): EmulatorResponse {
  return headers === undefined ? { status, body } : { status, body, headers };
}

/** An error in the Management API's shape: `{ statusCode, error, message, errorCode? }`. */
export function apiError(status: number, message: string, errorCode?: string, extra?: object): EmulatorResponse {
  const body = {
    statusCode: status,
    error: REASONS[status] ?? 'Error',
    message,
    ...(errorCode === undefined ? {} : { errorCode }),
    ...extra,
  };
  return json(status, body);
}

const REASONS: Readonly<Record<number, string>> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Request Entity Too Large',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  501: 'Not Implemented',
  503: 'Service Unavailable',
};

/** A {@link PatchError} as Auth0 sends it. */
export function patchErrorResponse(error: PatchError): EmulatorResponse {
  return json(error.statusCode, error.toJSON());
}

/** Auth0's 400 for a body that is not JSON. */
export function invalidJson(): EmulatorResponse {
  return patchErrorResponse(invalidJsonError());
}

/** The 413 for a body over the limit, in the words of Auth0's HTTP framework (hapi). */
export function payloadTooLarge(limit: number): EmulatorResponse {
  return apiError(413, `Payload content length greater than maximum allowed: ${limit}`);
}

/** The 404 for a path the Management API does not have. */
export function notFound(): EmulatorResponse {
  return apiError(404, 'Not Found');
}

/** The 501 for a route of Auth0's Management API that the emulator does not serve. */
export function notEmulated(method: string, template: string): EmulatorResponse {
  return apiError(501, `The emulator does not emulate ${method} /api/v2${template}`, 'not_emulated');
}

/** Where a checked value came from: a path parameter, the query string or the body. */
export type Place = 'path' | 'query' | 'body';

const VALIDATION: Readonly<Record<Place, { readonly prefix: string; readonly errorCode: string }>> = {
  path: { prefix: 'Path validation error', errorCode: 'invalid_uri' },
  query: { prefix: 'Query validation error', errorCode: 'invalid_query_string' },
  body: { prefix: 'Payload validation error', errorCode: 'invalid_body' },
};

/**
 * Auth0's words for a value its validator refuses: `<Prefix> validation error: '<detail>' on property <path>
 * (<description>).`, or without the property for the whole value. Bodies take the library's wording.
 */
export function validationMessage(
  place: Place,
  detail: string,
  property?: { readonly path: string; readonly description: string },
): string {
  if (place === 'body') return payloadValidationMessage(detail, property);
  const where = property === undefined ? '' : ` on property ${property.path} (${property.description})`;
  return `${VALIDATION[place].prefix}: '${detail}'${where}.`;
}

/** Auth0's 400 for a path, query or body it refuses, with its errorCode (`invalid_uri`, `invalid_query_string`, `invalid_body`). */
export function validationError(place: Place, message: string): EmulatorResponse {
  return apiError(400, message, VALIDATION[place].errorCode);
}

/** The 500 for a fault of the emulator itself: never with its internal message. */
export function internalError(): EmulatorResponse {
  return apiError(500, 'Internal Server Error');
}
