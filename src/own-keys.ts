/**
 * Sets an own, enumerable property, even one named `__proto__` (which plain assignment would turn into a
 * prototype change). Stored users may hold such keys; copying them must neither drop them nor pollute anything.
 *
 * @example
 * const copy = {};
 * setOwn(copy, '__proto__', { isAdmin: true });
 * Object.keys(copy); // ['__proto__'], and Object.prototype is untouched
 */
export function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
  else target[key] = value;
}

/**
 * Whether an object has at least one own enumerable string key, without listing all of them (and without
 * counting keys inherited from a polluted `Object.prototype`).
 *
 * @example
 * hasOwnKeys({}); // false
 * hasOwnKeys({ plan: 'full' }); // true
 */
export function hasOwnKeys(value: object): boolean {
  for (const key in value) if (Object.hasOwn(value, key)) return true;
  return false;
}
