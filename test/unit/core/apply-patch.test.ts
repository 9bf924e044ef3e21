/** applyPatch's arguments: the user and options it checks, errors that are not refusals, stored metadata of the wrong type, deep users. */
import { describe, expect, it } from 'vitest';
import { applyPatch, PatchError, previewPatch, validatePatch } from '../../../src/index.js';
import { thrownBy } from '../../support/errors.js';
import { deep } from '../../support/values.js';

describe('applyPatch checks its user and options', () => {
  it.each([
    ['a string', 'jane'],
    ['a number', 1],
    ['an array', []],
    ['a boolean', true],
  ])('refuses %s as the user with a TypeError', (_case, user) => {
    expect(thrownBy(() => applyPatch(user as never, { blocked: true }), TypeError).message).toBe(
      'applyPatch: user must be an object',
    );
  });

  it('answers 404 for a missing user, before looking at options', () => {
    expect(thrownBy(() => applyPatch(undefined, { blocked: true }), PatchError).statusCode).toBe(404);
    expect(thrownBy(() => applyPatch(null, { blocked: true }, { now: new Date(Number.NaN) }), TypeError).message).toBe(
      'applyPatch: options.now must be a valid Date',
    );
  });

  it('accepts options that are null or lack now', () => {
    expect(applyPatch({}, { blocked: true }, null as never)).toEqual({ blocked: true });
    expect(applyPatch({}, { blocked: true }, {})).toEqual({ blocked: true });
    expect(applyPatch({}, { blocked: true }, { now: undefined } as never)).toEqual({ blocked: true });
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

describe('applyPatch on a deep user', () => {
  it('applyPatch keeps a 10,000-level value it does not touch', () => {
    const kept = deep(10_000);
    expect(applyPatch({ user_metadata: { d: kept } }, { nickname: 'jd' }).user_metadata?.['d']).toBe(kept);
  });
});
