/** applyPatchJson against applyPatch(user, JSON.parse(text)): the same user or the same refusal, for any text. */
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyPatch, applyPatchJson, isPatchError, PatchError } from '../../../src/index.js';
import { thrownBy } from '../../support/errors.js';

const INVALID_JSON = 'Invalid request payload JSON format';
const NOW = new Date('2025-01-01T00:00:00.000Z');

const storedUser = {
  user_id: 'auth0|1',
  email: 'jane@example.com',
  username: 'jane',
  user_metadata: { hobby: 'surfing', nested: { a: 1 }, list: [1, 2] },
  app_metadata: { plan: 'full' },
};

type Outcome =
  { user: unknown; text: string } | { message: string; path: string | undefined; segments: unknown; status: number };

function outcome(run: () => unknown): Outcome {
  try {
    const user = run();
    return { user, text: JSON.stringify(user) };
  } catch (error) {
    if (!isPatchError(error)) throw error;
    return { message: error.message, path: error.path, segments: error.pathSegments, status: error.statusCode };
  }
}

/** The first own `__proto__` key: the body's keys first, then depth first in key order (a plain recursive reference). */
function protoPath(body: unknown): (string | number)[] | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  if (!Array.isArray(body) && Object.hasOwn(body, '__proto__')) return ['__proto__'];
  const walk = (node: unknown): (string | number)[] | undefined => {
    if (typeof node !== 'object' || node === null) return undefined;
    const entries: [string | number, unknown][] = Array.isArray(node)
      ? node.map((item, index) => [index, item])
      : Object.keys(node).map((key) => [key, (node as Record<string, unknown>)[key]]);
    for (const [key, value] of entries) {
      if (key === '__proto__') return [key];
      const below = walk(value);
      if (below !== undefined) return [key, ...below];
    }
    return undefined;
  };
  return walk(body);
}

/** What Auth0 answers, per the object path: the parser first, then applyPatch on the parsed body. */
function expected(user: unknown, text: string): Outcome {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return { message: INVALID_JSON, path: undefined, segments: undefined, status: 400 };
  }
  const proto = protoPath(body);
  if (proto !== undefined)
    return outcome(() => {
      throw new PatchError(INVALID_JSON, { path: proto });
    });
  return outcome(() => applyPatch(user as never, body as never, { now: NOW }));
}

function check(user: unknown, text: string): void {
  const before = JSON.stringify(user);
  const actual = outcome(() => applyPatchJson(user as never, text, { now: NOW }));
  const wanted = expected(user, text);
  // node's deep equality: vitest's strict equality compares own `constructor` keys as types.
  if ('user' in actual && 'user' in wanted) {
    expect(actual.text).toBe(wanted.text);
    expect(isDeepStrictEqual(actual.user, wanted.user)).toBe(true);
  } else expect(actual).toStrictEqual(wanted);
  expect(JSON.stringify(user)).toBe(before);
}

const ROOT_KEYS = [
  'blocked',
  'email',
  'email_verified',
  'phone_number',
  'name',
  'nickname',
  'picture',
  'username',
  'password',
  'connection',
  'user_metadata',
  'app_metadata',
];
const key = fc.oneof(
  { weight: 4, arbitrary: fc.string({ maxLength: 6 }) },
  fc.constantFrom(
    'a',
    'a.b',
    '$set',
    '__proto__',
    'constructor',
    'blocked',
    'email',
    'user_id',
    '_id',
    'metadata',
    'toString',
  ),
);
const value = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom(null, true, false, 0, 1.5, -3, 'x', '', 'jane@example.com'),
    fc.string({ maxLength: 8 }),
    fc.double(),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(key, tie('value'), { maxKeys: 4 }),
  ),
})).value;
const metadata = fc.dictionary(key, value, { maxKeys: 5 });
const body = fc.dictionary(
  fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...ROOT_KEYS) }, key),
  fc.oneof(value, metadata),
  { maxKeys: 5 },
);
/** Texts JSON.stringify never writes: -0, 1e400, escaped and duplicate keys, deep nesting, broken JSON. */
const spelled = fc.oneof(
  fc.constantFrom(
    '{"user_metadata":{"a":-0,"b":[-0,{"c":-0.0}],"d":-0e5}}',
    '{"user_metadata":{"a":1e400}}',
    '{"app_metadata":{"a":[1,-1e400]}}',
    '{"user_metadata":{"\\u005f_proto__":{}}}',
    '{"user_metadata":{"a":{"\\u005F\\u005F\\u0070\\u0072\\u006f\\u0074\\u006F\\u005f\\u005f":1}}}',
    '{"\\u005f_proto__":1}',
    '{"user_metadata":{"a":1,"a":null}}',
    '{"user_metadata":{"a":1,"b":2,"a":3}}',
    '{"blocked":true,"blocked":"x"}',
    '{"blocked":"x","user_metadata":{"__proto__":1}}',
    '{"foo":1,"user_metadata":{"a":{"__proto__":[]}}}',
    '{"email":{"__proto__":1}}',
    '[{"__proto__":1}]',
    '{"user_metadata":{"a.b":1,"__proto__":2}}',
    '{"app_metadata":{"blocked":1}}',
    '{"user_metadata":{"a":"__proto__"}}',
    '',
    ' ',
    'null',
    '{"user_metadata":',
    '{"user_metadata":{}}',
    '{}',
  ),
  fc
    .tuple(fc.integer({ min: 95, max: 105 }), fc.boolean(), fc.constantFrom('', '"a.b":1', '"__proto__":1', '"x":-0'))
    .map(([depth, arrays, inner]) => {
      const open = arrays ? '['.repeat(depth) : '{"k":'.repeat(depth);
      const close = arrays ? ']'.repeat(depth) : '}'.repeat(depth);
      return `{"user_metadata":{"a":${open}{${inner}}${close}}}`;
    }),
  fc.string(),
);

describe('applyPatchJson', () => {
  it('answers as the parser and then applyPatch do, for any JSON text', () => {
    fc.assert(
      fc.property(fc.json(), (text) => check(storedUser, text)),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(
        fc.jsonValue().map((parsed) => JSON.stringify(parsed)),
        (text) => check(storedUser, text),
      ),
      { numRuns: 300 },
    );
  });

  it('answers as the parser and then applyPatch do, for patch-shaped and adversarial bodies', () => {
    fc.assert(
      fc.property(
        body.map((parsed) => JSON.stringify(parsed)),
        (text) => check(storedUser, text),
      ),
      { numRuns: 1000 },
    );
    fc.assert(
      fc.property(spelled, (text) => check(storedUser, text)),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(metadata, (stored) =>
        check({ ...storedUser, user_metadata: stored }, '{"user_metadata":{"a":null,"b":-0}}'),
      ),
    );
  });

  it('refuses a __proto__ key anywhere before any other rule, with its place', () => {
    const error = (() => {
      try {
        applyPatchJson(storedUser, '{"blocked":"x","user_metadata":{"a":[{"__proto__":1}]}}');
      } catch (caught) {
        return caught as PatchError;
      }
    })();
    expect(error?.message).toBe(INVALID_JSON);
    expect(error?.pathSegments).toEqual(['user_metadata', 'a', 0, '__proto__']);
  });

  it('stores -0 as 0, keeps the last of duplicate keys, and answers 404 for a missing user after the body', () => {
    const user = applyPatchJson(storedUser, '{"user_metadata":{"z":-0,"hobby":1,"hobby":2,"w":[-0]}}');
    expect(Object.is(user.user_metadata?.['z'], 0)).toBe(true);
    expect(Object.is((user.user_metadata?.['w'] as number[])[0], 0)).toBe(true);
    expect(user.user_metadata?.['hobby']).toBe(2);
    expect(() => applyPatchJson(undefined, '{"blocked":true}')).toThrow('The user does not exist.');
    expect(() => applyPatchJson(undefined, '{"blocked":1}')).toThrow('Payload validation error');
    expect(() => applyPatchJson(storedUser, 42 as never)).toThrow(TypeError);
  });

  it('shares nothing of the result with a later call', () => {
    const text = '{"user_metadata":{"a":{"b":[1]}}}';
    const first = applyPatchJson(storedUser, text);
    (first.user_metadata?.['a'] as { b: number[] }).b.push(2);
    expect(applyPatchJson(storedUser, text).user_metadata?.['a']).toEqual({ b: [1] });
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

describe('applyPatchJson and text that is not a string', () => {
  it('refuses text that is not a string with a TypeError', () => {
    expect(thrownBy(() => applyPatchJson({}, 5 as never), TypeError).message).toBe(
      'applyPatchJson: text must be a string',
    );
  });
});
