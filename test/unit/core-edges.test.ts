/** Unit tests of src/core found by mutation testing: paths with indices, the brand's name, errors that are not Auth0's, foreign arrays, a polluted prototype, corrupt stored metadata, body rules. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatPath } from '../../src/core/path.js';
import { preparePatch } from '../../src/core/prepare-patch.js';
import { applyPatch, applyPatchJson, PatchError, previewPatch, validatePatch } from '../../src/index.js';
import { thrownBy } from '../support/errors.js';

/** Runs `run` with enumerable keys planted on Object.prototype, then removes them. */
function polluted<T>(keys: Record<string, unknown>, run: () => T): T {
  for (const [key, value] of Object.entries(keys)) {
    Object.defineProperty(Object.prototype, key, { value, enumerable: true, writable: true, configurable: true });
  }
  try {
    return run();
  } finally {
    for (const key of Object.keys(keys)) delete (Object.prototype as Record<string, unknown>)[key];
  }
}

describe('formatPath', () => {
  it('writes array indices in brackets, other non-identifiers quoted', () => {
    expect(formatPath(['user_metadata', 'tags', 0, 'a b', 'c', 12])).toBe('user_metadata.tags[0]["a b"].c[12]');
    expect(validatePatch({ user_metadata: { tags: ['a', Number.NaN] } })?.path).toBe('user_metadata.tags[1]');
  });
});

describe('PatchError brand', () => {
  it('is the registered symbol auth0-user-patch.PatchError, true and not enumerable', () => {
    const error = new PatchError('x');
    const brand = Symbol.for('auth0-user-patch.PatchError');
    expect((error as unknown as Record<symbol, unknown>)[brand]).toBe(true);
    expect(Object.getOwnPropertyDescriptor(error, brand)?.enumerable).toBe(false);
  });
});

describe('an error that is not a refusal passes through untouched', () => {
  const boom = new Error('boom');
  const getter = () => ({
    get value(): unknown {
      throw boom;
    },
  });

  it.each([
    ['at the first level', () => ({ user_metadata: getter() })],
    ['two levels down', () => ({ user_metadata: { a: getter() } })],
    ['in an array', () => ({ app_metadata: { list: [1, getter()] } })],
  ])('%s: validatePatch, applyPatch and previewPatch throw it', (_case, patch) => {
    expect(thrownBy(() => validatePatch(patch()))).toBe(boom);
    expect(thrownBy(() => applyPatch({}, patch() as never))).toBe(boom);
    expect(thrownBy(() => previewPatch({}, patch()))).toBe(boom);
  });

  it('previewPatch throws the TypeError of a bad user or options instead of reporting it', () => {
    expect(thrownBy(() => previewPatch('jane' as never, { blocked: true }), TypeError).message).toBe(
      'applyPatch: user must be an object',
    );
    expect(thrownBy(() => previewPatch({}, { blocked: true }, { now: new Date(Number.NaN) }), TypeError).message).toBe(
      'applyPatch: options.now must be a valid Date',
    );
  });
});

describe('metadata values', () => {
  it('refuses an array whose prototype is not Array.prototype', () => {
    class Tags extends Array<string> {}
    const error = validatePatch({ user_metadata: { tags: Tags.from(['a']) } });
    expect(error?.path).toBe('user_metadata.tags');
    expect(error?.message).toContain("'Expected a JSON value but found type array' on property user_metadata.tags");
  });
});

describe('a polluted Object.prototype', () => {
  it('adds no inherited key to copied nested objects, and still copies and checks them', () => {
    const patch = { user_metadata: { a: { b: { c: 1 } } } };
    const user = polluted({ injected: 7 }, () => applyPatch({}, patch)) as unknown as typeof patch;
    expect(JSON.stringify(user)).toBe('{"user_metadata":{"a":{"b":{"c":1}}}}');
    const fromText = polluted({ injected: 7 }, () =>
      applyPatchJson({}, '{"user_metadata":{"a":{"b":{"c":1}},"l":[{"d":2}]}}'),
    );
    expect(JSON.stringify(fromText)).toBe('{"user_metadata":{"a":{"b":{"c":1}},"l":[{"d":2}]}}');
    expect(Object.hasOwn(user.user_metadata.a, 'injected')).toBe(false);
    expect(Object.hasOwn(user.user_metadata.a.b, 'injected')).toBe(false);
    expect(user.user_metadata.a.b).not.toBe(patch.user_metadata.a.b);
    const error = polluted({ injected: 7 }, () => validatePatch({ user_metadata: { a: { b: Number.NaN } } }));
    expect(error?.path).toBe('user_metadata.a.b');
  });

  it('warns of no dropped key for a name the user only inherits', () => {
    const preview = polluted({ injected: { kept: 1 } }, () =>
      previewPatch({ user_metadata: {} }, { user_metadata: { injected: { other: 2 } } }),
    );
    expect(preview.warnings).toEqual([]);
  });
});

describe('stored metadata that is not an object', () => {
  it.each([
    ['a string', 'abc'],
    ['an array', ['x', 'y']],
    ['null', null],
  ])('is replaced by the patch when it is %s', (_case, stored) => {
    expect(applyPatch({ user_metadata: stored } as never, { user_metadata: { a: 1 } })).toEqual({
      user_metadata: { a: 1 },
    });
  });
});

describe('preparePatch', () => {
  it('skips the pair rules when the body rules say so (creating a user)', () => {
    const body = { username: 'jane', email: 'jane@example.com', password: 'secret' };
    expect(preparePatch(body, { rules: 'create' }).changes).toEqual([
      { key: 'username', kind: 'set', value: 'jane' },
      { key: 'email', kind: 'set', value: 'jane@example.com' },
    ]);
    expect(thrownBy(() => preparePatch(body), PatchError).message).toBe(
      'Cannot update password and email simultaneously.',
    );
  });

  it('changes nothing stored for a steering attribute set to null', () => {
    expect(preparePatch({ password: null })).toEqual({
      changes: [],
      setsPassword: false,
      steering: { password: null },
      rules: 'update',
    });
    expect(preparePatch({ password: null }, { rules: 'create' }).rules).toBe('create');
    expect(applyPatch({ password: 'kept' } as never, { password: null } as never)).toEqual({ password: 'kept' });
  });
});

describe('applyPatchJson and a __proto__ key spelled with escapes', () => {
  const escapes = (character: string) => {
    const hex = character.charCodeAt(0).toString(16).padStart(4, '0');
    return [character, `\\u${hex}`, `\\u${hex.toUpperCase()}`];
  };
  const spelling = fc
    .tuple(...[...'__proto__'].map((character) => fc.constantFrom(...escapes(character))))
    .map((parts) => parts.join(''));

  it('refuses it before any other rule, with its place, however it is spelled', () => {
    fc.assert(
      fc.property(spelling, (key) => {
        const error = thrownBy(
          () => applyPatchJson({}, `{"blocked":"x","user_metadata":{"a":{"${key}":1}}}`),
          PatchError,
        );
        expect(error.message).toBe('Invalid request payload JSON format');
        expect(error.path).toBe('user_metadata.a.__proto__');
      }),
      { numRuns: 300 },
    );
  });
});

describe('applyPatchJson checks', () => {
  it('refuses text that is not a string with a TypeError', () => {
    expect(thrownBy(() => applyPatchJson({}, 5 as never), TypeError).message).toBe(
      'applyPatchJson: text must be a string',
    );
  });

  it('still checks nested values of the parsed body with a polluted Object.prototype', () => {
    const error = polluted({ injected: 7 }, () =>
      thrownBy(() => applyPatchJson({}, '{"user_metadata":{"a":{"b":1e400}}}'), PatchError),
    );
    expect(error.path).toBe('user_metadata.a.b');
  });
});
