/**
 * The users `serve --users` names: a JSON array of users, or Auth0's user export, the file a users-export job
 * (`POST /api/v2/jobs/users-exports` with `format: "json"`) gives to download: one JSON object a line (NDJSON,
 * "due to the large size of the export files", Bulk Export User Data), gzip-compressed as downloaded or not. Each
 * line's keys are the exported field names; a name that is a path (`user_metadata.plan`, `identities[0].connection`)
 * is put back where it points.
 */
import { gunzipSync } from 'node:zlib';
import { isPlainObject } from '../internal/is-plain-object.js';
import { OperatorError } from './operator-error.js';
import { MAX_FILE_BYTES, readBoundedBytes } from './read-json-file.js';

/** The users, and for an export the line each came from (the users' faults name their line). */
export type UsersFile = { readonly users: readonly unknown[]; readonly lines: readonly number[] | undefined };

const GZIP = [0x1f, 0x8b];
// A field name that is a path: a name, then `.name` or `[index]` parts.
const PATH = /^[^.[\]]+(?:\.[^.[\]]+|\[\d+\])+$/;
const MAX_INDEX = 1000;

/** Reads `file` as a JSON array of users or as Auth0's user export. */
export function readUsersFile(file: string): UsersFile {
  let bytes = readBoundedBytes(file);
  if (bytes[0] === GZIP[0] && bytes[1] === GZIP[1]) {
    try {
      bytes = gunzipSync(bytes, { maxOutputLength: MAX_FILE_BYTES });
    } catch (error) {
      throw new OperatorError(`cannot read ${file}: ${(error as Error).message}`);
    }
  }
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  const whole = parseWhole(text);
  if (Array.isArray(whole)) return { users: whole, lines: undefined };
  if (text.trimStart().startsWith('['))
    throw new OperatorError(`${file} is not valid JSON: ${whole instanceof Error ? whole.message : ''}`);
  if (isPlainObject(whole) && Object.hasOwn(whole, 'format'))
    throw new OperatorError(`${file} holds a state, not users: start serve with --import ${file}`);
  if (isPlainObject(whole)) {
    // One user, on one line (an export of one user) or spread over several.
    const line = text.split('\n').findIndex((each) => each.trim() !== '') + 1;
    return { users: [expandPaths(whole, `${file}: line ${line}`)], lines: [line] };
  }
  const users: unknown[] = [];
  const lines: number[] = [];
  text.split('\n').forEach((line, index) => {
    if (line.trim() === '') return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch (error) {
      throw new OperatorError(`${file}: line ${index + 1} is not JSON: ${(error as Error).message}`);
    }
    if (!isPlainObject(parsed))
      throw new OperatorError(
        `${file}: line ${index + 1} must be a user object, as Auth0's user export has one a line`,
      );
    users.push(expandPaths(parsed, `${file}: line ${index + 1}`));
    lines.push(index + 1);
  });
  if (users.length === 0)
    throw new OperatorError(`${file} holds no user: give a JSON array of users or Auth0's user export`);
  return { users, lines };
}

/** The file as one JSON value, or the error that parsing it as one gave. */
function parseWhole(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    return error;
  }
}

/** The user a line describes: its path-named fields put where they point. */
function expandPaths(line: Record<string, unknown>, where: string): Record<string, unknown> {
  const user: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(line)) {
    if (!PATH.test(name)) {
      put(user, name, value);
      continue;
    }
    const parts = [...name.matchAll(/[^.[\]]+|\[(\d+)\]/g)].map((match) =>
      match[1] === undefined ? match[0] : Number(match[1]),
    );
    let container: Record<string, unknown> | unknown[] = user;
    parts.forEach((part, index) => {
      const last = index === parts.length - 1;
      const next = parts[index + 1];
      const existing: unknown = Array.isArray(container)
        ? container[part as number]
        : Object.hasOwn(container, part)
          ? container[part]
          : undefined;
      if (last) {
        if (existing !== undefined) throw new OperatorError(`${where}: ${name} is given twice`);
        put(container, part, value);
        return;
      }
      if (typeof next === 'number' && next >= MAX_INDEX)
        throw new OperatorError(`${where}: ${name} points past ${MAX_INDEX} items`);
      const wanted = typeof next === 'number' ? 'an array' : 'an object';
      if (existing === undefined) put(container, part, typeof next === 'number' ? [] : {});
      const child: unknown = Array.isArray(container) ? container[part as number] : container[part];
      if (typeof next === 'number' ? !Array.isArray(child) : !isPlainObject(child))
        throw new OperatorError(`${where}: ${name} needs ${String(part)} to be ${wanted}`);
      container = child as Record<string, unknown> | unknown[];
    });
  }
  return user;
}

/** Sets a key as data (never through a `__proto__` setter) or an array index. */
function put(container: Record<string, unknown> | unknown[], key: string | number, value: unknown): void {
  if (Array.isArray(container) && typeof key === 'number') container[key] = value;
  else Object.defineProperty(container, key, { value, enumerable: true, writable: true, configurable: true });
}
