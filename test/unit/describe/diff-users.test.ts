/** diffUsers beyond the shared suites: UnreachableUserError's words, the split of forbidden pairs, null attributes, deep users. */
import { describe, expect, it } from 'vitest';
import { diffUsers, applyPatch, UnreachableUserError } from '../../../src/index.js';
import { thrownBy } from '../../support/errors.js';
import { jane } from '../../support/fixtures.js';
import { deep } from '../../support/values.js';

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
      // Auth0's refusal of {"nickname":""}: the OAS schema's minLength 1 and description of nickname (rule 15).
      "No PATCH turns this user into the other: Auth0 would refuse the PATCH it takes: Payload validation error: 'String is too short (0 chars), minimum 1' on property nickname (Preferred nickname or alias of this user.).",
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

describe('null attributes in diffUsers', () => {
  it('calls an after whose email is null unreachable, not [{ email: null }] (null removes the email)', () => {
    expect(() => diffUsers({ email: 'jane@example.com' }, { email: null } as never)).toThrow(UnreachableUserError);
    expect(
      thrownBy(() => diffUsers({ email: 'jane@example.com' }, { email: null } as never), UnreachableUserError)
        .attributes,
    ).toEqual(['email']);
  });

  it('reaches a user whose stored metadata keeps a first-level null that one body leaves alone', () => {
    const before = { user_metadata: { legacy: null, color: 'pink' } };
    const after = { user_metadata: { legacy: null, color: 'blue' } };
    const bodies = diffUsers(before, after);
    expect(bodies).toEqual([{ user_metadata: { color: 'blue' } }]);
    expect(applyPatch(before, bodies[0] as never)).toEqual(after);
  });
});

describe('diffUsers on deep values', () => {
  it('diffUsers finds the one change beside an unchanged 10,000-level value', () => {
    expect(
      diffUsers(
        { nickname: 'jd', user_metadata: { d: deep(10_000) } },
        { nickname: 'jane', user_metadata: { d: deep(10_000) } },
      ),
    ).toEqual([{ nickname: 'jane' }]);
  });

  it('diffUsers calls a 10,000-level change unreachable instead of throwing RangeError', () => {
    expect(() =>
      diffUsers({ user_metadata: { d: deep(10_000, 1) } }, { user_metadata: { d: deep(10_000, 2) } }),
    ).toThrow(UnreachableUserError);
    expect(() => diffUsers({}, { app_metadata: { d: deep(10_000) } })).toThrow(UnreachableUserError);
  });
});
