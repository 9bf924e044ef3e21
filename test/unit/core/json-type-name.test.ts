/** jsonTypeName: the type names Auth0's payload validation messages use ("Expected type object but found type array"). */
import { describe, expect, it } from 'vitest';
import { jsonTypeName } from '../../../src/core/messages.js';

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
