/**
 * Indexes of the search fields whose exact terms and phrases can be answered without a scan: text fields and
 * metadata paths. An index is built the first time a search names its field (one pass over the users), then kept
 * current as users are stored and deleted; at most {@link MAX_INDEXES} are kept, the least recently searched one
 * dropped past that. For each value a user holds under the field, as {@link fieldValues} reads it (arrays crossed as
 * the scan crosses them), the index holds the users that hold it, under the key search compares it by.
 */
import { indexKey, indexKeysOf } from './compare-values.js';
import { fieldType } from './field-catalogue.js';
import { fieldValues, type IndexedValue } from './field-values.js';

type User = Readonly<Record<string, unknown>>;

/** How many fields are indexed at once. */
const MAX_INDEXES = 16;

/** Who holds each key: one user's id, or the ids of several. */
type Holders = Map<IndexedValue, string | Set<string>>;

type Index = { readonly type: 'text' | 'text-ci'; readonly holders: Holders };

/** The indexes of one store. */
export type SearchIndex = {
  add(id: string, user: User): void;
  remove(id: string, user: User): void;
  clear(): void;
  /**
   * The ids of the users holding a value that a term or phrase `text` equals under `field`, as search v3 compares
   * (in no order), or `undefined` for a field no index can answer (dates, numbers, booleans).
   */
  lookup(field: string, text: string): readonly string[] | undefined;
};

/** A new, empty set of indexes over the users `all` gives (by id), built as searches ask for them. */
export function createSearchIndex(all: () => Iterable<[string, User]>): SearchIndex {
  const indexes = new Map<string, Index>();
  // A key held twice by one user is added (and removed) twice: both are idempotent.
  const add = (index: Index, field: string, id: string, user: User) => {
    for (const value of fieldValues(user, field)) {
      const key = indexKey(index.type, value);
      const held = index.holders.get(key);
      if (held === undefined) index.holders.set(key, id);
      else if (typeof held === 'string') {
        if (held !== id) index.holders.set(key, new Set([held, id]));
      } else held.add(id);
    }
  };
  const build = (field: string): Index | undefined => {
    const type = textType(field);
    if (type === undefined) return undefined;
    if (indexes.size >= MAX_INDEXES) indexes.delete(indexes.keys().next().value as string);
    const index: Index = { type, holders: new Map() };
    for (const [id, user] of all()) add(index, field, id, user);
    indexes.set(field, index);
    return index;
  };
  return {
    add(id, user) {
      for (const [field, index] of indexes) add(index, field, id, user);
    },
    remove(id, user) {
      for (const [field, { type, holders }] of indexes) {
        for (const value of fieldValues(user, field)) {
          const key = indexKey(type, value);
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
      indexes.clear();
    },
    lookup(field, text) {
      let index = indexes.get(field);
      if (index === undefined) index = build(field);
      else {
        // The most recently searched last: the first is the one to drop.
        indexes.delete(field);
        indexes.set(field, index);
      }
      if (index === undefined) return undefined;
      const ids: string[] = [];
      for (const key of indexKeysOf(index.type, text)) {
        const held = index.holders.get(key);
        if (typeof held === 'string') ids.push(held);
        else if (held !== undefined) for (const id of held) ids.push(id);
      }
      return ids;
    },
  };
}

/** How an index of the field folds its strings, or undefined when the field's values are not compared as text. */
function textType(field: string): 'text' | 'text-ci' | undefined {
  const type = fieldType(field);
  if (type === 'text' || type === 'text-ci') return type;
  return type === 'metadata' ? 'text' : undefined;
}
