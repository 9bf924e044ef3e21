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
  for (const segment of segments) text = extendPath(text, segment);
  return text;
}

/** The text of a path one step longer: `formatPath([...segments, segment])`, given `formatPath(segments)`. */
export function extendPath(text: string, segment: PathSegment): string {
  if (typeof segment === 'number') return `${text}[${segment}]`;
  if (!IDENTIFIER.test(segment)) return `${text}[${JSON.stringify(segment)}]`;
  return text === '' ? segment : `${text}.${segment}`;
}
