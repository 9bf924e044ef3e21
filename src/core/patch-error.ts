import { INVALID_JSON_MESSAGE } from './messages.js';
import { formatPath, type PathSegment } from './path.js';

/**
 * The JSON body the Management API answers an error with.
 *
 * @example
 * const body: Auth0ErrorBody = {
 *   statusCode: 400,
 *   error: 'Bad Request',
 *   message: "Payload validation error: 'Expected type boolean but found type string' on property blocked (Whether this user was blocked by an administrator (true) or not (false).).",
 *   errorCode: 'invalid_body',
 * };
 */
export type Auth0ErrorBody = {
  statusCode: number;
  error: string;
  message: string;
  errorCode: string;
};

/**
 * Where an error sits in the patch, and which Auth0 answer it is: a 400 (the default) with its `errorCode`, or the
 * 404 for a user that does not exist.
 *
 * @example
 * const options: PatchErrorOptions = { path: ['user_metadata', 'addresses', 'home'] };
 * const refusal: PatchErrorOptions = { path: ['email'], errorCode: 'operation_not_supported', rule: 23 };
 */
export type PatchErrorOptions = {
  /** The offending place in the patch, as its steps: object keys and array indexes. */
  path?: readonly PathSegment[];
  /** The rule of docs/rules.md behind a refusal of the connection rules (20 to 25). */
  rule?: number;
} & (
  | {
      /** `400` (the default) for a refused request. */
      statusCode?: 400;
      /** `'invalid_body'` (the default) for a body Auth0 refuses; `'operation_not_supported'` for one the user's connection does not allow. */
      errorCode?: 'invalid_body' | 'operation_not_supported';
    }
  | {
      /** `404` for a user that does not exist. */
      statusCode: 404;
      errorCode?: 'inexistent_user';
    }
);

/**
 * The brand every {@link PatchError} carries, as a non-enumerable property: a registered symbol, so the ESM and
 * CommonJS builds, the emulator's own copy and other realms all see the same one.
 */
const PATCH_ERROR_BRAND = Symbol.for('auth0-user-patch.PatchError');

/**
 * What `PATCH /api/v2/users/{id}` answers when Auth0 refuses a request: `400 invalid_body` for a refused body,
 * `400 operation_not_supported` (or `invalid_body`) for a change the user's connection does not allow, `404
 * inexistent_user` for a user that does not exist. `JSON.stringify(error)` is exactly Auth0's response body.
 *
 * @example
 * try {
 *   applyPatch(user, { email: 'not an email' });
 * } catch (error) {
 *   if (isPatchError(error)) response.status(error.statusCode).send(JSON.stringify(error));
 * }
 * // 400 {"statusCode":400,"error":"Bad Request","message":"Payload validation error: 'Object didn't pass validation for format email: not an email' on property email (Email address of this user.).","errorCode":"invalid_body"}
 */
export class PatchError extends Error {
  /**
   * Always `'PatchError'`; not part of Auth0's body.
   *
   * @example
   * new PatchError('Invalid request payload JSON format').name; // 'PatchError'
   */
  override readonly name = 'PatchError';
  /**
   * The HTTP status Auth0 answers with.
   *
   * @example
   * validatePatch({ blocked: 'yes' })?.statusCode; // 400
   */
  readonly statusCode: 400 | 404;
  /**
   * The HTTP reason phrase Auth0 puts in the body.
   *
   * @example
   * new PatchError('The user does not exist.', { statusCode: 404 }).error; // 'Not Found'
   */
  readonly error: 'Bad Request' | 'Not Found';
  /**
   * Auth0's machine-readable code: `invalid_body` for a refused body, `operation_not_supported` for a change the
   * user's connection does not allow, `inexistent_user` for the 404.
   *
   * @example
   * validatePatch({ blocked: 'yes' })?.errorCode; // 'invalid_body'
   */
  readonly errorCode: 'invalid_body' | 'operation_not_supported' | 'inexistent_user';
  /**
   * The offending place in the patch, written as JavaScript reads it, when there is one.
   *
   * @example
   * validatePatch({ user_metadata: { addresses: { 'home.x': '1 Home Road' } } })?.path; // 'user_metadata.addresses["home.x"]'
   */
  readonly path: string | undefined;
  /**
   * The same place as its steps, when there is one.
   *
   * @example
   * validatePatch({ user_metadata: { addresses: { 'home.x': '1 Home Road' } } })?.pathSegments; // ['user_metadata', 'addresses', 'home.x']
   */
  readonly pathSegments: readonly PathSegment[] | undefined;
  /**
   * For a refusal of the rules that depend on the user's connection, the number of that rule in docs/rules.md
   * (20 to 25); `undefined` for the others. Not part of Auth0's body.
   *
   * @example
   * try {
   *   applyPatch({ identities: [{ provider: 'samlp', connection: 'acme' }] }, { email_verified: true });
   * } catch (error) {
   *   if (isPatchError(error)) error.rule; // 22
   * }
   */
  readonly rule: number | undefined;

  constructor(message: string, options: PatchErrorOptions = {}) {
    super(message);
    this.statusCode = options.statusCode ?? 400;
    this.error = this.statusCode === 404 ? 'Not Found' : 'Bad Request';
    this.errorCode = options.statusCode === 404 ? 'inexistent_user' : (options.errorCode ?? 'invalid_body');
    this.rule = options.rule;
    this.pathSegments = options.path === undefined ? undefined : Object.freeze([...options.path]);
    this.path = options.path === undefined ? undefined : formatPath(options.path);
    Object.defineProperty(this, PATCH_ERROR_BRAND, { value: true });
  }

  /**
   * Auth0's response body for this error, and nothing else.
   *
   * @example
   * JSON.stringify(new PatchError('Invalid request payload JSON format'));
   * // '{"statusCode":400,"error":"Bad Request","message":"Invalid request payload JSON format","errorCode":"invalid_body"}'
   */
  toJSON(): Auth0ErrorBody {
    return { statusCode: this.statusCode, error: this.error, message: this.message, errorCode: this.errorCode };
  }
}

/**
 * Whether `value` is a {@link PatchError}. Unlike `instanceof PatchError`, it holds across copies of the class: an
 * error thrown by the CommonJS build and checked with the ESM build's guard (an app that loads both), one made by
 * `auth0-user-patch/emulator`'s bundled copy, or one made in another realm (`node:vm`). It checks a brand every
 * `PatchError` carries (a non-enumerable `Symbol.for('auth0-user-patch.PatchError')` property, so `JSON.stringify`
 * is unchanged); a plain object shaped like a `PatchError` is not one.
 *
 * @example
 * try {
 *   applyPatch(user, { email: 'not an email' });
 * } catch (error) {
 *   if (!isPatchError(error)) throw error;
 *   response.status(error.statusCode).send(JSON.stringify(error));
 * }
 */
export function isPatchError(value: unknown): value is PatchError {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[PATCH_ERROR_BRAND] === true;
}

/**
 * The 404 Auth0 answers for a user id it does not know, on every route that takes one.
 *
 * @example
 * JSON.stringify(inexistentUserError());
 * // '{"statusCode":404,"error":"Not Found","message":"The user does not exist.","errorCode":"inexistent_user"}'
 */
export function inexistentUserError(): PatchError {
  return new PatchError('The user does not exist.', { statusCode: 404 });
}

/**
 * The 400 Auth0's JSON parser answers for a request body that is not JSON, on every route that takes one.
 *
 * @example
 * JSON.stringify(invalidJsonError());
 * // '{"statusCode":400,"error":"Bad Request","message":"Invalid request payload JSON format","errorCode":"invalid_body"}'
 */
export function invalidJsonError(): PatchError {
  return new PatchError(INVALID_JSON_MESSAGE);
}
