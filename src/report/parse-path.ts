import type { PathSegment } from '../core/path.js';

const STEP = /^(?:\.?([A-Za-z_$][\w$]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\])/;

/** Reads back a path written by `formatPath` as its segments (`''` is the whole value), or `undefined` for text that is not such a path. */
export function parsePath(path: string): PathSegment[] | undefined {
  const segments: PathSegment[] = [];
  let rest = path;
  while (rest !== '') {
    const match = STEP.exec(rest);
    if (match === null || (match[1] !== undefined && rest.startsWith('.') === (segments.length === 0)))
      return undefined;
    const [step, name, index, quoted] = match;
    if (name !== undefined) segments.push(name);
    else if (index !== undefined) segments.push(Number(index));
    else segments.push(JSON.parse(quoted as string) as string);
    rest = rest.slice(step.length);
  }
  return segments;
}
