/** PatchError and isPatchError: Auth0's body for 400 and 404, the brand that marks an error as a refusal. */
import { describe, expect, it } from 'vitest';
import { applyPatch, isPatchError, PatchError } from '../../../src/index.js';
import { thrownBy } from '../../support/errors.js';

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

describe('the PatchError brand', () => {
  it('is the registered symbol auth0-user-patch.PatchError, true and not enumerable', () => {
    const error = new PatchError('x');
    const brand = Symbol.for('auth0-user-patch.PatchError');
    expect((error as unknown as Record<symbol, unknown>)[brand]).toBe(true);
    expect(Object.getOwnPropertyDescriptor(error, brand)?.enumerable).toBe(false);
  });
});
