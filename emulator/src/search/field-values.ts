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

/** Whether the user has any indexed value at the path or anywhere below it (for `_exists_`). */
export function hasIndexedValue(user: Readonly<Record<string, unknown>>, field: string): boolean {
  if (field === 'email.domain') return fieldValues(user, field).length > 0;
  return valuesAt([user], field.split('.')).some(holdsScalar);
}

function valuesAt(nodes: readonly unknown[], path: readonly string[]): unknown[] {
  let current = nodes.flatMap(spreadArrays);
  for (const key of path) {
    current = current.flatMap((node) => (isRecord(node) && Object.hasOwn(node, key) ? spreadArrays(node[key]) : []));
  }
  return current;
}

function spreadArrays(value: unknown): unknown[] {
  return Array.isArray(value) ? value.flatMap(spreadArrays) : [value];
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
