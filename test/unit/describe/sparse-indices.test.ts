/** sparseIndices: how the describe walks read an array past the dense limit, by its own index keys. */
import { describe, expect, it } from 'vitest';
import { sparseIndices } from '../../../src/describe/array-indices.js';
import { DENSE_LIMIT, sparse } from '../../support/values.js';

describe('sparseIndices', () => {
  it('is undefined up to the dense limit, and walks own index keys past it', () => {
    expect(sparseIndices(sparse(DENSE_LIMIT, { 0: 1 }))).toBeUndefined();
    expect(sparseIndices([1, 2])).toBeUndefined();
    const array = sparse(DENSE_LIMIT + 1, { 0: 'first', 7: 'x', [DENSE_LIMIT]: 'last' }) as unknown[] &
      Record<string, unknown>;
    array['-1'] = 'negative';
    array['1.5'] = 'fraction';
    array['01'] = 'padded';
    array['name'] = 'named';
    array['1e3'] = 'exponent';
    expect(sparseIndices(array)).toEqual([0, 7, DENSE_LIMIT]);
    expect(sparseIndices(sparse(DENSE_LIMIT + 1, {}))).toEqual([]);
  });
});
