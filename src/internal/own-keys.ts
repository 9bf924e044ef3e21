/** Sets an own, enumerable property, even one named `__proto__` (which plain assignment would turn into a prototype change). */
export function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__')
    Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
  else target[key] = value;
}

/** Whether an object has at least one own enumerable string key, without listing all of them (and without counting keys inherited from a polluted `Object.prototype`). */
export function hasOwnKeys(value: object): boolean {
  for (const key in value) if (Object.hasOwn(value, key)) return true;
  return false;
}

/** Whether a for-in walk of a plain object would also meet keys of a polluted `Object.prototype`. */
export function inheritedKeysAppear(): boolean {
  for (const _key in Object.prototype) return true;
  return false;
}
