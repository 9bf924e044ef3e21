/**
 * The search fields whose exact terms and phrases are answered from an index rather than a scan: for each value a
 * user holds under the field (as {@link fieldValues} reads it, so arrays are crossed as the scan crosses them), the
 * users that hold it, kept current as users are stored and deleted. `user_id` needs none: the store is keyed by it.
 */
import { indexKey, indexKeysOf } from './compare-values.js';
import { fieldType } from './field-catalogue.js';
import { fieldValues, type IndexedValue } from './field-values.js';

type User = Readonly<Record<string, unknown>>;

/** The indexed fields: `email` compares case-insensitively, the others exactly. */
export const INDEXED_FIELDS = ['email', 'username', 'identities.user_id'] as const;

/** Who holds each key: one user's id, or the ids of several. */
type Holders = Map<IndexedValue, string | Set<string>>;

/** The indexes of one store. */
export type SearchIndex = {
  add(id: string, user: User): void;
  remove(id: string, user: User): void;
  clear(): void;
  /**
   * The ids of the users holding a value that a term or phrase `text` equals under `field`, as search v3 compares
   * (in no order), or `undefined` when the field has no index.
   */
  lookup(field: string, text: string): readonly string[] | undefined;
};

/** A new, empty index of {@link INDEXED_FIELDS}. */
export function createSearchIndex(): SearchIndex {
  const indexes = new Map(
    INDEXED_FIELDS.map((field) => [field, { type: textType(field), holders: new Map() as Holders }] as const),
  );
  const keysOf = (type: 'text' | 'text-ci', user: User, field: string) =>
    new Set(fieldValues(user, field).map((value) => indexKey(type, value)));
  return {
    add(id, user) {
      for (const [field, { type, holders }] of indexes) {
        for (const key of keysOf(type, user, field)) {
          const held = holders.get(key);
          if (held === undefined) holders.set(key, id);
          else if (typeof held === 'string') {
            if (held !== id) holders.set(key, new Set([held, id]));
          } else held.add(id);
        }
      }
    },
    remove(id, user) {
      for (const [field, { type, holders }] of indexes) {
        for (const key of keysOf(type, user, field)) {
          const held = holders.get(key);
          if (held === id) holders.delete(key);
          else if (typeof held === 'object') {
            held.delete(id);
            if (held.size === 1) holders.set(key, held.values().next().value as string);
          }
        }
      }
    },
    clear() {
      for (const { holders } of indexes.values()) holders.clear();
    },
    lookup(field, text) {
      const index = indexes.get(field as (typeof INDEXED_FIELDS)[number]);
      if (index === undefined) return undefined;
      const ids: string[] = [];
      for (const key of indexKeysOf(index.type, text)) {
        const held = index.holders.get(key);
        if (typeof held === 'string') ids.push(held);
        else if (held !== undefined) ids.push(...held);
      }
      return ids;
    },
  };
}

function textType(field: string): 'text' | 'text-ci' {
  const type = fieldType(field);
  if (type !== 'text' && type !== 'text-ci') throw new TypeError(`search index: ${field} is not a text field`);
  return type;
}
