/** `--users` read as a JSON array or as Auth0's user export: line numbers, field names that are paths, and refusals. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { readUsersFile } from '../../src/cli/read-users-file.js';

const scratch = mkdtempSync(join(tmpdir(), 'auth0-user-patch-emulator-users-file-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
let count = 0;
const file = (content: string | Buffer) => {
  const path = join(scratch, `users-${count++}.json`);
  writeFileSync(path, content);
  return path;
};

describe('readUsersFile', () => {
  it('reads a JSON array as it is', () => {
    expect(readUsersFile(file('[{"user_id":"auth0|1"}]'))).toEqual({
      users: [{ user_id: 'auth0|1' }],
      lines: undefined,
    });
  });

  it('reads an export a user a line, past a byte-order mark, CRLF and blank lines, with each user’s line', () => {
    const text = '\uFEFF{"user_id":"auth0|1"}\r\n\r\n  \r\n{"user_id":"auth0|2"}\r\n';
    expect(readUsersFile(file(text))).toEqual({
      users: [{ user_id: 'auth0|1' }, { user_id: 'auth0|2' }],
      lines: [1, 4],
    });
    expect(readUsersFile(file(gzipSync(text))).lines).toEqual([1, 4]);
  });

  it('puts a field named by a path where it points, beside the fields given whole', () => {
    const line = {
      user_id: 'auth0|1',
      user_metadata: { color: 'pink' },
      'user_metadata.plan': 'pro',
      'app_metadata.address.city': 'Paris',
      'identities[0].connection': 'Username-Password-Authentication',
      'identities[0].provider': 'auth0',
      'identities[1].provider': 'google-oauth2',
    };
    expect(readUsersFile(file(JSON.stringify(line))).users).toEqual([
      {
        user_id: 'auth0|1',
        user_metadata: { color: 'pink', plan: 'pro' },
        app_metadata: { address: { city: 'Paris' } },
        identities: [
          { connection: 'Username-Password-Authentication', provider: 'auth0' },
          { provider: 'google-oauth2' },
        ],
      },
    ]);
  });

  it('keeps __proto__ and constructor as data, polluting nothing', () => {
    const line = '{"user_id":"a","user_metadata.__proto__":{"polluted":true},"constructor.prototype.polluted":true}';
    const [user] = readUsersFile(file(line)).users as Record<string, Record<string, unknown>>[];
    expect(Object.hasOwn(user?.['user_metadata'] ?? {}, '__proto__')).toBe(true);
    expect(Object.keys(user?.['constructor'] ?? {})).toEqual(['prototype']);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it.each([
    [
      'a field given whole and by a path',
      '{"user_metadata":{"plan":"a"},"user_metadata.plan":"b"}',
      'line 1: user_metadata.plan is given twice',
    ],
    [
      'a path through a value',
      '{"user_metadata":"x","user_metadata.plan":"b"}',
      'line 1: user_metadata.plan needs user_metadata to be an object',
    ],
    [
      'a path past 1000 items',
      '{"identities[5000].provider":"auth0"}',
      'line 1: identities[5000].provider points past 1000 items',
    ],
    [
      'a line that is not an object',
      '{"user_id":"a"}\n["b"]',
      "line 2 must be a user object, as Auth0's user export has one a line",
    ],
    ['a line that is not JSON', '{"user_id":"a"}\n{"user_id":', 'line 2 is not JSON: '],
  ])('refuses %s, naming its line', (_name, text, message) => {
    const path = file(text);
    expect(() => readUsersFile(path)).toThrow(`${path}: ${message}`);
  });

  it.each([
    ['an empty file', '', (path: string) => `${path} holds no user: give a JSON array of users or Auth0's user export`],
    ['a broken array', '[{"user_id":"a"},', (path: string) => `${path} is not valid JSON: `],
    [
      'a state',
      '{"format":"auth0-user-patch-emulator/state","version":1}',
      (path: string) => `${path} holds a state, not users: start serve with --import ${path}`,
    ],
    ['broken gzip', Buffer.from([0x1f, 0x8b, 1, 2, 3]), (path: string) => `cannot read ${path}: `],
  ])('refuses %s with one line', (_name, content, message) => {
    const path = file(content);
    expect(() => readUsersFile(path)).toThrow(message(path));
  });
});
