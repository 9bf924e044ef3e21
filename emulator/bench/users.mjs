// The users and requests of the emulator's benchmark, shared by the servers (each in its own process) and the
// in-process measurements: `count` users shaped like the library benchmark's typical user (1.6 KB), each with its
// own id, email and username; one in ten has user_metadata.plan "pro".
import { workloads } from '../../bench/workloads.mjs';

export const TOKEN = 'bench-token';
export const CLIENT = { clientId: 'bench-client', clientSecret: 'bench-secret' };
export const TYPICAL = workloads[0];

/** The benchmark's users, fresh objects each call. */
export function benchUsers(count) {
  const base = TYPICAL.user;
  return Array.from({ length: count }, (_, index) => ({
    ...base,
    user_id: `auth0|${index}`,
    email: `user${index}@example.com`,
    username: `user${index}`,
    identities: [{ ...base.identities[0], user_id: String(index) }, base.identities[1]].map((identity, at) =>
      at === 1 ? { ...identity, user_id: `g${index}` } : identity,
    ),
    user_metadata: { ...base.user_metadata, plan: index % 10 === 0 ? 'pro' : 'free' },
  }));
}

/** The HTTP workloads: each request, and whether the emulator is reached with the client's token or the fixed one. */
export const HTTP_USERS = 1000;
const patchPath = `/api/v2/users/${encodeURIComponent('auth0|7')}`;
export const HTTP_WORKLOADS = [
  { name: 'PATCH a user, fixed token', method: 'PATCH', path: patchPath, body: TYPICAL.patchText, grant: 'token' },
  {
    name: 'PATCH a user, client-credentials token',
    method: 'PATCH',
    path: patchPath,
    body: TYPICAL.patchText,
    grant: 'client',
  },
  { name: 'GET a user by id', method: 'GET', path: patchPath, grant: 'token' },
  {
    name: 'search by email (q=email:"…")',
    method: 'GET',
    path: `/api/v2/users?search_engine=v3&q=${encodeURIComponent('email:"user777@example.com"')}`,
    grant: 'token',
  },
  {
    name: 'search by metadata (q=user_metadata.plan:pro, first page of 50)',
    method: 'GET',
    path: `/api/v2/users?search_engine=v3&q=${encodeURIComponent('user_metadata.plan:pro')}`,
    grant: 'token',
  },
];
