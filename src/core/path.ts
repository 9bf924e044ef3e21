/**
 * One step into a JSON value: an object key or an array index.
 *
 * @example
 * const steps: PathSegment[] = ['user_metadata', 'tags', 0];
 */
export type PathSegment = string | number;

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** Writes a path the way JavaScript would read it: `user_metadata.addresses.home`, `app_metadata["my:key"][0]`. */
export function formatPath(segments: readonly PathSegment[]): string {
  let text = '';
  for (const segment of segments) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else if (!IDENTIFIER.test(segment)) text += `[${JSON.stringify(segment)}]`;
    else text += text === '' ? segment : `.${segment}`;
  }
  return text;
}
