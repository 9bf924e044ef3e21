/** Unit tests of src/describe found by mutation testing: diffUsers' errors and pair split, preview warnings at their edges, jsonEqual past its walk limit. */
import { describe, expect, it } from 'vitest';
import { jsonEqual } from '../../src/describe/json-equal.js';
import { PROFILE_SIZE_LIMIT } from '../../src/describe/profile-size.js';
import { diffUsers, previewPatch, UnreachableUserError, validatePatch } from '../../src/index.js';
import { thrownBy } from '../support/errors.js';
import { jane } from '../support/fixtures.js';

const unreachable = (before: object, after: object) =>
  thrownBy(() => diffUsers(before as never, after as never), UnreachableUserError);

describe('UnreachableUserError', () => {
  it('is named, and says which attributes no PATCH reaches', () => {
    const error = unreachable({ user_id: 'a', created_at: 'x' }, { user_id: 'b', created_at: 'y' });
    expect(error.name).toBe('UnreachableUserError');
    expect(error.attributes).toEqual(['user_id', 'created_at']);
    expect(error.message).toBe(
      'No PATCH turns this user into the other: a PATCH cannot give user_id, created_at the values of the second user.',
    );
  });

  it('quotes the refusal of the body it would take, naming its attribute', () => {
    const error = unreachable(jane, { ...jane, nickname: '' });
    expect(error.attributes).toEqual(['nickname']);
    expect(error.message).toBe(
      `No PATCH turns this user into the other: Auth0 would refuse the PATCH it takes: ${validatePatch({ nickname: '' })?.message}`,
    );
  });

  it('calls a removed flag unreachable: a boolean cannot be unset with null', () => {
    const error = unreachable({ blocked: true }, {});
    expect(error.attributes).toEqual(['blocked']);
    expect(error.message).toBe(
      'No PATCH turns this user into the other: a PATCH cannot give blocked the values of the second user.',
    );
  });

  it('does not take an attribute whose value is undefined for a missing one', () => {
    expect(unreachable({}, { nickname: undefined }).attributes).toEqual(['nickname']);
    expect(diffUsers({ nickname: undefined } as never, {})).toEqual([{ nickname: null }]);
  });

  it.each([
    ['an array', ['x']],
    ['a string', 'x'],
    ['null', null],
  ])('calls metadata that becomes %s unreachable', (_case, value) => {
    const error = unreachable(jane, { ...jane, user_metadata: value });
    expect(error.attributes).toEqual(['user_metadata']);
    expect(error.message).toBe(
      'No PATCH turns this user into the other: a PATCH cannot give user_metadata the values of the second user.',
    );
  });
});

describe('UnreachableUserError and the rules the bodies meet', () => {
  const cannotGive = (key: string) =>
    `No PATCH turns this user into the other: a PATCH cannot give ${key} the values of the second user.`;

  it.each([
    ['a root attribute that becomes null', { ...jane, nickname: null }, 'nickname'],
    ['a removed user_metadata', (({ user_metadata: _gone, ...rest }) => rest)(jane), 'user_metadata'],
    ['an empty app_metadata', { ...jane, app_metadata: {} }, 'app_metadata'],
  ])('says a PATCH cannot give %s', (_case, after, key) => {
    const error = unreachable(jane, after);
    expect([error.attributes, error.message]).toEqual([[key], cannotGive(key)]);
  });

  it('names one attribute stored otherwise', () => {
    const database = { email: 'a@example.com', identities: [{ provider: 'auth0' }] };
    expect(unreachable(database, { ...database, email: 'B@example.com' }).message).toBe(
      `No PATCH turns this user into the other: Auth0 would store email as "b@example.com": the Auth0 store keeps a database user's email and username in lower case (rule 21).`,
    );
  });

  it('lets errors that are no refusal through, such as options of the wrong type', () => {
    const error = thrownBy(() => diffUsers(jane, { ...jane, nickname: 'j' }, { connection: 'db' } as never), TypeError);
    expect(error.message).toBe('applyPatch: options.connection must be an object');
  });
});

describe('diffUsers splits forbidden pairs only', () => {
  it('keeps attributes that are no forbidden pair in one body, in either order', () => {
    expect(diffUsers({ username: 'a', nickname: 'b' }, { username: 'c', nickname: 'd' })).toEqual([
      { username: 'c', nickname: 'd' },
    ]);
    expect(diffUsers({ nickname: 'b', username: 'a' }, { nickname: 'd', username: 'c' })).toEqual([
      { nickname: 'd', username: 'c' },
    ]);
    expect(
      diffUsers(
        { email: 'a@example.com', email_verified: false, blocked: false },
        { email: 'b@example.com', email_verified: true, blocked: true },
      ),
    ).toEqual([{ email: 'b@example.com', email_verified: true, blocked: true }]);
  });

  it('moves the second of a pair to a second body, whichever comes first', () => {
    const before = { username: 'a', email: 'a@example.com' };
    expect(diffUsers(before, { username: 'b', email: 'b@example.com' })).toEqual([
      { username: 'b' },
      { email: 'b@example.com' },
    ]);
    expect(diffUsers({ email: 'a@example.com', username: 'a' }, { email: 'b@example.com', username: 'b' })).toEqual([
      { email: 'b@example.com' },
      { username: 'b' },
    ]);
    expect(diffUsers({ email_verified: false, username: 'a' }, { email_verified: true, username: 'b' })).toEqual([
      { email_verified: true },
      { username: 'b' },
    ]);
    expect(diffUsers({ username: 'a', email_verified: false }, { username: 'b', email_verified: true })).toEqual([
      { username: 'b' },
      { email_verified: true },
    ]);
  });
});

describe('preview warnings', () => {
  it('says a patch that changes nothing changes nothing, in these words', () => {
    expect(previewPatch(jane, { nickname: 'jd' }).warnings).toEqual([
      {
        code: 'no-change',
        path: '',
        pathSegments: [],
        message: 'This patch changes nothing Auth0 stores on the user: every value it sends is already there.',
      },
    ]);
  });

  it('warns that emptied app_metadata is removed, in these words, only when the user had it', () => {
    expect(previewPatch({ app_metadata: { plan: 'full' } }, { app_metadata: { plan: null } }).warnings).toEqual([
      {
        code: 'app-metadata-removed',
        path: 'app_metadata',
        pathSegments: ['app_metadata'],
        message:
          'app_metadata is left empty, so Auth0 removes it: the user comes back without app_metadata, not with {}. Code that reads user.app_metadata must allow it to be missing.',
      },
    ]);
    expect(previewPatch({}, { app_metadata: { plan: null } }).warnings.map((warning) => warning.code)).toEqual([
      'delete-missing-key',
      'no-change',
    ]);
    expect(previewPatch({ user_metadata: { a: 1 } }, { user_metadata: { a: null } }).warnings).toEqual([]);
  });

  it('warns of a large profile past 10 KB, not at exactly 10 KB', () => {
    const bytes = (user: object) => Buffer.byteLength(JSON.stringify(user));
    const filler = (size: number) => 'x'.repeat(size - bytes({ user_metadata: { a: '' } }));
    const codes = (size: number) =>
      previewPatch({}, { user_metadata: { a: filler(size) } }).warnings.map((warning) => warning.code);
    expect(codes(PROFILE_SIZE_LIMIT)).toEqual([]);
    expect(codes(PROFILE_SIZE_LIMIT + 1)).toEqual(['profile-too-large']);
  });
});

describe('jsonEqual past its walk limit', () => {
  it('still reads every pair: a difference walked last is found', () => {
    const wide = (first: number) =>
      Array.from({ length: 150_000 }, (_, index) => ({ index: index === 0 ? first : index }));
    expect(jsonEqual(wide(0), wide(0))).toBe(true);
    expect(jsonEqual(wide(0), wide(-1))).toBe(false);
  });

  it('reads own keys only, with an enumerable key planted on Object.prototype', () => {
    Object.defineProperty(Object.prototype, 'planted', {
      value: 1,
      enumerable: true,
      writable: true,
      configurable: true,
    });
    try {
      expect(jsonEqual({ planted: 1 }, { other: 1 })).toBe(false);
    } finally {
      delete (Object.prototype as Record<string, unknown>)['planted'];
    }
  });
});

describe('diffUsers with a pair among other keys', () => {
  it('moves a key to the next body when it clashes with any key already there', () => {
    expect(
      diffUsers(
        { username: 'a', nickname: 'b', email: 'a@example.com' },
        { username: 'c', nickname: 'd', email: 'c@example.com' },
      ),
    ).toEqual([{ username: 'c', nickname: 'd' }, { email: 'c@example.com' }]);
  });
});
