/**
 * `fields` / `include_fields` of GET /api/v2/users, /users/{id}, /users-by-email: "Comma-separated list of fields to include
 * or exclude (based on value provided for include_fields) in the result. Leave empty to retrieve all fields." and "Whether
 * specified fields are to be included (true) or excluded (false)." (https://auth0.com/docs/api/management/v2/users/get-users)
 */
import { describe, expect, it } from 'vitest';
import { selectFields } from '../../src/search/index.js';

const user = { user_id: 'auth0|1', email: 'jane@example.com', name: 'Jane', app_metadata: { plan: 'gold' } };

describe('selectFields', () => {
  it('without fields, returns every field (the user itself: its answer is only serialized)', () => {
    expect(selectFields(user, undefined, undefined)).toBe(user);
    expect(selectFields(user, '', false)).toEqual(user);
    expect(selectFields(user, ' , ', true)).toEqual(user);
  });

  it('include_fields defaults to true: only the listed fields', () => {
    expect(selectFields(user, 'email,name', undefined)).toEqual({ email: 'jane@example.com', name: 'Jane' });
  });

  it('include_fields=false: every field but the listed ones', () => {
    expect(selectFields(user, 'email,app_metadata', false)).toEqual({ user_id: 'auth0|1', name: 'Jane' });
  });

  it('does not add user_id when it is not listed (decision: no source says it is always returned)', () => {
    expect(selectFields(user, 'email', true)).toEqual({ email: 'jane@example.com' });
  });

  it('ignores spaces, empty items and unknown fields; keeps the user order', () => {
    expect(Object.keys(selectFields(user, ' name , ,user_id,nope', true))).toEqual(['user_id', 'name']);
  });

  it('never changes the user', () => {
    const before = structuredClone(user);
    selectFields(user, 'email', false);
    expect(user).toEqual(before);
  });
});
