/** previewPatch: the changes, every warning, and refusals returned instead of thrown. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anything, connectionSettings, user, validPatch } from '../support/arbitraries.js';
import { modelRefusal } from '../support/reference-model.js';
import type { Library } from '../support/library.js';
import { jane } from '../support/fixtures.js';

export function previewSuite({ previewPatch, applyPatch, PatchError }: Library): void {
  const codes = (preview: ReturnType<typeof previewPatch>) =>
    preview.warnings.map((warning) => [warning.code, warning.path]);

  describe('previewPatch', () => {
    it('returns the user applyPatch returns and every change, one per path', () => {
      const patch = {
        user_metadata: { addresses: { home: '3 New Road', geo: { lat: 1 } }, color: 'pink' },
        nickname: 'jane',
      };
      const preview = previewPatch(jane, patch);
      expect(preview.user).toEqual(applyPatch(jane, patch));
      expect(preview.error).toBeUndefined();
      expect(preview.changes).toEqual([
        { path: 'nickname', pathSegments: ['nickname'], kind: 'changed', before: 'jd', after: 'jane' },
        {
          path: 'user_metadata.addresses.home',
          pathSegments: ['user_metadata', 'addresses', 'home'],
          kind: 'changed',
          before: '1 Home Road',
          after: '3 New Road',
        },
        {
          path: 'user_metadata.addresses.work',
          pathSegments: ['user_metadata', 'addresses', 'work'],
          kind: 'removed',
          before: '2 Work Way',
        },
        {
          path: 'user_metadata.addresses.geo.lng',
          pathSegments: ['user_metadata', 'addresses', 'geo', 'lng'],
          kind: 'removed',
          before: 2,
        },
        { path: 'user_metadata.color', pathSegments: ['user_metadata', 'color'], kind: 'added', after: 'pink' },
      ]);
    });

    it('quotes keys that need it and compares arrays whole', () => {
      const preview = previewPatch({ app_metadata: { 'my:key': ['a', 'b'] } }, { app_metadata: { 'my:key': ['a'] } });
      expect(preview.changes).toEqual([
        {
          path: 'app_metadata["my:key"]',
          pathSegments: ['app_metadata', 'my:key'],
          kind: 'changed',
          before: ['a', 'b'],
          after: ['a'],
        },
      ]);
    });

    it('gives each change its place as frozen segments, and path as their text', () => {
      const user = { user_metadata: { 'a.b': 1, '0': 2, 'say "hi"': 3, 'x[0]': 4, '': 5 } };
      const preview = previewPatch(user, { user_metadata: {} });
      expect(preview.changes.map(({ path, pathSegments }) => [path, pathSegments])).toEqual([
        ['user_metadata["0"]', ['user_metadata', '0']],
        ['user_metadata["a.b"]', ['user_metadata', 'a.b']],
        ['user_metadata["say \\"hi\\""]', ['user_metadata', 'say "hi"']],
        ['user_metadata["x[0]"]', ['user_metadata', 'x[0]']],
        ['user_metadata[""]', ['user_metadata', '']],
      ]);
      expect(preview.changes.every((change) => Object.isFrozen(change.pathSegments))).toBe(true);
      expect(preview.warnings.map(({ path, pathSegments }) => [path, pathSegments])).toEqual([
        ['user_metadata', ['user_metadata']],
      ]);
    });

    it('names by its segments the value each change reads before and after', () => {
      const read = (value: unknown, segments: readonly (string | number)[]) =>
        segments.reduce<unknown>((at, segment) => (at as Record<string | number, unknown>)[segment], value);
      const has = (value: unknown, segments: readonly (string | number)[]) =>
        segments.every((segment, index) => Object.hasOwn(read(value, segments.slice(0, index)) as object, segment));
      fc.assert(
        fc.property(user, validPatch, (u, p) => {
          const preview = previewPatch(u, p);
          for (const change of preview.changes) {
            expect(Object.isFrozen(change.pathSegments)).toBe(true);
            expect(has(u, change.pathSegments)).toBe(change.kind !== 'added');
            expect(has(preview.user, change.pathSegments)).toBe(change.kind !== 'removed');
            if (change.kind !== 'added') expect(read(u, change.pathSegments)).toEqual(change.before);
            if (change.kind !== 'removed') expect(read(preview.user, change.pathSegments)).toEqual(change.after);
          }
          for (const warning of preview.warnings) expect(Object.isFrozen(warning.pathSegments)).toBe(true);
        }),
      );
    });

    it('includes updated_at when given now', () => {
      const preview = previewPatch(jane, { blocked: true }, { now: new Date(0) });
      expect(preview.changes.map((change) => change.path)).toEqual(['blocked', 'updated_at']);
    });

    it('returns a refusal instead of throwing it', () => {
      const preview = previewPatch(jane, { user_metadata: null });
      expect(preview.user).toBeUndefined();
      expect(preview.changes).toEqual([]);
      expect(preview.warnings).toEqual([]);
      expect(preview.error).toBeInstanceOf(PatchError);
      expect(preview.error?.path).toBe('user_metadata');
      expect(previewPatch(undefined as never, { blocked: true }).error?.statusCode).toBe(404);
    });

    it('never throws for any value as a patch', () => {
      fc.assert(
        fc.property(anything, (patch) => {
          const preview = previewPatch(jane, patch);
          expect(preview.error === undefined ? preview.user !== undefined : preview.error instanceof PatchError).toBe(
            true,
          );
        }),
      );
    });

    it('agrees with applyPatch on generated users and patches, refusals included', () => {
      fc.assert(
        fc.property(user, validPatch, connectionSettings, (u, p, connection) => {
          const options = connection === undefined ? {} : { connection };
          const preview = previewPatch(u, p, options);
          let applied: unknown;
          try {
            applied = applyPatch(u, p as never, options);
          } catch (error) {
            applied = error;
          }
          if (preview.error === undefined) expect(preview.user).toEqual(applied);
          else expect(preview.error).toEqual(applied);
          expect(preview.error?.rule).toBe(modelRefusal(u, p, connection)?.rule);
        }),
      );
    });
  });

  describe('warnings', () => {
    it('names every nested key a replaced object drops, and says how to keep it', () => {
      const preview = previewPatch(jane, { user_metadata: { addresses: { home: '3 New Road', geo: { lat: 5 } } } });
      expect(codes(preview)).toEqual([
        ['nested-key-dropped', 'user_metadata.addresses.work'],
        ['nested-key-dropped', 'user_metadata.addresses.geo.lng'],
      ]);
      expect(preview.warnings[0]?.message).toBe(
        "user_metadata.addresses is replaced whole (Auth0 merges metadata one level deep only), so user_metadata.addresses.work, which the user has, is lost. To keep it, include it in the patch's user_metadata.addresses.",
      );
    });

    it('does not warn when the nested object keeps every key, or replaces a non-object', () => {
      expect(
        previewPatch(jane, { user_metadata: { addresses: { home: 'x', work: 'y', geo: { lat: 0, lng: 0, alt: 1 } } } })
          .warnings,
      ).toEqual([]);
      expect(previewPatch(jane, { user_metadata: { hobby: { kind: 'surfing' } } }).warnings).toEqual([]);
    });

    it('says how many keys {} clears', () => {
      const preview = previewPatch(jane, { user_metadata: {} });
      expect(codes(preview)).toEqual([['metadata-cleared', 'user_metadata']]);
      expect(preview.warnings[0]?.message).toBe(
        'user_metadata: {} clears user_metadata: all 2 of its keys (hobby, addresses) are deleted. To change some keys only, send just those keys; to delete one, set it to null.',
      );
      expect(previewPatch({ user_metadata: { a: 1 } }, { user_metadata: {} }).warnings[0]?.message).toContain(
        'its only key (a) is deleted',
      );
      expect(previewPatch({}, { user_metadata: {} }).warnings.map((warning) => warning.code)).toEqual([]);
    });

    it('warns of a first-level null for a key the user does not have', () => {
      const preview = previewPatch(jane, { user_metadata: { colour: null, hobby: null } });
      expect(codes(preview)).toEqual([['delete-missing-key', 'user_metadata.colour']]);
      expect(preview.warnings[0]?.message).toBe(
        'user_metadata.colour is null, which deletes that key, but the user has no such key: nothing changes. Check the spelling of the key.',
      );
    });

    it('warns that app_metadata disappears, by {} or by nulls', () => {
      for (const app_metadata of [{}, { plan: null, roles: null }]) {
        const preview = previewPatch(jane, { app_metadata });
        expect(codes(preview)).toContainEqual(['app-metadata-removed', 'app_metadata']);
        expect(preview.user).not.toHaveProperty('app_metadata');
      }
      expect(codes(previewPatch(jane, { app_metadata: {} }))).toEqual([
        ['metadata-cleared', 'app_metadata'],
        ['app-metadata-removed', 'app_metadata'],
      ]);
    });

    it('warns when the patch changes nothing Auth0 stores', () => {
      for (const patch of [
        { email: jane.email },
        { verify_email: true },
        { user_metadata: { hobby: 'surfing' } },
        { app_metadata: { gone: null } },
      ]) {
        expect(codes(previewPatch(jane, patch))).toContainEqual(['no-change', '']);
      }
      expect(codes(previewPatch(jane, { email: jane.email }, { now: new Date(0) }))).toEqual([['no-change', '']]);
      expect(codes(previewPatch(jane, { password: 'a new secret' }))).toEqual([]);
    });

    it('warns past the documented 10 KB profile size, counting UTF-8 bytes', () => {
      const under = previewPatch({}, { user_metadata: { notes: 'x'.repeat(10_000) } });
      expect(under.warnings).toEqual([]);
      const over = previewPatch({}, { user_metadata: { notes: 'é'.repeat(5_200) } });
      expect(codes(over)).toEqual([['profile-too-large', '']]);
      expect(over.warnings[0]?.message).toMatch(
        /^The user is 10430 bytes of JSON, past the 10 KB \(10240 bytes\) Auth0 documents/,
      );
    });
  });
}
