#!/usr/bin/env node
/**
 * Step 1 of the route catalogue: reads Auth0's description of the Management API in a checkout of auth0/docs-v2
 * and the installed official SDK (`auth0` v7), and writes the trimmed snapshot the emulator keeps,
 * emulator/spec/management-api.json. Step 2 (`npm run generate:routes`) turns that snapshot into TypeScript,
 * offline.
 *
 *   npm run extract:routes -- <docs-v2 git dir> [--oas-commit <sha>] [--pages-commit <rev>] [--sdk <dir>] [--output <file>]
 *
 * Three sources, newest first for what each can tell:
 * - the operation pages at --pages-commit (default HEAD), main/docs/api/management/v2/<tag>/<operation>.mdx, each
 *   generated from the OpenAPI description: method, path, scopes, lifecycle, deprecation of every route;
 * - the OpenAPI description main/docs/oas/management/v2/management-api-oas.json at --oas-commit (default 7025885d,
 *   the newest one under the 4 MiB a stored blob may have): the path, query and body schemas and the 4xx texts of
 *   the routes in DETAILED_PATHS (those the emulator serves or could serve);
 * - the SDK's sources (dist/cjs/management/api/resources/.../client/Client.js): the routes it calls that no page
 *   lists, kept with unknown scopes (`scopes: null`).
 * A route of the OpenAPI description that the newer pages no longer list is left out: Auth0 removed it.
 *
 * Deterministic (the same inputs give the same bytes), offline, no dependency but git and Prettier.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { format } from 'prettier';

const EMULATOR = fileURLToPath(new URL('..', import.meta.url));
const OAS_PATH = 'main/docs/oas/management/v2/management-api-oas.json';
const PAGES_PATH = 'main/docs/api/management/v2/';
const DEFAULT_OAS_COMMIT = '7025885d35775606d69cce7c5d428e2ab5d3e522';

/** The paths (or `METHOD /path`s) whose schemas the snapshot keeps: the families the emulator serves or could serve. */
const DETAILED_PATHS = [
  /^\/users$/,
  /^\/users\/\{id\}$/,
  /^\/users-by-email$/,
  /^\/users\/\{id\}\/(roles|permissions)$/,
  /^\/users\/\{id\}\/identities(\/|$)/,
  /^\/roles(\/|$)/,
  /^\/resource-servers(\/|$)/,
  /^\/jobs\/verification-email$/,
  /^\/jobs\/\{id\}$/,
  /^\/tickets\//,
  /^GET \/clients$/,
];

/** The schema keywords kept, in this order; the emulator's validator (src/http/check-schema.ts) checks each. */
const SCHEMA_KEYWORDS = [
  'type',
  'enum',
  'format',
  'pattern',
  'minLength',
  'maxLength',
  'minimum',
  'maximum',
  'minItems',
  'minProperties',
  'maxProperties',
  'required',
  'properties',
  'additionalProperties',
  'items',
  'oneOf',
  'description',
];
/** Keywords that say nothing a validator checks (and `x-` extensions), dropped without a word. */
const IGNORED_KEYWORDS = new Set(['default', 'examples', 'example', 'readOnly', 'writeOnly', 'deprecated', 'title']);
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

function fail(message) {
  process.stderr.write(`extract-management-api: ${message}\n`);
  process.exit(2);
}

function parseArguments(argv) {
  const options = { oasCommit: DEFAULT_OAS_COMMIT, pagesCommit: 'HEAD', sdk: undefined, output: undefined };
  const positional = [];
  const flags = { '--oas-commit': 'oasCommit', '--pages-commit': 'pagesCommit', '--sdk': 'sdk', '--output': 'output' };
  for (let index = 0; index < argv.length; index++) {
    const name = flags[argv[index]];
    if (name === undefined) positional.push(argv[index]);
    else if (argv[index + 1] === undefined) fail(`${argv[index]} needs a value`);
    else options[name] = argv[++index];
  }
  if (positional.length !== 1)
    fail(
      'usage: extract-management-api.mjs <docs-v2 git dir> [--oas-commit <sha>] [--pages-commit <rev>] [--sdk <dir>] [--output <file>]',
    );
  return { ...options, gitDir: positional[0] };
}

const byRoute = (left, right) =>
  left.path < right.path
    ? -1
    : left.path > right.path
      ? 1
      : METHODS.indexOf(left.method) - METHODS.indexOf(right.method);
/** A route's key with its path parameters unnamed: `/users/{}` matches `/users/{id}` and `/users/{user_id}`. */
const shapeOf = (route) => `${route.method} ${route.path.replace(/\{[^}]+\}/g, '{}')}`;

/** Git, on the docs-v2 repository. */
function gitReader(gitDir) {
  const git = (args, input) => execFileSync('git', ['--git-dir', gitDir, ...args], { input, maxBuffer: 1 << 28 });
  return {
    commit: (revision) =>
      git(['rev-parse', '--verify', `${revision}^{commit}`])
        .toString()
        .trim(),
    date: (commit) => git(['log', '-1', '--format=%cI', commit]).toString().trim(),
    list: (commit, path) =>
      git(['ls-tree', '-r', '--name-only', commit, '--', path]).toString().split('\n').filter(Boolean),
    /** The files' bytes, read with one `git cat-file --batch`. */
    read(commit, paths) {
      const out = git(['cat-file', '--batch'], paths.map((path) => `${commit}:${path}`).join('\n') + '\n');
      const contents = [];
      let at = 0;
      for (const path of paths) {
        const newline = out.indexOf(10, at);
        const [, kind, size] = out.subarray(at, newline).toString().split(' ');
        if (kind !== 'blob')
          fail(`${commit}:${path} cannot be read (${kind ?? 'missing'}; a blob over 4 MiB is not stored)`);
        contents.push(out.subarray(newline + 1, newline + 1 + Number(size)));
        at = newline + 1 + Number(size) + 1;
      }
      return contents;
    },
  };
}

/** Every operation page at `commit`: method, path, scopes, lifecycle, deprecation. */
function readPages(git, commit) {
  const files = git.list(commit, PAGES_PATH).filter((file) => file.endsWith('.mdx'));
  const routes = [];
  git.read(commit, files).forEach((bytes) => {
    const text = bytes.toString('utf8');
    const operation = /^openapi:\s*\S+\s+(get|post|put|patch|delete)\s+(\S+)\s*$/m.exec(text);
    if (operation === null) return;
    const scopes = /<Scopes scopes=\{(\[[^\]]*\])\}/.exec(text);
    const lifecycle = /releaseLifecycle="([^"]*)"/.exec(text)?.[1];
    routes.push({
      method: operation[1].toUpperCase(),
      path: operation[2],
      scopes: scopes === null ? [] : JSON.parse(scopes[1]),
      // The page generator writes "undefined" when the description has no x-release-lifecycle.
      ...(lifecycle === undefined || lifecycle === '' || lifecycle === 'undefined' ? {} : { lifecycle }),
      ...(/^deprecated:\s*true\s*$/m.test(text) ? { deprecated: true } : {}),
    });
  });
  const metadata = JSON.parse(git.read(commit, [`${PAGES_PATH}_metadata.json`])[0].toString('utf8'));
  return { routes, oasVersion: metadata.oasVersion };
}

/** Every (method, path) the SDK's ManagementClient builds a request for. */
function readSdk(sdkDir) {
  const root = join(sdkDir, 'dist/cjs/management/api/resources');
  const files = [];
  const walk = (folder) => {
    for (const name of readdirSync(folder).sort()) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name === 'Client.js' && path.endsWith(`${sep}client${sep}Client.js`)) files.push(path);
    }
  };
  walk(root);
  const routes = [];
  for (const file of files) {
    const lines = readFileSync(file, 'utf8').split('\n');
    lines.forEach((line, index) => {
      const url = /^\s*url: core\.url\.join\(.*ManagementEnvironment\.Default, (?:"([^"]*)"|`([^`]*)`)\),?\s*$/.exec(
        line,
      );
      if (url === null) return;
      const method = /^\s*method: "([A-Z]+)"/.exec(lines[index + 1] ?? '');
      const where = `${relative(sdkDir, file)}:${index + 1}`;
      if (method === null) fail(`${where}: no method after the url`);
      const path = `/${url[1] ?? url[2]}`.replace(/\$\{core\.url\.encodePathParam\(([^)]+)\)\}/g, '{$1}');
      if (path.includes('${')) fail(`${where}: a path this script cannot read: ${path}`);
      routes.push({ method: method[1], path });
    });
  }
  if (routes.length === 0) fail(`no endpoint found under ${root}`);
  return routes;
}

/** The OpenAPI description's schemas, `$ref`s resolved, trimmed to SCHEMA_KEYWORDS; a keyword not known is an error. */
function schemaTrimmer(oas) {
  const components = oas.components?.schemas ?? {};
  const trim = (schema, where, stack = []) => {
    if (typeof schema !== 'object' || schema === null) fail(`${where}: a schema that is not an object`);
    if (schema.$ref !== undefined) {
      const name = /^#\/components\/schemas\/(.+)$/.exec(schema.$ref)?.[1];
      if (name === undefined || components[name] === undefined) fail(`${where}: $ref ${schema.$ref} not found`);
      if (stack.includes(name)) fail(`${where}: $ref ${name} is recursive, which the emulator's schemas cannot hold`);
      const { $ref, ...siblings } = schema;
      // OpenAPI 3.1: keywords beside a $ref (usually a description) win over the target's.
      return { ...trim(components[name], where, [...stack, name]), ...trim(siblings, where, stack) };
    }
    const unknown = Object.keys(schema).filter(
      (key) => !SCHEMA_KEYWORDS.includes(key) && !IGNORED_KEYWORDS.has(key) && !key.startsWith('x-'),
    );
    if (unknown.length > 0) fail(`${where}: keywords the emulator does not check: ${unknown.join(', ')}`);
    const trimmed = {};
    for (const key of SCHEMA_KEYWORDS) {
      if (!Object.hasOwn(schema, key)) continue;
      const value = schema[key];
      if (key === 'properties')
        trimmed[key] = Object.fromEntries(
          Object.entries(value).map(([name, property]) => [name, trim(property, `${where}.${name}`, stack)]),
        );
      else if (key === 'items') trimmed[key] = trim(value, `${where}[]`, stack);
      else if (key === 'additionalProperties' && typeof value !== 'boolean')
        fail(`${where}: additionalProperties is a schema, which the emulator does not check`);
      else if (key === 'oneOf') trimmed[key] = value.map((option) => trim(option, where, stack));
      else if (key === 'description') trimmed[key] = value.trim();
      else trimmed[key] = value;
    }
    return trimmed;
  };
  return trim;
}

/** An object schema of a route's parameters in `place` (`path` or `query`), each with its schema and description. */
function parameterSchema(parameters, place, trim, where) {
  const chosen = parameters.filter((parameter) => parameter.in === place);
  const properties = {};
  for (const parameter of chosen) {
    const { description, ...schema } = trim(parameter.schema ?? {}, `${where} ${place} ${parameter.name}`);
    const text = (parameter.description ?? description)?.trim();
    properties[parameter.name] = text === undefined ? schema : { ...schema, description: text };
  }
  const required = chosen.filter((parameter) => parameter.required === true).map((parameter) => parameter.name);
  return { type: 'object', ...(required.length > 0 ? { required } : {}), properties, additionalProperties: false };
}

/** A response's texts: its description, then x-description-1, x-description-2, ... */
function responseTexts(response, oas) {
  const resolved = response.$ref === undefined ? response : oas.components.responses[response.$ref.split('/').pop()];
  const extra = Object.keys(resolved)
    .map((key) => /^x-description-(\d+)$/.exec(key))
    .filter((match) => match !== null)
    .sort((left, right) => Number(left[1]) - Number(right[1]))
    .map((match) => String(resolved[match[0]]).trim());
  return [resolved.description.trim(), ...extra];
}

/** The schemas and 4xx texts of one operation of the OpenAPI description. */
function detail(operation, oas, trim, where) {
  const parameters = operation.parameters ?? [];
  const body = operation.requestBody;
  const content = body?.content ?? {};
  const contentTypes = Object.keys(content);
  const errors = Object.fromEntries(
    Object.keys(operation.responses ?? {})
      .filter((code) => /^4\d\d$/.test(code))
      .sort()
      .map((code) => [code, responseTexts(operation.responses[code], oas)]),
  );
  return {
    params: parameterSchema(parameters, 'path', trim, where),
    query: parameterSchema(parameters, 'query', trim, where),
    ...(body === undefined
      ? {}
      : {
          body: {
            contentTypes,
            ...(body.required === true ? { required: true } : {}),
            schema: trim(content['application/json']?.schema ?? content[contentTypes[0]].schema, `${where} body`),
          },
        }),
    errors,
  };
}

/** The snapshot as text: one line a route, each operation indented, then Prettier's layout. */
async function render(snapshot) {
  const lines = ['{'];
  for (const key of ['format', 'generatedBy', 'sources', 'detailedPaths'])
    lines.push(`${JSON.stringify(key)}: ${JSON.stringify(snapshot[key])},`);
  lines.push('"routes": [', snapshot.routes.map((route) => JSON.stringify(route)).join(',\n'), '],');
  lines.push('"operations": ', JSON.stringify(snapshot.operations, null, 2), '}');
  return format(lines.join('\n'), { parser: 'json', printWidth: 120 });
}

async function main() {
  const options = parseArguments(process.argv.slice(2));
  const git = gitReader(options.gitDir);
  const sdkDir = options.sdk ?? dirname(createRequire(join(EMULATOR, 'package.json')).resolve('auth0/package.json'));
  const sdkVersion = JSON.parse(readFileSync(join(sdkDir, 'package.json'), 'utf8')).version;

  const oasCommit = git.commit(options.oasCommit);
  const oasBytes = git.read(oasCommit, [OAS_PATH])[0];
  const oas = JSON.parse(oasBytes.toString('utf8'));
  const pagesCommit = git.commit(options.pagesCommit);
  const pages = readPages(git, pagesCommit);
  const trim = schemaTrimmer(oas);

  const inOas = new Map();
  for (const [path, item] of Object.entries(oas.paths))
    for (const method of METHODS)
      if (item[method.toLowerCase()] !== undefined) inOas.set(`${method} ${path}`, item[method.toLowerCase()]);

  const listed = new Set(pages.routes.map(shapeOf));
  const sdkOnly = readSdk(sdkDir).filter((route) => !listed.has(shapeOf(route)));
  const routes = [
    ...pages.routes.map((route) => ({
      ...route,
      source: inOas.has(`${route.method} ${route.path}`) ? 'oas' : 'pages',
    })),
    ...sdkOnly.map((route) => ({ ...route, scopes: null, source: 'sdk' })),
  ].sort(byRoute);

  const operations = {};
  for (const route of routes) {
    const key = `${route.method} ${route.path}`;
    const operation = inOas.get(key);
    // A route newer than the OpenAPI description (or the SDK's only) has no schemas to keep.
    if (operation !== undefined && DETAILED_PATHS.some((pattern) => pattern.test(route.path) || pattern.test(key)))
      operations[key] = detail(operation, oas, trim, key);
  }

  const snapshot = {
    format: 1,
    generatedBy: 'emulator/scripts/extract-management-api.mjs',
    sources: {
      oas: {
        repository: 'github.com/auth0/docs-v2',
        path: OAS_PATH,
        commit: oasCommit,
        date: git.date(oasCommit),
        sha256: createHash('sha256').update(oasBytes).digest('hex'),
        bytes: oasBytes.length,
        openapi: oas.openapi,
      },
      pages: {
        repository: 'github.com/auth0/docs-v2',
        path: PAGES_PATH,
        commit: pagesCommit,
        date: git.date(pagesCommit),
        oasVersion: pages.oasVersion,
      },
      sdk: { package: 'auth0', version: sdkVersion, files: 'dist/cjs/management/api/resources/**/client/Client.js' },
    },
    detailedPaths: DETAILED_PATHS.map((pattern) => pattern.source),
    routes,
    operations,
  };
  const output = options.output ?? join(EMULATOR, 'spec/management-api.json');
  const text = await render(snapshot);
  writeFileSync(output, text);
  const count = (source) => routes.filter((route) => route.source === source).length;
  process.stderr.write(
    `wrote ${relative(process.cwd(), output)}: ${routes.length} routes (${count('oas')} in the OpenAPI description, ` +
      `${count('pages')} newer in the pages, ${count('sdk')} from the SDK only), ` +
      `${Object.keys(operations).length} with schemas, ${Buffer.byteLength(text)} bytes\n`,
  );
}

await main();
