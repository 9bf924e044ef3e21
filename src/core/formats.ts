/**
 * The string formats the Management API checks on a PATCH. Auth0 does not publish its exact grammar, so these
 * are the project's decisions: an email as HTML defines a valid e-mail address, within the lengths Auth0 documents
 * (at most 64 characters before the `@` and 256 after it), and a picture as an absolute URI (a scheme, a colon,
 * then at least one character, with no white space), of any length. Lengths are checked before any pattern, and
 * the patterns are matched one domain label at a time, so no input can make them backtrack far or overflow.
 */

const LOCAL_PART = /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+$/;
const LABEL = /^[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?$/;
const MAX_LOCAL_PART = 64;
const MAX_DOMAIN = 256;

const SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*$/;
const WHITE_SPACE = /\s/;

/** Checks a string against a named format. */
export function matchesFormat(format: 'email' | 'uri', value: string): boolean {
  return format === 'email' ? isEmail(value) : isAbsoluteUri(value);
}

function isEmail(value: string): boolean {
  if (value.length > MAX_LOCAL_PART + 1 + MAX_DOMAIN) return false;
  const at = value.indexOf('@');
  if (at < 1 || at > MAX_LOCAL_PART) return false;
  const domain = value.slice(at + 1);
  if (domain.length > MAX_DOMAIN || !LOCAL_PART.test(value.slice(0, at))) return false;
  return domain.split('.').every((label) => LABEL.test(label));
}

function isAbsoluteUri(value: string): boolean {
  const colon = value.indexOf(':');
  return (
    colon > 0 &&
    colon < value.length - 1 &&
    SCHEME.test(value.slice(0, colon)) &&
    !WHITE_SPACE.test(value.slice(colon + 1))
  );
}
