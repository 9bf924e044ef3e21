/**
 * Model-based test of the store's invariants (issue 22): random sequences of create, update, delete, link, unlink,
 * role and permission requests against the emulator, each compared with a small reference model written from
 * Auth0's rules, and the invariants checked on the emulator's own users after every step:
 * 1. every account (a user, or an identity linked into one) has an id no other account has;
 * 2. in each connection, an email and a username (case-insensitively) belong to one account at most.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createEmulator } from '../src/index.js';

const DATABASE = 'Username-Password-Authentication';
const USERNAMES = 'Usernames';
const API = 'https://api.example.com/';
const CONNECTIONS = [
  { name: DATABASE, strategy: 'auth0' },
  { name: USERNAMES, strategy: 'auth0', requiresUsername: true },
  { name: 'email', strategy: 'email' },
  { name: 'google-oauth2', strategy: 'google-oauth2' },
];
const PROVIDER_OF: Readonly<Record<string, string>> = {
  [DATABASE]: 'auth0',
  [USERNAMES]: 'auth0',
  email: 'email',
  'google-oauth2': 'google-oauth2',
};

// Small pools, so that requests often collide.
const LOCAL_IDS = ['a', 'b', 'c', 'g1'];
const EMAILS = ['x@example.com', 'X@Example.com', 'y@example.com', 'z@example.com'];
const USERNAMES_POOL = ['neo', 'NEO', 'trinity'];
const PROVIDERS = ['auth0', 'email', 'google-oauth2'];

/** An account of the model: a user's primary identity, or one linked into a user. */
type Account = {
  readonly id: string;
  readonly provider: string;
  readonly localId: string;
  readonly connection: string | undefined;
  readonly email: string | undefined;
  readonly username: string | undefined;
};
/** A user of the model: its primary account, the accounts linked into it, its roles and direct permissions. */
type ModelUser = { primary: Account; linked: Account[]; roles: Set<string>; permissions: Set<string> };
type Model = { users: Map<string, ModelUser>; roleIds: readonly string[] };
type Real = {
  auth0: ReturnType<typeof createEmulator>;
  call: (method: string, path: string, body?: unknown) => Promise<Answer>;
};
type Answer = { status: number; body: unknown };

const account = (
  provider: string,
  localId: string,
  connection: string | undefined,
  email?: string,
  username?: string,
) => ({
  id: `${provider}|${localId}`,
  provider,
  localId,
  connection,
  email,
  username,
});

const SEEDS = [
  {
    user_id: 'google-oauth2|g1',
    email: 'x@example.com',
    identities: [{ connection: 'google-oauth2', provider: 'google-oauth2', user_id: 'g1', isSocial: true }],
  },
  // A user seeded without identities: no connection, and nothing to link.
  { user_id: 'auth0|bare', email: 'x@example.com' },
];

function modelOfSeeds(roleIds: readonly string[]): Model {
  const users = new Map<string, ModelUser>([
    ['google-oauth2|g1', fresh(account('google-oauth2', 'g1', 'google-oauth2', 'x@example.com'))],
    ['auth0|bare', fresh(account('auth0', 'bare', undefined, 'x@example.com'))],
  ]);
  return { users, roleIds };
}

function fresh(primary: Account): ModelUser {
  return { primary, linked: [], roles: new Set(), permissions: new Set() };
}

const fold = (text: string | undefined) => text?.toLowerCase();

/** Every account of the model, with the user holding it. */
function accounts(model: Model): { holder: string; account: Account; primary: boolean }[] {
  return [...model.users].flatMap(([holder, user]) => [
    { holder, account: user.primary, primary: true },
    ...user.linked.map((linked) => ({ holder, account: linked, primary: false })),
  ]);
}

/** Whether `candidate` clashes with an account of the model other than those `except` says to skip. */
function clashes(model: Model, candidate: Account, except: (holder: string, primary: boolean) => boolean): boolean {
  return accounts(model).some(({ holder, account: other, primary }) => {
    if (except(holder, primary)) return false;
    if (other.id === candidate.id) return true;
    if (candidate.connection === undefined || other.connection !== candidate.connection) return false;
    const same = (left: string | undefined, right: string | undefined) =>
      left !== undefined && fold(left) === fold(right);
    return same(candidate.email, other.email) || same(candidate.username, other.username);
  });
}

const encode = (id: string) => encodeURIComponent(id);

/** The invariants, checked on the emulator's own users (not on the model). */
function checkInvariants(real: Real): void {
  const ids = new Set<string>();
  const keys = new Set<string>();
  const take = (set: Set<string>, key: string) => {
    expect(set.has(key), `${key} is held twice`).toBe(false);
    set.add(key);
  };
  for (const user of real.auth0.users.values()) {
    const [primary, ...linked] = user.identities ?? [];
    const rows = [
      { id: user.user_id as string, connection: primary?.connection, email: user.email, username: user.username },
      ...linked.map((identity) => {
        const data = (identity['profileData'] ?? {}) as { email?: string; username?: string };
        return { id: `${identity.provider}|${identity.user_id}`, connection: identity.connection, ...data };
      }),
    ];
    for (const row of rows) {
      take(ids, row.id);
      if (row.connection === undefined) continue;
      if (row.email !== undefined) take(keys, `email ${row.connection} ${row.email.toLowerCase()}`);
      if (row.username !== undefined) take(keys, `username ${row.connection} ${row.username.toLowerCase()}`);
    }
  }
}

/** The emulator's users as the model sees them: accounts by id, with connection, email and username. */
async function compare(model: Model, real: Real): Promise<void> {
  const shown = (entry: Account) => [entry.id, entry.connection, fold(entry.email), fold(entry.username)];
  const expected = [...model.users].map(([id, user]) => [id, shown(user.primary), user.linked.map(shown)]).sort();
  const actual = [...real.auth0.users.values()]
    .map((user) => {
      const [primary, ...linked] = user.identities ?? [];
      return [
        user.user_id,
        [user.user_id, primary?.connection, fold(user.email), fold(user.username)],
        linked.map((identity) => {
          const data = (identity['profileData'] ?? {}) as { email?: string; username?: string };
          return [
            `${identity.provider}|${identity.user_id}`,
            identity.connection,
            fold(data.email),
            fold(data.username),
          ];
        }),
      ];
    })
    .sort();
  expect(actual).toEqual(expected);
  checkInvariants(real);
  for (const roleId of model.roleIds) {
    const { body } = await real.call('GET', `/roles/${roleId}/users?per_page=100`);
    const members = (body as { user_id: string }[]).map((member) => member.user_id).sort();
    expect(members).toEqual(
      [...model.users]
        .filter(([, user]) => user.roles.has(roleId))
        .map(([id]) => id)
        .sort(),
    );
  }
}

/** One request of a random sequence: it predicts Auth0's status from the model, sends, and compares. */
abstract class Step implements fc.AsyncCommand<Model, Real> {
  check = () => true;
  abstract send(model: Model, real: Real): Promise<void>;
  async run(model: Model, real: Real): Promise<void> {
    await this.send(model, real);
    await compare(model, real);
  }
}

class Create extends Step {
  constructor(
    readonly connection: string,
    readonly localId: string | undefined,
    readonly email: string,
    readonly username: string,
  ) {
    super();
  }
  async send(model: Model, real: Real) {
    const provider = PROVIDER_OF[this.connection] as string;
    const body = {
      connection: this.connection,
      email: this.email,
      ...(provider === 'auth0' ? { password: 'Sturdy-Pass-2026' } : {}),
      ...(this.connection === USERNAMES ? { username: this.username } : {}),
      ...(this.localId === undefined ? {} : { user_id: this.localId }),
    };
    const answer = await real.call('POST', '/users', body);
    const username = this.connection === USERNAMES ? this.username : undefined;
    const candidate = account(provider, this.localId ?? 'random', this.connection, this.email, username);
    if (this.localId !== undefined && clashes(model, candidate, () => false)) {
      expect(answer.status).toBe(409);
      return;
    }
    if (clashes(model, { ...candidate, id: '' }, () => false)) {
      expect(answer.status).toBe(409);
      return;
    }
    expect(answer.status).toBe(201);
    const id = (answer.body as { user_id: string }).user_id;
    model.users.set(id, fresh({ ...candidate, id, localId: id.slice(provider.length + 1) }));
  }
  override toString = () => `create(${this.connection}, ${this.localId}, ${this.email}, ${this.username})`;
}

class Rename extends Step {
  constructor(
    readonly userId: string,
    readonly email: string,
    readonly username: string,
  ) {
    super();
  }
  async send(model: Model, real: Real) {
    const user = model.users.get(this.userId);
    const connection = user?.primary.connection;
    // Emails are changed on database users, usernames where the connection has them; others get metadata.
    const body =
      connection === USERNAMES
        ? { username: this.username }
        : connection === DATABASE || user === undefined
          ? { email: this.email }
          : { user_metadata: { color: this.email } };
    const answer = await real.call('PATCH', `/users/${encode(this.userId)}`, body);
    if (user === undefined) return expect(answer.status).toBe(404);
    const renamed = { ...user.primary, ...body };
    if (clashes(model, renamed, (holder, primary) => holder === this.userId && primary))
      return expect(answer.status).toBe(400);
    expect(answer.status).toBe(200);
    user.primary = renamed;
  }
  override toString = () => `rename(${this.userId}, ${this.email}, ${this.username})`;
}

class Delete extends Step {
  constructor(readonly userId: string) {
    super();
  }
  async send(model: Model, real: Real) {
    const answer = await real.call('DELETE', `/users/${encode(this.userId)}`);
    // Deleting a user deletes the identities linked into it ("the secondary account is deleted as well").
    expect(answer.status).toBe(204);
    model.users.delete(this.userId);
  }
  override toString = () => `delete(${this.userId})`;
}

class Link extends Step {
  constructor(
    readonly primaryId: string,
    readonly provider: string,
    readonly secondaryId: string,
  ) {
    super();
  }
  async send(model: Model, real: Real) {
    const answer = await real.call('POST', `/users/${encode(this.primaryId)}/identities`, {
      provider: this.provider,
      user_id: this.secondaryId,
    });
    const primary = model.users.get(this.primaryId);
    if (primary === undefined) return expect(answer.status).toBe(404);
    // The secondary is a user, named as provider|user_id or by its full user_id.
    const short = model.users.get(`${this.provider}|${this.secondaryId}`);
    const full = model.users.get(this.secondaryId);
    const secondary = short ?? (full?.primary.provider === this.provider ? full : undefined);
    const identityId =
      secondary?.primary.localId ??
      (this.secondaryId.startsWith(`${this.provider}|`)
        ? this.secondaryId.slice(this.provider.length + 1)
        : this.secondaryId);
    const identities = primary.primary.connection === undefined ? [] : [primary.primary, ...primary.linked];
    const held = identities.findIndex((entry) => entry.provider === this.provider && entry.localId === identityId);
    if (secondary === primary || held === 0) return expect(answer.status).toBe(400);
    if (held > 0) return expect(answer.status).toBe(409);
    if (secondary === undefined) return expect(answer.status).toBe(400);
    // Users seeded without identities (no connection) cannot be linked, either way.
    if (secondary.primary.connection === undefined || primary.primary.connection === undefined)
      return expect(answer.status).toBe(400);
    expect(answer.status).toBe(201);
    primary.linked.push(secondary.primary, ...secondary.linked);
    model.users.delete(secondary.primary.id);
  }
  override toString = () => `link(${this.primaryId}, ${this.provider}, ${this.secondaryId})`;
}

class Unlink extends Step {
  constructor(
    readonly primaryId: string,
    readonly pick: number,
  ) {
    super();
  }
  async send(model: Model, real: Real) {
    const primary = model.users.get(this.primaryId);
    const every = accounts(model).map(({ account: entry }) => entry);
    const target = every[this.pick % Math.max(every.length, 1)] ?? account('auth0', 'none', DATABASE);
    const answer = await real.call(
      'DELETE',
      `/users/${encode(this.primaryId)}/identities/${target.provider}/${encode(target.localId)}`,
    );
    if (primary === undefined) return expect(answer.status).toBe(404);
    // The main identity cannot be removed (a user seeded without identities has none).
    if (primary.primary.connection !== undefined && primary.primary.id === target.id)
      return expect(answer.status).toBe(400);
    const index = primary.linked.findIndex((entry) => entry.id === target.id);
    expect(answer.status).toBe(200);
    if (index === -1) return;
    // A separate user again, without metadata, roles or permissions.
    primary.linked.splice(index, 1);
    model.users.set(target.id, fresh(target));
  }
  override toString = () => `unlink(${this.primaryId}, #${this.pick})`;
}

class AssignRole extends Step {
  constructor(
    readonly userId: string,
    readonly role: number,
  ) {
    super();
  }
  async send(model: Model, real: Real) {
    const roleId = model.roleIds[this.role] as string;
    const answer = await real.call('POST', `/roles/${roleId}/users`, { users: [this.userId] });
    const user = model.users.get(this.userId);
    if (user === undefined) return expect(answer.status).toBe(404);
    expect(answer.status).toBe(200);
    user.roles.add(roleId);
  }
  override toString = () => `assignRole(${this.userId}, ${this.role})`;
}

class Grant extends Step {
  constructor(
    readonly userId: string,
    readonly permission: string,
  ) {
    super();
  }
  async send(model: Model, real: Real) {
    const answer = await real.call('POST', `/users/${encode(this.userId)}/permissions`, {
      permissions: [{ resource_server_identifier: API, permission_name: this.permission }],
    });
    const user = model.users.get(this.userId);
    if (user === undefined) return expect(answer.status).toBe(404);
    expect(answer.status).toBe(201);
    user.permissions.add(this.permission);
    const { body } = await real.call('GET', `/users/${encode(this.userId)}/permissions`);
    expect((body as { permission_name: string }[]).map((held) => held.permission_name).sort()).toEqual(
      [...user.permissions].sort(),
    );
  }
  override toString = () => `grant(${this.userId}, ${this.permission})`;
}

const userIds = fc.oneof(
  fc.constantFrom(...LOCAL_IDS.flatMap((id) => PROVIDERS.map((provider) => `${provider}|${id}`))),
  fc.constantFrom('auth0|bare', 'google-oauth2|g1'),
);
const steps = [
  fc
    .tuple(
      fc.constantFrom(DATABASE, USERNAMES, 'email'),
      fc.option(fc.constantFrom(...LOCAL_IDS), { nil: undefined }),
      fc.constantFrom(...EMAILS),
      fc.constantFrom(...USERNAMES_POOL),
    )
    .map(([connection, localId, email, username]) => new Create(connection, localId, email, username)),
  fc
    .tuple(userIds, fc.constantFrom(...EMAILS), fc.constantFrom(...USERNAMES_POOL))
    .map(([id, email, username]) => new Rename(id, email, username)),
  userIds.map((id) => new Delete(id)),
  fc
    .tuple(userIds, fc.constantFrom(...PROVIDERS), fc.oneof(fc.constantFrom(...LOCAL_IDS, 'bare'), userIds))
    .map(([primary, provider, secondary]) => new Link(primary, provider, secondary)),
  fc.tuple(userIds, fc.nat(20)).map(([primary, pick]) => new Unlink(primary, pick)),
  fc.tuple(userIds, fc.nat(1)).map(([id, role]) => new AssignRole(id, role)),
  fc.tuple(userIds, fc.constantFrom('read:posts', 'write:posts')).map(([id, permission]) => new Grant(id, permission)),
];

async function setup(): Promise<{ model: Model; real: Real }> {
  const auth0 = createEmulator({
    token: 'test-token',
    connections: CONNECTIONS,
    users: SEEDS,
    resourceServers: [{ identifier: API, scopes: [{ value: 'read:posts' }, { value: 'write:posts' }] }],
  });
  const call = async (method: string, path: string, body?: unknown): Promise<Answer> => {
    const response = await auth0.fetch(
      new Request(`https://tenant.example/api/v2${path}`, {
        method,
        headers: { authorization: 'Bearer test-token', 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      }),
    );
    const text = await response.text();
    return { status: response.status, body: text === '' ? undefined : (JSON.parse(text) as unknown) };
  };
  const roleIds: string[] = [];
  for (const name of ['editor', 'viewer'])
    roleIds.push(((await call('POST', '/roles', { name })).body as { id: string }).id);
  return { model: modelOfSeeds(roleIds), real: { auth0, call } };
}

describe('the store’s invariants under random sequences of requests (model-based)', () => {
  it('keeps every account unique and agrees with the reference model, step by step', async () => {
    await fc.assert(
      fc.asyncProperty(fc.commands(steps, { maxCommands: 100, size: 'max' }), async (commands) => {
        const { model, real } = await setup();
        await fc.asyncModelRun(() => ({ model, real }), commands);
      }),
      { numRuns: 60 },
    );
  });
});
