/** The replay's comparison finds every difference but the values Auth0 generates, and maps those consistently. */
import { describe, expect, it } from 'vitest';
import * as emulator from '../../src/index.js';
import { compareJson, IdMap } from './compare.js';
import type { Cassette } from './recordings.js';
import { replayCassette } from './replay-cassette.js';

const context = () => ({ ids: new IdMap(), unscrub: (text: string) => text });

describe('the replay’s comparison', () => {
  it('finds a missing, an extra, a changed, a retyped value and another length', () => {
    const differences = compareJson(
      { a: 1, b: 'x', c: [1, 2], d: { e: true }, g: null },
      { a: 2, b: 'x', c: [1], d: { e: 'true' }, f: 0, g: null },
      context(),
    );
    expect(differences).toEqual([
      { kind: 'value', path: '$.a', recorded: 1, emulator: 2 },
      { kind: 'length', path: '$.c', recorded: 2, emulator: 1 },
      { kind: 'type', path: '$.d.e', recorded: true, emulator: 'true' },
      { kind: 'extra', path: '$.f', emulator: 0 },
    ]);
    expect(compareJson({ a: 1 }, {}, context())).toEqual([{ kind: 'missing', path: '$.a', recorded: 1 }]);
  });

  it('ignores timestamps and a ticket’s random part only where both sides have one', () => {
    expect(compareJson({ at: '2021-09-03T20:16:27.983Z' }, { at: '2026-11-26T12:00:00.000Z' }, context())).toEqual([]);
    expect(compareJson({ at: '2021-09-03T20:16:27.983Z' }, { at: 'yesterday' }, context())).toHaveLength(1);
    const ticket = (value: string) => ({ ticket: `https://tenant.example/u/reset-password?ticket=${value}#` });
    expect(compareJson(ticket('abc'), ticket('xyz'), context())).toEqual([]);
    expect(
      compareJson(ticket('abc'), { ticket: 'https://tenant.example/lo/reset?ticket=xyz#' }, context()),
    ).toHaveLength(1);
  });

  it('maps a generated id to the emulator’s of the same form, once, and then expects it everywhere', () => {
    const shared = context();
    expect(compareJson({ id: 'rol_AAAAAAAAAAAAAAAA' }, { id: 'rol_BBBBBBBBBBBBBBBB' }, shared)).toEqual([]);
    expect(shared.ids.text('/roles/rol_AAAAAAAAAAAAAAAA/users')).toBe('/roles/rol_BBBBBBBBBBBBBBBB/users');
    expect(compareJson({ id: 'rol_AAAAAAAAAAAAAAAA' }, { id: 'rol_CCCCCCCCCCCCCCCC' }, shared)).toEqual([
      { kind: 'value', path: '$.id', recorded: 'rol_BBBBBBBBBBBBBBBB', emulator: 'rol_CCCCCCCCCCCCCCCC' },
    ]);
    expect(compareJson({ id: 'rol_DDDDDDDDDDDDDDDD' }, { id: 'rol_BBBBBBBBBBBBBBBB' }, shared)[0]?.kind).toBe(
      'id-conflict',
    );
    // Another form is no id of this one: a user id keeps its provider.
    expect(
      compareJson({ user_id: 'auth0|0123456789abcdef01234567' }, { user_id: 'email|0123456789abcdef01234567' }, shared),
    ).toHaveLength(1);
    expect(shared.ids.text(encodeURIComponent('x|rol_AAAAAAAAAAAAAAAA'))).toBe(
      encodeURIComponent('x|rol_BBBBBBBBBBBBBBBB'),
    );
  });

  it('fails a cassette whose recorded answer the emulator does not give, and expects 501 on a route it does not serve', async () => {
    const cassette: Cassette = {
      repository: 'auth0/terraform-provider-auth0',
      path: 'made-up.yaml',
      recordedAt: '2026-08-01T00:00:00.000Z',
      dateFrom: 'answers',
      host: 'tenant.example',
      connections: [],
      interactions: [
        {
          method: 'POST',
          path: '/roles',
          route: 'POST /roles',
          request: { name: 'Reader' },
          status: 201,
          response: { id: 'rol_AAAAAAAAAAAAAAAA', name: 'Reader', type: 'tenant' },
        },
        {
          method: 'GET',
          path: '/roles/rol_AAAAAAAAAAAAAAAA',
          route: 'GET /roles/{id}',
          status: 200,
          response: { id: 'rol_AAAAAAAAAAAAAAAA', name: 'Reader', description: '', type: 'tenant' },
        },
        { method: 'GET', path: '/connections', status: 200 },
        { method: 'GET', path: '/users/x/federated-connections-tokensets', status: 200 },
      ],
    };
    const outcomes = await replayCassette(emulator, cassette, []);
    expect(outcomes.map((outcome) => outcome.differences)).toEqual([
      [{ kind: 'status', path: '$', recorded: 201, emulator: 200 }],
      [],
      [],
      [
        {
          kind: 'not-501',
          path: '$',
          recorded: 200,
          emulator: { statusCode: 404, error: 'Not Found', message: 'Not Found' },
        },
      ],
    ]);
    expect(outcomes[1]?.sentPath).toMatch(/^\/roles\/rol_(?!AAAAAAAAAAAAAAAA)[A-Za-z0-9]{16}$/);
  });
});
