/** Arrays longer than this are walked by their own index keys: no dense array that long fits in memory anyway. */
const DENSE_LIMIT = 1 << 20;

/** The present indices of a long (so sparse) array, in order; `undefined` for a short one, to walk from 0 to its length. */
export function sparseIndices(array: readonly unknown[]): number[] | undefined {
  const length = array.length;
  if (length <= DENSE_LIMIT) return undefined;
  const indices: number[] = [];
  for (const key of Object.keys(array)) {
    const index = Number(key);
    if (Number.isInteger(index) && index >= 0 && index < length && String(index) === key) indices.push(index);
  }
  return indices;
}
