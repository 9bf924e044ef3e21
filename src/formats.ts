/**
 * The string formats the Management API checks on a PATCH. Auth0 does not publish its exact grammar, so these
 * are the project's decisions: an email as HTML defines a valid e-mail address, and a picture as an absolute URI
 * (a scheme, a colon, then at least one character, with no white space).
 */

const EMAIL =
  /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/;

const ABSOLUTE_URI = /^[A-Za-z][A-Za-z0-9+.-]*:\S+$/;

/**
 * Checks a string against a named format.
 *
 * @example
 * matchesFormat('email', 'jane.doe@example.com'); // true
 * matchesFormat('uri', 'not a uri'); // false
 */
export function matchesFormat(format: 'email' | 'uri', value: string): boolean {
  return format === 'email' ? EMAIL.test(value) : ABSOLUTE_URI.test(value);
}
