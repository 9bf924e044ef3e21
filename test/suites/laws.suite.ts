/** The merge rules as laws over generated users and patches, and a differential test against the reference model. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  acceptedUserAndPatch,
  appMetadataPatch,
  connectionSettings,
  metadataPatch,
  user,
  validPatch,
} from '../support/arbitraries.js';
import type { Library } from '../support/library.js';
import { modelApply, modelRefusal, storedValue } from '../support/reference-model.js';
import { thrownBy } from '../support/errors.js';
import { deepFreeze } from '../support/fixtures.js';

type Json = Record<string, unknown>;

const NOT_STORED = ['password', 'connection', 'client_id', 'verify_email', 'verify_phone_number'];

function objectsIn(value: unknown, found = new Set<object>()): Set<object> {
  if (typeof value === 'object' && value !== null && !found.has(value)) {
    found.add(value);
    for (const key of Object.keys(value)) objectsIn((value as Json)[key], found);
  }
  return found;
}

const roundTrip = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

export function lawsSuite({ applyPatch, PatchError }: Library): void {
  const apply = (u: Json, p: Json, now?: Date) => applyPatch(u, p as never, now === undefined ? {} : { now }) as Json;

  describe('laws', () => {
    it('agrees with the reference model, key order and the refusals of the connection rules included', () => {
      fc.assert(
        fc.property(
          user,
          validPatch,
          fc.option(fc.date({ noInvalidDate: true }), { nil: undefined }),
          connectionSettings,
          (u, p, now, connection) => {
            const options = {
              ...(now === undefined ? {} : { now }),
              ...(connection === undefined ? {} : { connection }),
            };
            const refusal = modelRefusal(u, p, connection);
            if (refusal !== undefined) {
              const error = thrownBy(() => applyPatch(u, p as never, options), PatchError);
              expect({ message: error.message, errorCode: error.errorCode, rule: error.rule }).toEqual(refusal);
              return;
            }
            const actual = applyPatch(u, p as never, options);
            const expected = modelApply(u, p, now, connection);
            expect(JSON.stringify(actual)).toBe(JSON.stringify(expected));
            expect(roundTrip(actual)).toEqual(roundTrip(expected));
          },
        ),
        { numRuns: 1000 },
      );
    });

    it('is idempotent: applying a patch twice is applying it once', () => {
      fc.assert(
        fc.property(acceptedUserAndPatch, ([u, p]) => {
          const once = apply(u, p);
          expect(apply(once, p)).toEqual(once);
        }),
      );
    });

    it('sets or deletes the first-level keys of a metadata patch and leaves the others identical', () => {
      fc.assert(
        fc.property(
          user,
          fc.constantFrom('user_metadata', 'app_metadata'),
          metadataPatch,
          appMetadataPatch,
          (u, key, um, am) => {
            const changes: Json = key === 'user_metadata' ? um : am;
            fc.pre(Object.keys(changes).length > 0);
            const before = (u as Json)[key] as Json | undefined;
            const after = (apply(u, { [key]: changes })[key] ?? {}) as Json;
            for (const name of Object.keys(changes)) {
              if (changes[name] === null) expect(Object.hasOwn(after, name)).toBe(false);
              else expect(after[name]).toEqual(roundTrip(changes[name]));
            }
            for (const name of Object.keys(before ?? {})) {
              if (!Object.hasOwn(changes, name)) expect(after[name]).toBe(before?.[name]);
            }
          },
        ),
      );
    });

    it('clears metadata with {} for any user', () => {
      fc.assert(
        fc.property(user, (u) => {
          expect(apply(u, { user_metadata: {} })['user_metadata']).toEqual({});
          expect(apply(u, { app_metadata: {} })).not.toHaveProperty('app_metadata');
        }),
      );
    });

    it('replaces root attributes, unsets them with null, and stores no steering attribute', () => {
      fc.assert(
        fc.property(acceptedUserAndPatch, ([u, p]) => {
          const after = apply(u, p);
          for (const [key, value] of Object.entries(p)) {
            if (key.endsWith('_metadata')) continue;
            if (NOT_STORED.includes(key)) expect(after[key]).toBe((u as Json)[key]);
            else if (value === null) expect(Object.hasOwn(after, key)).toBe(false);
            else expect(after[key]).toBe(storedValue(u, key, value));
          }
          for (const key of Object.keys(u)) {
            if (!Object.hasOwn(p, key)) expect(after[key]).toBe((u as Json)[key]);
          }
        }),
      );
    });

    it('never mutates its inputs: unfrozen ones are left as they were, deep-frozen ones give the same user', () => {
      fc.assert(
        fc.property(acceptedUserAndPatch, ([u, p]) => {
          // A frozen object cannot change (writing to it throws in strict mode), so the law is checked on unfrozen
          // copies: they must come out as they went in, and frozen inputs must not make applyPatch throw or differ.
          const [userCopy, patchCopy] = [structuredClone(u), structuredClone(p)];
          // (structuredClone gives null-prototype objects Object.prototype, hence toEqual and the key order by text.)
          const fromCopies = apply(userCopy, patchCopy, new Date(0));
          expect(userCopy).toEqual(u);
          expect(JSON.stringify(userCopy)).toBe(JSON.stringify(u));
          expect(patchCopy).toEqual(p);
          expect(JSON.stringify(patchCopy)).toBe(JSON.stringify(p));
          const fromFrozen = apply(deepFreeze(u), deepFreeze(p), new Date(0));
          expect(fromFrozen).toEqual(fromCopies);
          expect(JSON.stringify(fromFrozen)).toBe(JSON.stringify(fromCopies));
        }),
      );
    });

    it('never aliases the patch: no object of the patch is reachable from the result', () => {
      fc.assert(
        fc.property(acceptedUserAndPatch, ([u, p]) => {
          const fromPatch = objectsIn(p);
          for (const value of objectsIn(apply(u, p))) expect(fromPatch.has(value)).toBe(false);
        }),
      );
    });

    it('survives a JSON round trip as the same user', () => {
      fc.assert(
        fc.property(acceptedUserAndPatch, ([u, p]) => {
          // The patch's values are stored as JSON would carry them (-0 becomes 0); the user's own are shared.
          expect(roundTrip(apply(u, p))).toEqual(apply(roundTrip(u), p));
        }),
      );
    });
  });
}
