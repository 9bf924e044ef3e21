/** A polluted Object.prototype (enumerable keys planted on it: app_metadata, password, now, the connection's settings) changes nothing. */
import { describe, expect, it } from 'vitest';
import { applyPatch, applyPatchJson, diffUsers, PatchError, previewPatch, validatePatch } from '../../src/index.js';
import { jsonEqual } from '../../src/describe/json-equal.js';
import { listChanges } from '../../src/describe/list-changes.js';
import { profileSize } from '../../src/describe/profile-size.js';
import { thrownBy } from '../support/errors.js';

const POLLUTION: Record<string, unknown> = {
  app_metadata: { plan: 'stolen' },
  user_metadata: { admin: true },
  password: 'hunter2!',
  now: new Date('2001-01-01T00:00:00Z'),
};

function polluted<T>(run: () => T): T {
  for (const [key, value] of Object.entries(POLLUTION)) {
    Object.defineProperty(Object.prototype, key, { value, enumerable: true, writable: true, configurable: true });
  }
  try {
    return run();
  } finally {
    for (const key of Object.keys(POLLUTION)) delete (Object.prototype as Record<string, unknown>)[key];
  }
}

const outcome = (run: () => unknown) => {
  try {
    return { value: JSON.parse(JSON.stringify(run() ?? null)) as unknown };
  } catch (error) {
    return { thrown: String(error) };
  }
};

const user = { user_id: 'auth0|1', nickname: 'jd', user_metadata: { color: 'pink' } };
const withApp = { ...user, app_metadata: { plan: 'full' } };
// No metadata of its own: a merge must not start from what the prototype holds.
const bare = { user_id: 'auth0|2' };
const patches: unknown[] = [
  { nickname: 'jane' },
  { nickname: 'jd' },
  { app_metadata: {} },
  { app_metadata: { plan: null } },
  { user_metadata: {} },
  { username: 'jane' },
  { email: 'a@example.com' },
  { app_metadata: { seats: 3 } },
  { user_metadata: { color: 'green' } },
];

/** Runs `run` with the given enumerable keys planted on Object.prototype, then removes them. */
function pollutedWith<T>(keys: Record<string, unknown>, run: () => T): T {
  for (const [key, value] of Object.entries(keys)) {
    Object.defineProperty(Object.prototype, key, { value, enumerable: true, writable: true, configurable: true });
  }
  try {
    return run();
  } finally {
    for (const key of Object.keys(keys)) delete (Object.prototype as Record<string, unknown>)[key];
  }
}

describe('a polluted Object.prototype', () => {
  it.each(patches.map((patch) => [JSON.stringify(patch), patch]))(
    'applyPatch with %s behaves as without it',
    (_name, patch) => {
      for (const stored of [user, withApp, bare]) {
        expect(polluted(() => outcome(() => applyPatch(stored, patch as never)))).toEqual(
          outcome(() => applyPatch(stored, patch as never)),
        );
        expect(polluted(() => outcome(() => applyPatch(stored, patch as never, {})))).toEqual(
          outcome(() => applyPatch(stored, patch as never, {})),
        );
      }
    },
  );

  it.each(patches.map((patch) => [JSON.stringify(patch), patch]))(
    'previewPatch with %s behaves as without it',
    (_name, patch) => {
      for (const stored of [user, withApp, bare]) {
        expect(polluted(() => outcome(() => previewPatch(stored, patch)))).toEqual(
          outcome(() => previewPatch(stored, patch)),
        );
      }
    },
  );

  it.each(patches.map((patch) => [JSON.stringify(patch), patch]))(
    'validatePatch with %s behaves as without it',
    (_name, patch) => {
      expect(polluted(() => outcome(() => validatePatch(patch)))).toEqual(outcome(() => validatePatch(patch)));
    },
  );

  it('diffUsers behaves as without it', () => {
    const pairs: [object, object][] = [
      [user, { ...user, nickname: 'jane' }],
      [withApp, user],
      [user, withApp],
      [user, user],
      [withApp, { ...withApp, username: 'jane', email: 'a@example.com' }],
    ];
    for (const [before, after] of pairs) {
      expect(polluted(() => outcome(() => diffUsers(before, after)))).toEqual(outcome(() => diffUsers(before, after)));
    }
  });

  it('listChanges and profileSize behave as without it', () => {
    expect(polluted(() => listChanges(user, withApp))).toEqual(listChanges(user, withApp));
    expect(polluted(() => profileSize(withApp))).toBe(profileSize(withApp));
  });

  it('plants no identity, connection or setting for the connection rules (rules 20 to 25)', () => {
    const planted: Record<string, unknown> = {
      identities: [{ provider: 'samlp', connection: 'planted' }],
      provider: 'google-oauth2',
      connection: { options: { requires_username: 'yes' } },
      options: { set_user_root_attributes: 'sometimes' },
      requires_username: false,
      set_user_root_attributes: 'sometimes',
      enabledDatabaseCustomization: true,
      attributes: 'x',
      username: 'planted',
    };
    const database = { user_id: 'auth0|1', identities: [{ provider: 'auth0' }] };
    const cases: [object, object, object][] = [
      [user, { email: 'Jane@Example.com', email_verified: true, name: 'x' }, {}],
      [{ identities: [{}] }, { email: 'Jane@Example.com', name: 'x' }, {}],
      [database, { email: 'Jane@Example.com' }, {}],
      [database, { username: 'neo' }, { connection: {} }],
      [database, { username: 'neo' }, { connection: { options: {} } }],
    ];
    for (const [stored, patch, options] of cases) {
      const run = () => outcome(() => applyPatch(stored, patch as never, options));
      const clean = run();
      for (const [key, value] of Object.entries(planted)) {
        Object.defineProperty(Object.prototype, key, { value, enumerable: true, writable: true, configurable: true });
      }
      try {
        expect(run()).toEqual(clean);
      } finally {
        for (const key of Object.keys(planted)) delete (Object.prototype as Record<string, unknown>)[key];
      }
    }
  });
});

describe('a polluted Object.prototype and copied values', () => {
  it('adds no inherited key to copied nested objects, and still copies and checks them', () => {
    const patch = { user_metadata: { a: { b: { c: 1 } } } };
    const user = pollutedWith({ injected: 7 }, () => applyPatch({}, patch)) as unknown as typeof patch;
    expect(JSON.stringify(user)).toBe('{"user_metadata":{"a":{"b":{"c":1}}}}');
    const fromText = pollutedWith({ injected: 7 }, () =>
      applyPatchJson({}, '{"user_metadata":{"a":{"b":{"c":1}},"l":[{"d":2}]}}'),
    );
    expect(JSON.stringify(fromText)).toBe('{"user_metadata":{"a":{"b":{"c":1}},"l":[{"d":2}]}}');
    expect(Object.hasOwn(user.user_metadata.a, 'injected')).toBe(false);
    expect(Object.hasOwn(user.user_metadata.a.b, 'injected')).toBe(false);
    expect(user.user_metadata.a.b).not.toBe(patch.user_metadata.a.b);
    const error = pollutedWith({ injected: 7 }, () => validatePatch({ user_metadata: { a: { b: Number.NaN } } }));
    expect(error?.path).toBe('user_metadata.a.b');
  });

  it('warns of no dropped key for a name the user only inherits', () => {
    const preview = pollutedWith({ injected: { kept: 1 } }, () =>
      previewPatch({ user_metadata: {} }, { user_metadata: { injected: { other: 2 } } }),
    );
    expect(preview.warnings).toEqual([]);
  });
});

describe('a polluted Object.prototype and parsed text', () => {
  it('still checks nested values of the parsed body with a polluted Object.prototype', () => {
    const error = pollutedWith({ injected: 7 }, () =>
      thrownBy(() => applyPatchJson({}, '{"user_metadata":{"a":{"b":1e400}}}'), PatchError),
    );
    expect(error.path).toBe('user_metadata.a.b');
  });
});

describe('a polluted Object.prototype and jsonEqual', () => {
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
