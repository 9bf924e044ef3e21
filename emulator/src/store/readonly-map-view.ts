/** A read-only window on a map: it shows the map as it is now and has no way to change it. */
export function readonlyMapView<K, V>(map: ReadonlyMap<K, V>): ReadonlyMap<K, V> {
  const view: ReadonlyMap<K, V> = {
    get: (key) => map.get(key),
    has: (key) => map.has(key),
    get size() {
      return map.size;
    },
    keys: () => map.keys(),
    values: () => map.values(),
    entries: () => map.entries(),
    forEach: (callback, thisArgument?: unknown) =>
      map.forEach((value, key) => callback.call(thisArgument, value, key, view)),
    [Symbol.iterator]: () => map.entries(),
  };
  return Object.freeze(view);
}
