/** listChanges, the walk behind a preview's changes: a change 10,000 levels deep, and huge sparse arrays compared whole. */
import { describe, expect, it } from 'vitest';
import { listChanges } from '../../../src/describe/list-changes.js';
import { deep, sparse } from '../../support/values.js';

describe('listChanges on deep values', () => {
  it('listChanges walks 10,000 levels and names the deepest change', () => {
    const changes = listChanges({ m: deep(10_000, 1) as object }, { m: deep(10_000, 2) as object });
    expect(changes).toHaveLength(1);
    expect(changes[0]?.path).toBe(`m${'.a'.repeat(10_000)}`);
    expect(changes[0]?.pathSegments).toEqual(['m', ...Array.from({ length: 10_000 }, () => 'a')]);
    expect(changes[0]).toMatchObject({ kind: 'changed', before: 1, after: 2 });
  });
});

describe('listChanges on huge sparse arrays', () => {
  const huge = () => sparse(1e9, { 5: 'x', 999_999_999: { b: 1 } });

  it('listChanges reports a changed one whole', () => {
    const after = huge();
    after[6] = 'y';
    expect(listChanges({ a: huge() }, { a: huge() })).toEqual([]);
    expect(listChanges({ a: huge() }, { a: after }).map((change) => change.path)).toEqual(['a']);
  });
});
