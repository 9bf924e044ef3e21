/**
 * isPatchError holds where `instanceof PatchError` does not: across the ESM and CommonJS builds (the dual-package
 * hazard), the source and the build, and realms; the brand changes nothing of the error's JSON.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import * as source from '../../src/index.js';
import type { Library } from '../support/library.js';
import { thrownBy } from '../support/errors.js';

const require = createRequire(import.meta.url);
const esm = (await import('auth0-user-patch')) as Library;
const cjs = require('auth0-user-patch') as Library;
const builds = { source, esm, cjs };

/** The CommonJS build evaluated in a new realm (its own globals, `Error` and `Object`). */
function otherRealm(): { library: Library; context: vm.Context } {
  const context = vm.createContext({});
  const code = readFileSync(require.resolve('auth0-user-patch'), 'utf8');
  const module = vm.runInContext('({ exports: {} })', context) as { exports: Library };
  vm.runInContext(`(function (module, exports) {\n${code}\n})`, context)(module, module.exports);
  return { library: module.exports, context };
}

describe('isPatchError', () => {
  it('recognises errors made by every build, with the guard of every build', () => {
    for (const [maker, made] of Object.entries(builds)) {
      const error = made.validatePatch({ blocked: 'yes' });
      for (const [checker, check] of Object.entries(builds)) {
        expect(check.isPatchError(error), `${maker} error, ${checker} guard`).toBe(true);
        expect(error instanceof check.PatchError, `${maker} error instanceof ${checker} class`).toBe(maker === checker);
      }
    }
  });

  it('recognises an error thrown by the CommonJS build with the ESM guard, and the reverse', () => {
    const thrown = (library: Library) =>
      thrownBy(() => library.applyPatch({ user_id: 'auth0|1' }, { user_id: 'auth0|2' } as never), library.PatchError);
    expect(cjs.PatchError).not.toBe(esm.PatchError);
    expect(esm.isPatchError(thrown(cjs))).toBe(true);
    expect(cjs.isPatchError(thrown(esm))).toBe(true);
  });

  it('recognises a PatchError made in another realm, where instanceof fails', () => {
    const { library } = otherRealm();
    const error = library.validatePatch({ user_metadata: { 'a.b': 1 } });
    expect(error instanceof Error).toBe(false);
    expect(error instanceof esm.PatchError).toBe(false);
    for (const check of Object.values(builds)) expect(check.isPatchError(error)).toBe(true);
    expect(library.isPatchError(esm.validatePatch({ blocked: 'yes' }))).toBe(true);
    expect(library.isPatchError(new Error('x'))).toBe(false);
  });

  it('refuses look-alikes: plain objects, other errors, primitives; an object is one only if it carries the brand', () => {
    const { context } = otherRealm();
    const body = esm.validatePatch({ blocked: 'yes' })!.toJSON();
    const lookAlikes: unknown[] = [
      { ...body, name: 'PatchError', path: undefined, toJSON: () => body },
      Object.assign(new Error(body.message), {
        name: 'PatchError',
        statusCode: 400,
        error: 'Bad Request',
        errorCode: 'invalid_body',
      }),
      Object.create(esm.PatchError.prototype),
      { [Symbol('auth0-user-patch.PatchError')]: true },
      { [Symbol.for('auth0-user-patch.PatchError')]: 'yes' },
      vm.runInContext(
        `({ name: 'PatchError', statusCode: 400, error: 'Bad Request', message: 'x', errorCode: 'invalid_body' })`,
        context,
      ),
      null,
      undefined,
      'PatchError',
      400,
    ];
    for (const check of Object.values(builds)) {
      for (const value of lookAlikes) expect(check.isPatchError(value)).toBe(false);
      expect(check.isPatchError({ [Symbol.for('auth0-user-patch.PatchError')]: true })).toBe(true);
      expect(
        check.isPatchError(vm.runInContext(`({ [Symbol.for('auth0-user-patch.PatchError')]: true })`, context)),
      ).toBe(true);
    }
  });

  it('brands without changing the JSON, the keys or the message of the error', () => {
    for (const library of Object.values(builds)) {
      const error = new library.PatchError('Invalid request payload JSON format');
      expect(JSON.stringify(error)).toBe(
        '{"statusCode":400,"error":"Bad Request","message":"Invalid request payload JSON format","errorCode":"invalid_body"}',
      );
      expect(JSON.stringify(new library.PatchError('The user does not exist.', { statusCode: 404 }))).toBe(
        '{"statusCode":404,"error":"Not Found","message":"The user does not exist.","errorCode":"inexistent_user"}',
      );
      expect(Object.keys(error).sort()).toEqual([
        'error',
        'errorCode',
        'name',
        'path',
        'pathSegments',
        'rule',
        'statusCode',
      ]);
      const brand = Object.getOwnPropertyDescriptor(error, Symbol.for('auth0-user-patch.PatchError'));
      expect(brand).toEqual({ value: true, writable: false, enumerable: false, configurable: false });
      expect(Object.getOwnPropertySymbols({ ...error })).toEqual([]);
    }
  });
});
