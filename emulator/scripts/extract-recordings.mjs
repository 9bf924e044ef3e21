#!/usr/bin/env node
/**
 * Writes emulator/spec/recordings.json: the real Management API traffic that three of Auth0's SDKs recorded against
 * real tenants, trimmed to what the replay test (test/replay/replay.test.ts) needs. It reads the three repositories'
 * git objects, offline:
 *
 *   npm run extract:recordings -- --terraform <git dir> --go <git dir> --ruby <git dir> [--output <file>]
 *
 * Each `<git dir>` is a clone's `.git` or a bare copy; `<git dir>@<commit or tag>` reads another commit than the
 * pinned one (REFS below). Sources:
 * - github.com/auth0/terraform-provider-auth0, test/data/recordings/*.yaml (go-vcr v2);
 * - github.com/auth0/go-auth0 at v1.45.0, test/data/recordings/**.yaml but authentication/ (go-vcr v2): the last
 *   line with Management API recordings (v2 and later test a generated SDK against WireMock);
 * - github.com/auth0/ruby-auth0 at v5.20.0, spec/fixtures/vcr_cassettes/**.yml (Ruby VCR 6): v6 deleted them.
 *
 * go-vcr keeps raw bodies (`request.body`, `response.body`) and `response.code`, and no date: a cassette is dated by
 * the earliest timestamp in its answers, else by its file's last commit (an upper bound). Ruby VCR keeps
 * `body.string` (or `base64_string`), `response.status.code` and `recorded_at`; one Ruby file holds one RSpec
 * example, whose state other files of the same spec made (`before(:all)`), so the files of a spec are joined into
 * one cassette in the order RSpec ran them, read from the spec (at the commit that recorded them when the spec has
 * since dropped examples).
 *
 * Kept: the cassettes with an interaction on a route the emulator serves (SERVED_ROUTES), each whole and in order.
 * An interaction on a served route keeps its method, path (relative to /api/v2, query as recorded), request body,
 * status and response body; one on another Management API route keeps its method, path and status only (the replay
 * expects the emulator's 501); one outside /api/v2 (Ruby's /oauth/token) is dropped. Each cassette also names the
 * connections it uses (the replay creates them through `options.connections`), with the `options` Auth0 answered
 * for those the cassette created, and `tenantConnections` gives each tenant's `Username-Password-Authentication` with
 * its options, from the last `GET /connections` answer in its recordings that lists it.
 *
 * It also writes src/permissions/management-api-scopes.generated.ts: the scopes (with their descriptions, in their
 * order) of the tenant's own "Auth0 Management API" in the newest recorded answer that lists it, which the emulator
 * answers as its system API.
 *
 * Deterministic: the same commits give the same bytes. Needs git and the `yaml` package (a dev dependency).
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { format, resolveConfig } from 'prettier';
import { parse as parseYaml } from 'yaml';

const OUTPUT = fileURLToPath(new URL('../spec/recordings.json', import.meta.url));
const SCOPES_OUTPUT = fileURLToPath(new URL('../src/permissions/management-api-scopes.generated.ts', import.meta.url));

/** The commits read by default: the replay's data is reproducible from these. */
const REFS = {
  terraform: 'a00b69214a6c1daef76cf89d25ece690c7f9db22', // HEAD of 2026-08-18
  go: 'c17c732a526bd64d53e107eff6cb08ef84333563', // tag v1.45.0
  ruby: 'cce6e762a37113d7782c245714155e10950d983c', // tag v5.20.0
};

/** The Management API routes the emulator serves: their interactions are replayed and compared. */
const SERVED_ROUTES = [
  'GET /users',
  'POST /users',
  'GET /users/{id}',
  'PATCH /users/{id}',
  'DELETE /users/{id}',
  'GET /users-by-email',
  'GET /roles',
  'POST /roles',
  'GET /roles/{id}',
  'PATCH /roles/{id}',
  'DELETE /roles/{id}',
  'GET /roles/{id}/users',
  'POST /roles/{id}/users',
  'GET /roles/{id}/permissions',
  'POST /roles/{id}/permissions',
  'DELETE /roles/{id}/permissions',
  'GET /users/{id}/roles',
  'POST /users/{id}/roles',
  'DELETE /users/{id}/roles',
  'GET /users/{id}/permissions',
  'POST /users/{id}/permissions',
  'DELETE /users/{id}/permissions',
  'GET /resource-servers',
  'POST /resource-servers',
  'GET /resource-servers/{id}',
  'PATCH /resource-servers/{id}',
  'DELETE /resource-servers/{id}',
  'POST /users/{id}/identities',
  'DELETE /users/{id}/identities/{provider}/{user_id}',
  'POST /jobs/verification-email',
  'GET /jobs/{id}',
  'POST /tickets/password-change',
  'POST /tickets/email-verification',
  'GET /clients',
]
  .map((template) => {
    const [method, path] = template.split(' ');
    const segments = path.split('/').slice(1);
    return { template, method, segments, literals: segments.filter((segment) => !segment.startsWith('{')).length };
  })
  // A literal segment wins over a parameter (`/jobs/verification-email` before `/jobs/{id}`), as in the router.
  .sort((left, right) => right.literals - left.literals);

function fail(message) {
  process.stderr.write(`extract-recordings: ${message}\n`);
  process.exit(2);
}

function parseArguments(argv) {
  const options = { output: OUTPUT };
  const flags = { '--terraform': 'terraform', '--go': 'go', '--ruby': 'ruby', '--output': 'output' };
  for (let index = 0; index < argv.length; index += 2) {
    const key = flags[argv[index]];
    const value = argv[index + 1];
    if (key === undefined || value === undefined) fail(`unknown argument ${argv[index]}`);
    options[key] = value;
  }
  for (const key of ['terraform', 'go', 'ruby']) {
    if (options[key] === undefined) fail(`give --${key} <git dir of the repository>`);
  }
  return options;
}

/** A reader of one repository at one commit. */
function openRepository(spec, defaultRef) {
  const at = spec.lastIndexOf('@');
  const [dir, ref] = at > 0 ? [spec.slice(0, at), spec.slice(at + 1)] : [spec, defaultRef];
  const run = (args) =>
    execFileSync('git', ['--git-dir', dir, ...args], { encoding: 'utf8', maxBuffer: 1 << 30, stdio: 'pipe' });
  const git = (args) => {
    try {
      return run(args);
    } catch {
      return fail(`git ${args.join(' ')} failed in ${dir}`);
    }
  };
  const commit = git(['rev-parse', `${ref}^{commit}`]).trim();
  return {
    commit,
    date: git(['log', '-1', '--format=%cI', commit]).trim(),
    list: (prefix) => git(['ls-tree', '-r', '--name-only', commit, '--', prefix]).split('\n').filter(Boolean),
    read: (path) => git(['show', `${commit}:${path}`]),
    /** A file at an older commit, or `undefined` where it did not exist. */
    readAt: (path, revision) => {
      try {
        return run(['show', `${revision}:${path}`]);
      } catch {
        return undefined;
      }
    },
    /** The commits up to this one that changed a path, newest first. */
    history: (path) => git(['log', '--format=%H', commit, '--', path]).split('\n').filter(Boolean),
    committedAt: (path) => git(['log', '-1', '--format=%cI', commit, '--', path]).trim(),
  };
}

/** A body as JSON when it parses, else its text; an empty body (or the literal `null`) is `null`. */
function parseBody(text) {
  const trimmed = typeof text === 'string' ? text.trim() : '';
  if (trimmed === '') return null;
  try {
    return JSON.parse(trimmed);
  } catch {
    return trimmed;
  }
}

/** The served route of a method and a path (decoded segments), as `PATCH /users/{id}`, or `undefined`. */
function servedRoute(method, segments) {
  return SERVED_ROUTES.find(
    (route) =>
      route.method === method &&
      route.segments.length === segments.length &&
      route.segments.every((expected, index) =>
        expected.startsWith('{') ? segments[index] !== '' : expected === segments[index],
      ),
  )?.template;
}

/** One interaction, or `undefined` outside /api/v2. */
function interaction({ url, method, requestText, status, responseText }) {
  const { pathname, search } = new URL(url);
  if (pathname !== '/api/v2' && !pathname.startsWith('/api/v2/')) return undefined;
  const path = pathname.slice('/api/v2'.length);
  let segments;
  try {
    segments = path.replace(/\/$/, '').split('/').slice(1).map(decodeURIComponent);
  } catch {
    segments = [];
  }
  const upper = method.toUpperCase();
  const route = servedRoute(upper, segments);
  const request = parseBody(requestText);
  const response = parseBody(responseText);
  return {
    method: upper,
    path: path + search,
    ...(route === undefined ? {} : { route }),
    ...(route !== undefined && request !== null ? { request } : {}),
    status,
    ...(route === undefined ? {} : { response }),
    // Kept while the cassette is read (connections, dates), not written.
    full: { request, response },
  };
}

const TIMESTAMP = /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z/g;

/** The earliest plausible timestamp in a cassette's answers (go-vcr records no date). */
function earliestTimestamp(interactions) {
  let earliest;
  for (const { full } of interactions) {
    for (const [stamp] of JSON.stringify(full.response ?? '').matchAll(TIMESTAMP)) {
      if (stamp >= '2015' && stamp <= '2030' && (earliest === undefined || stamp < earliest)) earliest = stamp;
    }
  }
  return earliest;
}

/** The options of a connection that the replay gives the emulator, as Auth0 answers them. */
function connectionOptions(options) {
  if (options === null || typeof options !== 'object') return {};
  const kept = {};
  for (const key of ['requires_username', 'passwordPolicy', 'password_complexity_options', 'password_options']) {
    if (options[key] !== undefined && options[key] !== null) kept[key] = options[key];
  }
  return kept;
}

/** The connections an answer lists (`GET /connections`, `POST /connections`, ...), each `{ name, strategy, options }`. */
function connectionsIn(body) {
  const list = Array.isArray(body) ? body : Array.isArray(body?.connections) ? body.connections : [body];
  return list.filter((item) => typeof item?.name === 'string' && typeof item?.strategy === 'string');
}

/**
 * The connections a cassette uses: those it creates (`POST /connections`, with Auth0's answer), and those its
 * requests name (`connection`) or its answers show in identities, with the strategy of the identity's provider.
 */
function cassetteConnections(interactions) {
  const byName = new Map();
  const add = (name, strategy, options) => {
    if (typeof name !== 'string' || name === '') return;
    const known = byName.get(name);
    if (known === undefined || (known.strategy === undefined && strategy !== undefined))
      byName.set(name, { name, strategy, options });
  };
  for (const { method, path, full } of interactions) {
    if (path.startsWith('/connections')) {
      if (method === 'POST' && full.response !== null) {
        for (const connection of connectionsIn(full.response))
          add(connection.name, connection.strategy, connectionOptions(connection.options));
      }
      continue;
    }
    if (typeof full.request?.connection === 'string') add(full.request.connection, undefined, undefined);
    const users = Array.isArray(full.response?.users) ? full.response.users : [full.response].flat();
    for (const user of users) {
      for (const identity of Array.isArray(user?.identities) ? user.identities : [])
        add(identity.connection, identity.provider, undefined);
    }
  }
  return [...byName.values()]
    .map(({ name, strategy, options }) => ({
      name,
      strategy: strategy ?? 'auth0',
      ...(options === undefined ? {} : { options }),
    }))
    .sort((left, right) => (left.name < right.name ? -1 : left.name > right.name ? 1 : 0));
}

/** A tenant's `Username-Password-Authentication` as its newest `GET /connections` answer shows it. */
function tenantDatabaseConnections(cassettes) {
  let newest;
  for (const { recordedAt, interactions } of cassettes) {
    for (const { method, path, full } of interactions) {
      if (method !== 'GET' || !/^\/connections(\?|$)/.test(path)) continue;
      for (const connection of connectionsIn(full.response)) {
        if (connection.strategy !== 'auth0' || connection.name !== 'Username-Password-Authentication') continue;
        if (newest === undefined || recordedAt > newest.recordedAt)
          newest = {
            recordedAt,
            connection: { name: connection.name, strategy: 'auth0', options: connectionOptions(connection.options) },
          };
      }
    }
  }
  return newest === undefined ? [] : [newest.connection];
}

function goVcrCassette(repository, repo, path) {
  const document = parseYaml(repo.read(path), { maxAliasCount: -1 });
  if (document?.version !== 2) fail(`${repository} ${path}: not a go-vcr v2 cassette`);
  const interactions = (document.interactions ?? [])
    .map(({ request, response }) =>
      interaction({
        url: request.url,
        method: request.method,
        requestText: request.body,
        status: response.code,
        responseText: response.body,
      }),
    )
    .filter((item) => item !== undefined);
  const stamp = earliestTimestamp(interactions);
  return {
    repository,
    path,
    recordedAt: stamp ?? repo.committedAt(path),
    dateFrom: stamp === undefined ? 'commit' : 'answers',
    host: new URL(document.interactions?.[0]?.request.url ?? 'https://tenant.example').host,
    interactions,
  };
}

/** The text of a Ruby VCR body: `string`, or `base64_string` (gunzipped when the headers say gzip). */
function rubyBody(body, headers) {
  if (!body) return '';
  if (body.base64_string !== undefined) {
    let bytes = Buffer.from(body.base64_string, 'base64');
    const encoding = Object.entries(headers ?? {}).find(([name]) => name.toLowerCase() === 'content-encoding')?.[1];
    if (String(encoding).includes('gzip')) bytes = gunzipSync(bytes);
    return bytes.toString('utf8');
  }
  return body.string ?? '';
}

/** VCR's file name for a cassette name (VCR::Cassette::Persisters::FileSystem#sanitized_file_name_from). */
const vcrFileName = (name) => name.replace(/[^\p{L}\p{N}_\-/]+/gu, '_');

/**
 * The cassette names of one RSpec spec in the order RSpec runs them (defined order): `VCR.use_cassette` blocks in
 * `before(:all)`, then the `vcr: true` examples and inline blocks in order, then `after(:all)`. Nesting is read
 * from indentation.
 */
function rubySpecOrder(specText) {
  const before = [];
  const during = [];
  const after = [];
  const stack = [];
  const text = specText.replace(/VCR\.use_cassette\(\s*\n\s*/g, 'VCR.use_cassette(');
  for (const line of text.split('\n')) {
    if (/^\s*(#|$)/.test(line)) continue;
    const indent = /^\s*/.exec(line)[0].length;
    while (stack.length > 0 && stack.at(-1).indent >= indent) stack.pop();
    const group = /^\s*(?:RSpec\.)?(?:describe|context)\s+(?:(['"])(.*?)\1|([A-Z][\w:]*))/.exec(line);
    const example = /^\s*it\s+(['"])(.*?)\1/.exec(line);
    const cassette = /VCR\.use_cassette\(\s*(['"])(.*?)\1/.exec(line);
    const hook = /^\s*(before|after)\s*\(\s*:all\s*\)/.exec(line);
    if (cassette) {
      const name = vcrFileName(cassette[2]);
      if (stack.some((entry) => entry.kind === 'after')) after.push(name);
      else if (stack.some((entry) => entry.kind === 'before')) before.push(name);
      else during.push(name);
    }
    if (group) stack.push({ indent, kind: 'group', name: group[2] ?? group[3] });
    else if (example) {
      const groups = stack.filter((entry) => entry.kind === 'group').map((entry) => vcrFileName(entry.name));
      during.push([...groups, vcrFileName(example[2])].join('/'));
      stack.push({ indent, kind: 'other' });
    } else if (hook) stack.push({ indent, kind: hook[1] });
    else if (/\bdo\b(\s*\|.*\|)?\s*$/.test(line)) stack.push({ indent, kind: 'other' });
  }
  return [...before, ...during, ...after];
}

/**
 * The run order of one spec directory's files. When the spec at the commit no longer names every file (ruby-auth0
 * dropped the user-permission examples in aa755ea1 and kept their cassettes), the spec is read as it was at the
 * commits that changed the files, newest first, and the version that names most of them gives the order.
 */
function specOrder(repo, specs, directory, names) {
  const spec = specs.find((path) => rubySpecOrder(repo.read(path)).some((name) => name.startsWith(`${directory}/`)));
  if (spec === undefined) return [];
  const covered = (order) => names.filter((name) => order.includes(name)).length;
  let best = rubySpecOrder(repo.read(spec));
  if (covered(best) === names.length) return best;
  for (const commit of repo.history(`spec/fixtures/vcr_cassettes/${directory}`)) {
    const text = repo.readAt(spec, commit);
    if (text === undefined) continue;
    const order = rubySpecOrder(text);
    if (covered(order) > covered(best)) best = order;
    if (covered(best) === names.length) break;
  }
  return best;
}

function rubyCassettes(repository, repo) {
  const root = 'spec/fixtures/vcr_cassettes/';
  const files = repo.list(root).filter((path) => path.endsWith('.yml'));
  const specs = repo.list('spec/integration').filter((path) => path.endsWith('_spec.rb'));
  const byDirectory = new Map();
  for (const file of files) {
    const directory = file.slice(root.length).split('/')[0];
    byDirectory.set(directory, [...(byDirectory.get(directory) ?? []), file]);
  }
  const cassettes = [];
  for (const [directory, paths] of byDirectory) {
    const name = (path) => path.slice(root.length).replace(/\.yml$/, '');
    const order = specOrder(repo, specs, directory, paths.map(name));
    const position = (path) => {
      const index = order.indexOf(name(path));
      return index === -1 ? Number.MAX_SAFE_INTEGER : index;
    };
    const sorted = [...paths].sort((left, right) => position(left) - position(right) || (left < right ? -1 : 1));
    const interactions = [];
    const dates = [];
    let host;
    for (const [fileIndex, path] of sorted.entries()) {
      const document = parseYaml(repo.read(path));
      for (const { request, response, recorded_at: recordedAt } of document.http_interactions ?? []) {
        host ??= new URL(request.uri).host;
        if (recordedAt) dates.push(new Date(recordedAt).toISOString());
        const item = interaction({
          url: request.uri,
          method: request.method,
          requestText: rubyBody(request.body, request.headers),
          status: response.status.code,
          responseText: rubyBody(response.body, response.headers),
        });
        if (item !== undefined) interactions.push({ ...item, file: fileIndex });
      }
    }
    dates.sort();
    cassettes.push({
      repository,
      path: `${root}${directory}/`,
      files: sorted.map((path) => path.slice(root.length + directory.length + 1)),
      recordedAt: dates[0] ?? repo.committedAt(`${root}${directory}`),
      dateFrom: dates.length > 0 ? 'recorded_at' : 'commit',
      host: host ?? 'tenant.example',
      interactions,
    });
  }
  return cassettes;
}

/** The newest recorded answer of the tenant's Management API (`is_system`), with where it was recorded. */
function newestManagementApi(cassettes) {
  let newest;
  for (const cassette of cassettes) {
    for (const { full } of cassette.interactions) {
      const listed = Array.isArray(full.response)
        ? full.response
        : (full.response?.resource_servers ?? [full.response]);
      for (const server of listed) {
        if (server?.name !== 'Auth0 Management API' || server.is_system !== true || !Array.isArray(server.scopes))
          continue;
        if (newest === undefined || cassette.recordedAt > newest.cassette.recordedAt) newest = { cassette, server };
      }
    }
  }
  if (newest === undefined) fail("no recorded answer lists the tenant's Auth0 Management API");
  return newest;
}

/** The TypeScript of the Management API's scopes, formatted as the repository's Prettier configuration says. */
async function scopesModule({ cassette, server }, commit) {
  const scopes = server.scopes.map(
    ({ value, description }) => `{ value: ${JSON.stringify(value)}, description: ${JSON.stringify(description)} },`,
  );
  const text = [
    '// Generated by `npm run extract:recordings` (emulator/scripts/extract-recordings.mjs): do not edit. The scopes of',
    `// the tenant's "Auth0 Management API" as Auth0 answered them in github.com/${cassette.repository} @ ${commit.slice(0, 12)},`,
    `// ${cassette.path} (recorded ${cassette.recordedAt.slice(0, 10)}), in Auth0's order.`,
    '',
    "/** The scopes of the tenant's Auth0 Management API (its system API), as Auth0 lists them. */",
    'export const MANAGEMENT_API_SCOPES = [',
    ...scopes,
    '] as const;',
    '',
  ].join('\n');
  return format(text, { ...(await resolveConfig(SCOPES_OUTPUT)), filepath: SCOPES_OUTPUT });
}

/** The JSON text: one cassette's header per line, one interaction per line. */
function serialize(data) {
  const { cassettes, ...header } = data;
  const lines = [`{`];
  for (const [key, value] of Object.entries(header)) lines.push(`  ${JSON.stringify(key)}: ${JSON.stringify(value)},`);
  lines.push(`  "cassettes": [`);
  cassettes.forEach(({ interactions, ...about }, index) => {
    lines.push(`    {`);
    for (const [key, value] of Object.entries(about))
      lines.push(`      ${JSON.stringify(key)}: ${JSON.stringify(value)},`);
    lines.push(`      "interactions": [`);
    interactions.forEach((item, at) =>
      lines.push(`        ${JSON.stringify(item)}${at < interactions.length - 1 ? ',' : ''}`),
    );
    lines.push(`      ]`);
    lines.push(`    }${index < cassettes.length - 1 ? ',' : ''}`);
  });
  lines.push(`  ]`, `}`, ``);
  return lines.join('\n');
}

async function main() {
  const options = parseArguments(process.argv.slice(2));
  const terraform = openRepository(options.terraform, REFS.terraform);
  const go = openRepository(options.go, REFS.go);
  const ruby = openRepository(options.ruby, REFS.ruby);
  const all = [
    ...terraform
      .list('test/data/recordings')
      .filter((path) => /^test\/data\/recordings\/[^/]+\.yaml$/.test(path))
      .map((path) => goVcrCassette('auth0/terraform-provider-auth0', terraform, path)),
    ...go
      .list('test/data/recordings')
      .filter((path) => path.endsWith('.yaml') && !path.startsWith('test/data/recordings/authentication/'))
      .map((path) => goVcrCassette('auth0/go-auth0', go, path)),
    ...rubyCassettes('auth0/ruby-auth0', ruby),
  ];
  const kept = all
    .filter((cassette) => cassette.interactions.some((item) => item.route !== undefined))
    .map(({ interactions, ...about }) => ({
      ...about,
      connections: cassetteConnections(interactions),
      interactions: interactions.map(({ full, ...item }) => item),
    }));
  const repositories = [
    ['auth0/terraform-provider-auth0', terraform, 'test/data/recordings/*.yaml', 'go-vcr v2'],
    ['auth0/go-auth0', go, 'test/data/recordings/**/*.yaml, without authentication/', 'go-vcr v2'],
    ['auth0/ruby-auth0', ruby, 'spec/fixtures/vcr_cassettes/**/*.yml, joined per spec', 'Ruby VCR 6'],
  ];
  const data = {
    format: 1,
    generatedBy: 'emulator/scripts/extract-recordings.mjs',
    sources: repositories.map(([repository, repo, paths, format]) => ({
      repository: `github.com/${repository}`,
      commit: repo.commit,
      date: repo.date,
      paths,
      format,
      cassettes: all.filter((cassette) => cassette.repository === repository).length,
      kept: kept.filter((cassette) => cassette.repository === repository).length,
    })),
    tenantConnections: Object.fromEntries(
      repositories.map(([repository]) => [
        repository,
        tenantDatabaseConnections(all.filter((cassette) => cassette.repository === repository)),
      ]),
    ),
    cassettes: kept,
  };
  writeFileSync(options.output, serialize(data));
  const managementApi = newestManagementApi(all);
  const sourceCommit = { 'auth0/terraform-provider-auth0': terraform, 'auth0/go-auth0': go, 'auth0/ruby-auth0': ruby };
  writeFileSync(
    SCOPES_OUTPUT,
    await scopesModule(managementApi, sourceCommit[managementApi.cassette.repository].commit),
  );
  const served = kept.flatMap((cassette) => cassette.interactions).filter((item) => item.route !== undefined).length;
  process.stdout.write(
    `${kept.length} of ${all.length} cassettes, ${served} interactions on served routes: ${options.output}\n`,
  );
}

await main();
