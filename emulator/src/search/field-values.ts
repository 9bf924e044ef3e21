/** The values a user holds under a search field, as the search index sees them. */

/** A value the index holds: null, objects and empty arrays are not indexed. */
export type IndexedValue = string | number | boolean;

const NONE: readonly IndexedValue[] = Object.freeze([]);

/** The user's values at a dotted path; arrays are crossed at any level ("ignore the array level"). */
export function fieldValues(user: Readonly<Record<string, unknown>>, field: string): readonly IndexedValue[] {
  if (field === 'email.domain') {
    const email = user['email'];
    return typeof email === 'string' && email.includes('@') ? [email.slice(email.lastIndexOf('@') + 1)] : [];
  }
  // A root attribute, the usual case, without walking a path: absent, or holding one value.
  if (!field.includes('.')) {
    if (!Object.hasOwn(user, field)) return NONE;
    const root = user[field];
    if (typeof root === 'string' || typeof root === 'number' || typeof root === 'boolean') return [root];
  }
  return valuesAt([user], field.split('.')).flatMap(scalarsOf);
}

/**
 * {@link fieldValues} for one field, prepared once for many users: a dotted path is split once and walked without
 * allocating while it meets no array (past an array, or at one, the general walk answers). A single value comes in
 * an array the reader reuses on its next call: read it before reading the next user.
 */
export function fieldReader(field: string): (user: Readonly<Record<string, unknown>>) => readonly IndexedValue[] {
  if (field === 'email.domain') return (user) => fieldValues(user, field);
  const path = field.split('.');
  const single: IndexedValue[] = [''];
  return (user) => {
    let node: unknown = user;
    for (let index = 0; index < path.length; index++) {
      if (typeof node !== 'object' || node === null) return NONE;
      if (Array.isArray(node)) return fieldValues(user, field);
      const key = path[index] as string;
      if (!Object.hasOwn(node, key)) return NONE;
      node = (node as Record<string, unknown>)[key];
    }
    if (typeof node === 'string' || typeof node === 'number' || typeof node === 'boolean') {
      single[0] = node;
      return single;
    }
    return Array.isArray(node) ? fieldValues(user, field) : NONE;
  };
}

/** Whether the user has any indexed value at the path or anywhere below it (for `_exists_`). */
export function hasIndexedValue(user: Readonly<Record<string, unknown>>, field: string): boolean {
  if (field === 'email.domain') return fieldValues(user, field).length > 0;
  return valuesAt([user], field.split('.')).some(holdsScalar);
}

function valuesAt(nodes: readonly unknown[], path: readonly string[]): unknown[] {
  const found: unknown[] = [];
  for (const node of nodes) collect(node, path, 0, found);
  return found;
}

/** The values at `path` below `node` into `found`, in order, crossing arrays at any level. */
function collect(node: unknown, path: readonly string[], depth: number, found: unknown[]): void {
  if (Array.isArray(node)) {
    for (const item of node) collect(item, path, depth, found);
    return;
  }
  if (depth === path.length) {
    found.push(node);
    return;
  }
  const key = path[depth] as string;
  if (isRecord(node) && Object.hasOwn(node, key)) collect(node[key], path, depth + 1, found);
}

function scalarsOf(value: unknown): IndexedValue[] {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? [value] : [];
}

function holdsScalar(value: unknown): boolean {
  if (scalarsOf(value).length > 0) return true;
  if (Array.isArray(value)) return value.some(holdsScalar);
  return isRecord(value) && Object.values(value).some(holdsScalar);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
