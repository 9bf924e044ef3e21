/** Hostile input: prototype keys, deep nesting, and arbitrary values where a patch belongs. */
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { anything, trickyKeys } from '../support/arbitraries.js';
import type { Library } from '../support/library.js';

export function hostileInputSuite({ applyPatch, validatePatch, PatchError }: Library): void {
  const prototypeSnapshot = () => Object.getOwnPropertyNames(Object.prototype).sort().join();
  const before = prototypeSnapshot();
  const assertPrototypesClean = () => {
    expect(prototypeSnapshot()).toBe(before);
    expect(({} as Record<string, unknown>)['isAdmin']).toBeUndefined();
    expect(({} as Record<string, unknown>)['a0']).toBeUndefined();
  };

  describe('__proto__ keys', () => {
    it.each([
      ['the root', '{"__proto__":{"isAdmin":true}}', '__proto__'],
      ['user_metadata', '{"user_metadata":{"__proto__":{"isAdmin":true}}}', 'user_metadata.__proto__'],
      [
        'a nested object',
        '{"app_metadata":{"a":{"b":[{"__proto__":{"isAdmin":true}}]}}}',
        'app_metadata.a.b[0].__proto__',
      ],
    ])("refuses one at %s like Auth0's JSON parser", (_where, body, path) => {
      const error = validatePatch(JSON.parse(body));
      expect(error?.toJSON()).toEqual({
        statusCode: 400,
        error: 'Bad Request',
        message: 'Invalid request payload JSON format',
        errorCode: 'invalid_body',
      });
      expect(error?.path).toBe(path);
      expect(() => applyPatch({}, JSON.parse(body))).toThrow(PatchError);
      assertPrototypesClean();
    });

    it('stores constructor, prototype, toString and hasOwnProperty as ordinary data', () => {
      const patch = JSON.parse(
        '{"user_metadata":{"constructor":{"prototype":{"a0":true}},"toString":"x","hasOwnProperty":1,"prototype":[]}}',
      );
      const result = applyPatch({}, patch);
      expect(JSON.stringify(result)).toBe(
        '{"user_metadata":{"constructor":{"prototype":{"a0":true}},"toString":"x","hasOwnProperty":1,"prototype":[]}}',
      );
      expect(Object.keys(result.user_metadata ?? {})).toEqual([
        'constructor',
        'toString',
        'hasOwnProperty',
        'prototype',
      ]);
      assertPrototypesClean();
    });

    it('keeps a __proto__ key the stored user already has, as data', () => {
      const user = JSON.parse('{"__proto__":{"isAdmin":true},"user_metadata":{"__proto__":{"isAdmin":true},"a":1}}');
      const result = applyPatch(user, { user_metadata: { a: null }, nickname: null });
      expect(Object.getPrototypeOf(result)).toBe(Object.prototype);
      expect(Object.getPrototypeOf(result.user_metadata)).toBe(Object.prototype);
      expect(JSON.stringify(result)).toBe(
        '{"__proto__":{"isAdmin":true},"user_metadata":{"__proto__":{"isAdmin":true}}}',
      );
      assertPrototypesClean();
    });

    it('accepts null-prototype objects', () => {
      const nested = Object.assign(Object.create(null) as object, { b: 1 });
      const metadata = Object.assign(Object.create(null) as object, { a: nested });
      const result = applyPatch({}, Object.assign(Object.create(null) as object, { user_metadata: metadata }) as never);
      expect(result).toEqual({ user_metadata: { a: { b: 1 } } });
    });
  });

  describe('with an enumerable property polluting Object.prototype', () => {
    beforeEach(() => {
      Object.defineProperty(Object.prototype, 'polluted', {
        value: 'yes',
        enumerable: true,
        configurable: true,
        writable: true,
      });
    });
    afterEach(() => {
      delete (Object.prototype as Record<string, unknown>)['polluted'];
    });

    it('neither copies the inherited key nor loses data', () => {
      const user = { user_metadata: { a: 1, b: 2 }, app_metadata: { plan: 'full' } };
      const result = applyPatch(user, {
        user_metadata: { a: null, c: 3 },
        app_metadata: { plan: null },
        blocked: true,
      });
      expect(JSON.stringify(result)).toBe('{"user_metadata":{"b":2,"c":3},"blocked":true}');
      expect(Object.hasOwn(result, 'polluted')).toBe(false);
      expect(applyPatch(user, { app_metadata: {} })).not.toHaveProperty('app_metadata');
    });
  });

  describe('deep nesting', () => {
    function nest(levels: number): Record<string, unknown> {
      const root: Record<string, unknown> = {};
      let level = root;
      for (let index = 0; index < levels; index++) {
        const next: Record<string, unknown> = {};
        level['a'] = next;
        level = next;
      }
      return root;
    }

    it('refuses 100,000 levels with a PatchError, not a RangeError', () => {
      const error = validatePatch({ user_metadata: nest(100_000) });
      expect(error).toBeInstanceOf(PatchError);
      expect(error?.message).toMatch(
        /^Payload validation error: 'Nesting deeper than 100 levels' on property user_metadata(\.a)+ \(/,
      );
      expect(() => applyPatch({}, { user_metadata: nest(100_000) } as never)).toThrow(PatchError);
    });

    it('refuses 100,000 nested arrays too', () => {
      let deep: unknown = [];
      for (let index = 0; index < 100_000; index++) deep = [deep];
      expect(validatePatch({ app_metadata: { deep } })?.message).toContain("'Nesting deeper than 100 levels'");
    });

    it('accepts nesting up to the limit', () => {
      // The body is level 0 and user_metadata level 1, so its value may nest 99 more levels.
      expect(validatePatch({ user_metadata: nest(99) })).toBeUndefined();
      expect(validatePatch({ user_metadata: nest(100) })).toBeInstanceOf(PatchError);
    });
  });

  describe('arbitrary values as a patch', () => {
    const onlyPatchErrors = (patch: unknown) => {
      try {
        applyPatch({ user_metadata: { a: 1 } }, patch as never);
      } catch (error) {
        expect(error).toBeInstanceOf(PatchError);
      }
      const returned = validatePatch(patch);
      expect(returned === undefined || returned instanceof PatchError).toBe(true);
      assertPrototypesClean();
    };

    it('throws nothing but a PatchError for any value', () => {
      fc.assert(fc.property(anything, onlyPatchErrors), { numRuns: 300 });
    });

    it('throws nothing but a PatchError for any value inside an attribute', () => {
      const key = fc.constantFrom(
        'user_metadata',
        'app_metadata',
        'blocked',
        'email',
        'name',
        'picture',
        'password',
        ...trickyKeys,
      );
      fc.assert(
        fc.property(key, anything, (name, value) => onlyPatchErrors({ [name]: value })),
        { numRuns: 300 },
      );
      fc.assert(
        fc.property(anything, (value) => onlyPatchErrors({ user_metadata: { value } })),
        { numRuns: 300 },
      );
    });
  });
}
