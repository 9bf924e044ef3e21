/** Unit tests of src/core at its edges: type names in messages, the user and options checks, the error's brand. */
import { describe, expect, it } from 'vitest';
import { jsonTypeName } from '../../src/core/messages.js';
import { applyPatch, isPatchError, PatchError } from '../../src/index.js';
import { thrownBy } from '../support/errors.js';

describe('jsonTypeName', () => {
  class Point {}
  const anonymous = Object.create({
    constructor: Object.defineProperty(function () {}, 'name', { value: '' }),
  }) as object;
  it.each([
    [1, 'integer'],
    [1.5, 'number'],
    [Number.NaN, 'not-a-number'],
    [Number.POSITIVE_INFINITY, 'unknown-number'],
    [null, 'null'],
    [[], 'array'],
    [{}, 'object'],
    [Object.create(null), 'object'],
    [new Date(0), 'Date'],
    [new Point(), 'Point'],
    [anonymous, 'object with a custom prototype'],
    [Object.create({ constructor: 'not a function' }), 'object with a custom prototype'],
    ['x', 'string'],
    [true, 'boolean'],
    [undefined, 'undefined'],
    [1n, 'bigint'],
    [() => 1, 'function'],
  ])('names %o %s', (value, name) => {
    expect(jsonTypeName(value)).toBe(name);
  });
});

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

describe('isPatchError', () => {
  it('is true for a PatchError and false for anything else, objects with other brands included', () => {
    expect(isPatchError(new PatchError('x'))).toBe(true);
    expect(isPatchError(thrownBy(() => applyPatch({}, { blocked: 'yes' } as never), PatchError))).toBe(true);
    for (const value of [
      undefined,
      null,
      0,
      'PatchError',
      {},
      new Error('x'),
      { [Symbol.for('other')]: true },
      () => 1,
    ])
      expect(isPatchError(value)).toBe(false);
    const forged = Object.create(null) as Record<symbol, unknown>;
    for (const symbol of Object.getOwnPropertySymbols(new PatchError('x'))) forged[symbol] = 'yes';
    expect(isPatchError(forged)).toBe(false);
  });

  it('gives a 400 error its reason and code, and a 404 one its own', () => {
    expect(new PatchError('x').toJSON()).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: 'x',
      errorCode: 'invalid_body',
    });
    expect(new PatchError('y', { statusCode: 404 }).toJSON()).toEqual({
      statusCode: 404,
      error: 'Not Found',
      message: 'y',
      errorCode: 'inexistent_user',
    });
    expect(new PatchError('z', { path: ['user_metadata', 'a'] }).path).toBe('user_metadata.a');
  });
});
