/**
 * Keys named like members of Object.prototype (`constructor`, `toString`, `hasOwnProperty`, `valueOf`, `__proto__`)
 * are ordinary data: on a stored user's root, in the merge, in the preview's warnings and in diffUsers.
 */
import { describe, expect, it } from 'vitest';
import type { Library } from '../support/library.js';

type Json = Record<string, unknown>;

/** Names an object or `in` lookup would find on Object.prototype unless the code reads own properties only. */
const PROTOTYPE_NAMES = ['constructor', 'toString', 'hasOwnProperty', 'valueOf', 'isPrototypeOf'] as const;

/** A stored user with an own root key `__proto__` holding data, as JSON.parse makes it. */
const withProtoKey = () => JSON.parse('{"user_id":"auth0|1","__proto__":{"polluted":true},"nickname":"jd"}') as Json;

function expectOwnProtoKey(result: Json): void {
  expect(Object.getPrototypeOf(result)).toBe(Object.prototype);
  expect(Object.getOwnPropertyDescriptor(result, '__proto__')).toEqual({
    value: { polluted: true },
    writable: true,
    enumerable: true,
    configurable: true,
  });
  expect(Object.prototype).not.toHaveProperty('polluted');
  expect(({} as Json)['polluted']).toBeUndefined();
}

export function prototypeKeysSuite({ applyPatch, previewPatch, diffUsers }: Library): void {
  describe('a stored root key named __proto__', () => {
    it('is kept as own data when the patch adds an attribute', () => {
      const result = applyPatch(withProtoKey(), { name: 'Jane' }) as Json;
      expect(Object.keys(result)).toEqual(['user_id', '__proto__', 'nickname', 'name']);
      expect(result['name']).toBe('Jane');
      expectOwnProtoKey(result);
    });

    it('is kept as own data when the patch removes an attribute', () => {
      const result = applyPatch(withProtoKey(), { nickname: null }) as Json;
      expect(Object.keys(result)).toEqual(['user_id', '__proto__']);
      expectOwnProtoKey(result);
    });

    it('is kept as own data when the patch adds metadata, or only changes an existing attribute', () => {
      const added = applyPatch(withProtoKey(), { user_metadata: { a: 1 } }) as Json;
      expect(Object.keys(added)).toEqual(['user_id', '__proto__', 'nickname', 'user_metadata']);
      expectOwnProtoKey(added);
      const changed = applyPatch(withProtoKey(), { nickname: 'jane' }) as Json;
      expect(Object.keys(changed)).toEqual(['user_id', '__proto__', 'nickname']);
      expect(changed['nickname']).toBe('jane');
      expectOwnProtoKey(changed);
    });

    it('is kept by previewPatch, which lists no change for it', () => {
      const preview = previewPatch(withProtoKey(), { name: 'Jane' });
      expectOwnProtoKey(preview.user as Json);
      expect(preview.changes).toEqual([{ path: 'name', pathSegments: ['name'], kind: 'added', after: 'Jane' }]);
    });
  });

  describe.each(PROTOTYPE_NAMES)('a metadata key named %s', (name) => {
    it('warns delete-missing-key when a patch deletes it from a user who has none', () => {
      const preview = previewPatch({ user_id: 'auth0|1' }, { user_metadata: { [name]: null } });
      expect(preview.warnings).toEqual([
        {
          code: 'delete-missing-key',
          path: `user_metadata.${name}`,
          pathSegments: ['user_metadata', name],
          message: `user_metadata.${name} is null, which deletes that key, but the user has no such key: nothing changes. Check the spelling of the key.`,
        },
      ]);
      expect(
        previewPatch(
          { user_id: 'auth0|1', user_metadata: { other: 1 } },
          { user_metadata: { [name]: null } },
        ).warnings.map((w) => w.code),
      ).toEqual(['delete-missing-key', 'no-change']);
    });

    it('does not warn delete-missing-key when the user has it, and lists its removal', () => {
      const preview = previewPatch({ user_metadata: { [name]: 1, keep: 2 } }, { user_metadata: { [name]: null } });
      expect(preview.warnings).toEqual([]);
      expect(preview.changes).toEqual([
        { path: `user_metadata.${name}`, pathSegments: ['user_metadata', name], kind: 'removed', before: 1 },
      ]);
      expect(preview.user).toEqual({ user_metadata: { keep: 2 } });
    });

    it('warns nested-key-dropped for a nested key under it that the patch replaces away', () => {
      const preview = previewPatch(
        { user_metadata: { [name]: { a: 1, b: 2 } } },
        { user_metadata: { [name]: { b: 3 } } },
      );
      expect(preview.warnings.map((w) => [w.code, w.path])).toEqual([
        ['nested-key-dropped', `user_metadata.${name}.a`],
      ]);
      expect(preview.changes).toEqual([
        { path: `user_metadata.${name}.a`, pathSegments: ['user_metadata', name, 'a'], kind: 'removed', before: 1 },
        {
          path: `user_metadata.${name}.b`,
          pathSegments: ['user_metadata', name, 'b'],
          kind: 'changed',
          before: 2,
          after: 3,
        },
      ]);
    });

    it('warns nested-key-dropped for a nested key of that name', () => {
      const preview = previewPatch(
        { user_metadata: { box: { [name]: 1, b: 2 } } },
        { user_metadata: { box: { b: 3 } } },
      );
      expect(preview.warnings.map((w) => [w.code, w.path])).toEqual([
        ['nested-key-dropped', `user_metadata.box.${name}`],
      ]);
      const none = previewPatch({ user_metadata: { box: { b: 2 } } }, { user_metadata: { box: { b: 3 } } });
      expect(none.warnings).toEqual([]);
    });

    it('is diffed as data: added, changed, removed, nested and unchanged', () => {
      expect(diffUsers({ user_metadata: { a: 1 } }, { user_metadata: { a: 1, [name]: 2 } })).toEqual([
        { user_metadata: { [name]: 2 } },
      ]);
      expect(diffUsers({ user_metadata: { [name]: 1 } }, { user_metadata: { [name]: 2 } })).toEqual([
        { user_metadata: { [name]: 2 } },
      ]);
      expect(diffUsers({ user_metadata: { [name]: 1, a: 1 } }, { user_metadata: { a: 1 } })).toEqual([
        { user_metadata: { [name]: null } },
      ]);
      expect(diffUsers({ user_metadata: { x: { [name]: 1 } } }, { user_metadata: { x: {} } })).toEqual([
        { user_metadata: { x: {} } },
      ]);
      expect(diffUsers({ user_metadata: { x: {} } }, { user_metadata: { x: { [name]: 1 } } })).toEqual([
        { user_metadata: { x: { [name]: 1 } } },
      ]);
      expect(diffUsers({ app_metadata: { [name]: [1] } }, { app_metadata: { [name]: [1] } })).toEqual([]);
      expect(diffUsers({ user_metadata: { [name]: {} } }, { user_metadata: { [name]: {} } })).toEqual([]);
    });

    it('round-trips through diffUsers and applyPatch', () => {
      const before = { user_metadata: { [name]: { deep: 1 }, a: 1 }, app_metadata: { [name]: 'x' } };
      const after = { user_metadata: { a: 1, b: { [name]: null } }, app_metadata: { [name]: 'y' } };
      const bodies = diffUsers(before, after);
      expect(bodies.reduce<Json>((user, body) => applyPatch(user, body as never) as Json, before)).toEqual(after);
    });
  });
}
