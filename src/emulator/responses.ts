/** Auth0's response bodies for the errors the emulator answers, and JSON responses in Auth0's shape. */
import { INVALID_JSON_MESSAGE } from '../messages.js';
import { PatchError } from '../patch-error.js';

/**
 * A JSON response.
 *
 * @example
 * jsonResponse(200, { user_id: 'auth0|1' });
 */
export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
  });
}

/**
 * Auth0's answer to a request without a bearer token (`invalid: false`) or with a wrong one.
 *
 * @example
 * unauthorized(true).status; // 401
 */
export function unauthorized(invalid: boolean): Response {
  return invalid
    ? jsonResponse(401, { statusCode: 401, error: 'Unauthorized', message: 'Invalid token', attributes: { error: 'Invalid token' } })
    : jsonResponse(401, { statusCode: 401, error: 'Unauthorized', message: 'Missing authentication' });
}

/**
 * The 404 for a path the Management API does not have.
 *
 * @example
 * notFound().status; // 404
 */
export function notFound(): Response {
  return jsonResponse(404, { statusCode: 404, error: 'Not Found', message: 'Not Found' });
}

/**
 * The 405 for a method a route does not take, with the ones it takes in `Allow`.
 *
 * @example
 * methodNotAllowed(['GET', 'POST']).headers.get('allow'); // 'GET, POST'
 */
export function methodNotAllowed(allowed: readonly string[]): Response {
  return jsonResponse(405, { statusCode: 405, error: 'Method Not Allowed', message: 'Method Not Allowed' }, { allow: allowed.join(', ') });
}

/**
 * Auth0's 409 for creating a user that exists already.
 *
 * @example
 * userExists().status; // 409
 */
export function userExists(): Response {
  return jsonResponse(409, { statusCode: 409, error: 'Conflict', message: 'The user already exists.', errorCode: 'auth0_idp_error' });
}

/**
 * The 413 for a body over the limit, in the words of Auth0's HTTP framework.
 *
 * @example
 * payloadTooLarge(1_048_576).status; // 413
 */
export function payloadTooLarge(limit: number): Response {
  return jsonResponse(413, {
    statusCode: 413,
    error: 'Request Entity Too Large',
    message: `Payload content length greater than maximum allowed: ${limit}`,
  });
}

/**
 * A {@link PatchError} as Auth0 sends it.
 *
 * @example
 * errorResponse(new PatchError('Invalid request payload JSON format')).status; // 400
 */
export function errorResponse(error: PatchError): Response {
  return jsonResponse(error.statusCode, error);
}

/**
 * Auth0's 400 for a body that is not JSON.
 *
 * @example
 * invalidJson().status; // 400
 */
export const invalidJson = (): Response => errorResponse(new PatchError(INVALID_JSON_MESSAGE));

/**
 * Auth0's 400 for a query string it refuses.
 *
 * @example
 * invalidQuery("'Number is greater than the maximum of 100'", 'per_page', 'Number of results per page.').status; // 400
 */
export function invalidQuery(detail: string, property: string, description: string): Response {
  return jsonResponse(400, {
    statusCode: 400,
    error: 'Bad Request',
    message: `Query validation error: '${detail}' on property ${property} (${description}).`,
    errorCode: 'invalid_query_string',
  });
}
