/**
 * The emulator's page in headless Chromium: signing in as a client, searching with the emulator's search, a patch
 * previewed in the page as it is typed, a refusal, a patch applied to the store; axe-core on every view. And the
 * page's routes open nothing of the API.
 */
import { spawn } from 'node:child_process';
import { request as httpRequest } from 'node:http';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { previewPatch, type Auth0User } from 'auth0-user-patch';
import { createEmulator, type Emulator, type EmulatorServer } from '../../src/index.js';
import {
  accessibilityViolations,
  example,
  launchChromium,
  openPage,
  screenshot,
} from '../../../test/browser/report-page.js';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../../test/browser/chromium.js';

const CLIENT = { clientId: 'page-client', clientSecret: 'page-secret' };
const jane = example('user-with-home-address.json') as Auth0User;
const JANE = jane.user_id as string;
const USERS: Auth0User[] = [
  jane,
  { user_id: 'auth0|bob', email: 'bob@example.com', name: 'Bob Builder', user_metadata: { hobby: 'climbing' } },
  { user_id: 'auth0|ann', email: 'ann@example.org', name: 'Ann Other', app_metadata: { plan: 'trial' } },
];
const HOME = '123 Main Street, Anytown, ST 12345';
const WORK = '100 Industrial Way, Anytown, ST 12345';

let browser: Browser;
let emulator: Emulator;
let server: EmulatorServer;
beforeAll(async () => {
  browser = await launchChromium();
  emulator = createEmulator({ clients: [CLIENT], users: USERS, page: true });
  server = await emulator.listen({ port: 0, host: '127.0.0.1' });
}, 60_000);
afterAll(async () => {
  await server?.close();
  await browser?.close();
});

/** A token as `serve` mints one for its page: from the emulator's own token endpoint, narrowed to two scopes. */
async function pageToken(): Promise<string> {
  const response = await fetch(`${server.url}/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      grant_type: 'client_credentials',
      ...{ client_id: CLIENT.clientId, client_secret: CLIENT.clientSecret },
      audience: `https://${server.url.slice(7)}/api/v2/`,
      scope: 'read:users update:users',
    }),
  });
  return ((await response.json()) as { access_token: string }).access_token;
}

/** A one-time code for a page token, as `serve` prints it in the page's address. */
async function pageCode(token: string): Promise<string> {
  const response = await fetch(`${server.url}/_emulator/page-code`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
  });
  expect(response.status).toBe(201);
  return ((await response.json()) as { code: string }).code;
}

/** Opens the page and waits for its app; `view` is the view it must show. */
async function open(url: string, view: 'sign-in' | 'users' | 'user') {
  const opened = await openPage(browser);
  await opened.page.goto(url, { waitUntil: 'load' });
  await opened.page.waitForSelector('html[data-ready="true"]');
  await waitForView(opened.page, view);
  return opened;
}

const waitForView = (page: Page, view: string) => page.waitForSelector(`html[data-view="${view}"]`);
const text = (page: Page, selector: string) => page.locator(selector).innerText();
/** Chromium logs each 4xx answer to fetch as a console error; those are the page's expected refusals. */
const unexpected = (problems: string[]) =>
  problems.filter((problem) => !/^Failed to load resource: the server responded with a status of 4\d\d/.test(problem));

describe('the emulator page in Chromium', () => {
  it('signs in with the client id and secret, lists the users and searches them with the emulator search', async () => {
    emulator.reset(USERS);
    const { page, requests, problems } = await open(`${server.url}/`, 'sign-in');
    expect(await text(page, 'h2')).toBe('Sign in');
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'emulator-sign-in');

    await page.getByLabel('Client ID').fill(CLIENT.clientId);
    await page.getByLabel('Client secret').fill('wrong');
    await page.getByRole('button', { name: 'Get a token' }).click();
    await expect.poll(() => text(page, '#sign-in-result')).toContain('No token: 401 Unauthorized');
    expect(await text(page, '#sign-in-result pre')).toBe(
      JSON.stringify({ error: 'access_denied', error_description: 'Unauthorized' }, null, 2),
    );

    await page.getByLabel('Client secret').fill(CLIENT.clientSecret);
    await page.getByLabel('Client secret').press('Enter');
    await waitForView(page, 'users');
    await expect.poll(() => text(page, '#result-count')).toBe('3 users in the tenant.');
    expect(await page.locator('.user-list li').allInnerTexts()).toEqual([
      `jane.doe@example.com ${JANE}`,
      'bob@example.com auth0|bob Bob Builder',
      'ann@example.org auth0|ann Ann Other',
    ]);
    expect(requests).toContain(`${server.url}/oauth/token`);
    expect(requests).toContain(`${server.url}/api/v2/users?search_engine=v3&per_page=50&include_totals=true`);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'emulator-users');

    await page.getByLabel('Search the users').fill('email:*@example.com AND NOT user_metadata.hobby:climbing');
    await page.getByLabel('Search the users').press('Enter');
    await expect
      .poll(() => text(page, '#result-count'))
      .toBe('1 user match email:*@example.com AND NOT user_metadata.hobby:climbing.');
    expect(await page.locator('.user-list li').allInnerTexts()).toEqual([`jane.doe@example.com ${JANE}`]);
    expect(requests).toContain(
      `${server.url}/api/v2/users?search_engine=v3&per_page=50&include_totals=true&q=email%3A*%40example.com+AND+NOT+user_metadata.hobby%3Aclimbing`,
    );

    await page.getByLabel('Search the users').fill('email:jane~');
    await page.getByRole('button', { name: 'Search' }).click();
    await expect.poll(() => text(page, '#results')).toContain('The emulator refuses the search: 400 Bad Request');
    expect(JSON.parse(await text(page, '#results pre'))).toMatchObject({
      statusCode: 400,
      errorCode: 'invalid_query_string',
    });
    expect(await accessibilityViolations(page)).toEqual([]);
    expect(requests.every((url) => url.startsWith(`${server.url}/`))).toBe(true);
    expect(unexpected(problems)).toEqual([]);
    await page.close();
  }, 60_000);

  it('opens a user, previews a patch as it is typed (in the page), shows a refusal, and applies a patch to the store', async () => {
    emulator.reset(USERS);
    const { page, requests, problems } = await open(
      `${server.url}/#code=${await pageCode(await pageToken())}`,
      'users',
    );
    expect(page.url()).toBe(`${server.url}/#/users`); // the code left the address at once
    await page.getByRole('link', { name: 'jane.doe@example.com' }).focus();
    await page.keyboard.press('Enter');
    await waitForView(page, 'user');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('User jane.doe@example.com');
    expect(await text(page, '#verdict')).toBe('Type a PATCH body (a JSON object) to see what Auth0 would store.');

    // Auth0's page: a nested object replaces the one the user has, and home is lost.
    const patch = `{ "user_metadata": { "addresses": { "work": "${WORK}" } } }`;
    const before = requests.length;
    await page.getByLabel('Body of PATCH /api/v2/users/{id}, as JSON').pressSequentially(patch.slice(0, 30));
    expect(await text(page, '#verdict')).toMatch(/^Not JSON yet: /);
    await page.locator('#patch').pressSequentially(patch.slice(30));
    expect(await text(page, '#verdict')).toBe('Auth0 accepts this patch: 2 changes, 1 warning.');
    expect(await page.locator('.changes > li').allInnerTexts()).toEqual([
      `\u2212 removed user_metadata.addresses.home: "${HOME}"`,
      `+ added user_metadata.addresses.work: "${WORK}"`,
    ]);
    const banners = await page.locator('.warnings > li').allInnerTexts();
    expect(banners).toHaveLength(1);
    expect(banners[0]).toContain('! warning nested-key-dropped at user_metadata.addresses.home');
    expect(banners[0]).toContain(previewPatch(jane, JSON.parse(patch)).warnings[0]?.message);
    expect(requests.length).toBe(before); // computed in the page: not one request while typing
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'emulator-page', {
      docs: join(fileURLToPath(new URL('../../docs/images', import.meta.url))),
    });

    // A refused patch: Auth0's body in the preview, and the same from the API when it is sent; the store is unchanged.
    const stored = emulator.users.get(JANE);
    await page.locator('#patch').fill('{ "blocked": "yes" }');
    expect(await text(page, '#verdict')).toBe('Auth0 refuses this patch: 400 Bad Request (invalid_body).');
    const refusal = JSON.parse(JSON.stringify(previewPatch(jane, { blocked: 'yes' }).error)) as object;
    expect(JSON.parse(await text(page, '#refusal-body'))).toEqual(refusal);
    await page.getByRole('button', { name: 'Apply the patch' }).click();
    await expect.poll(() => text(page, '#apply-result')).toContain('The emulator refuses the patch: 400 Bad Request');
    expect(JSON.parse(await text(page, '#apply-result pre'))).toEqual(refusal);
    expect(emulator.users.get(JANE)).toBe(stored);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'emulator-refused');

    // A patch that keeps home: applied through PATCH, the store and the page show the new user.
    await page
      .locator('#patch')
      .fill(JSON.stringify({ user_metadata: { addresses: { home: HOME, work: WORK } } }, null, 2));
    expect(await text(page, '#verdict')).toBe('Auth0 accepts this patch: 1 change, 0 warnings.');
    await page.getByRole('button', { name: 'Apply the patch' }).click();
    await expect
      .poll(() => text(page, '#apply-result'))
      .toBe('Applied: the emulator answered 200 OK and stores the user below.');
    expect(emulator.users.get(JANE)?.user_metadata).toEqual({
      hobby: 'surfing',
      addresses: { home: HOME, work: WORK },
    });
    expect(JSON.parse(await text(page, '#stored-user'))).toEqual(emulator.users.get(JANE));
    expect(await text(page, '#verdict')).toBe('Auth0 accepts this patch: 0 changes, 1 warning.'); // now it changes nothing
    expect(requests.filter((url) => url.includes('/api/v2/users/'))).toEqual([
      `${server.url}/api/v2/users/${encodeURIComponent(JANE)}`,
      `${server.url}/api/v2/users/${encodeURIComponent(JANE)}`,
      `${server.url}/api/v2/users/${encodeURIComponent(JANE)}`,
    ]);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'emulator-applied');
    expect(requests.every((url) => url.startsWith(`${server.url}/`))).toBe(true);
    expect(unexpected(problems)).toEqual([]);
    await page.close();
  }, 60_000);

  it("asks to sign in again when the address's code is spent, and with the API's 401 body when a token is refused", async () => {
    const code = await pageCode(await pageToken());
    (await open(`${server.url}/#code=${code}`, 'users')).page.close();
    const { page, problems } = await open(`${server.url}/#code=${code}`, 'sign-in');
    expect(page.url()).toBe(`${server.url}/#/users`);
    expect(await text(page, '#sign-in-result')).toContain('The page address cannot sign in: 400 Bad Request');
    expect(JSON.parse(await text(page, '#sign-in-result pre'))).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: 'This page address was used already, or is not one serve printed: sign in on the page',
    });
    await page.getByRole('textbox', { name: 'Access token' }).fill('not-a-token');
    await page.getByRole('button', { name: 'Use this token' }).click();
    await expect.poll(() => text(page, '#sign-in-result')).toContain('The API refuses the token: 401 Unauthorized');
    expect(JSON.parse(await text(page, '#sign-in-result pre'))).toEqual({
      statusCode: 401,
      error: 'Unauthorized',
      message: 'Invalid token',
      attributes: { error: 'Invalid token' },
    });
    expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
    expect(await accessibilityViolations(page)).toEqual([]);
    expect(unexpected(problems)).toEqual([]);
    await page.close();
  }, 30_000);
});

describe("the page's routes open nothing of the API", () => {
  const get = (path: string, init?: RequestInit) => fetch(`${server.url}${path}`, init);
  const raw = (method: string, path: string) =>
    new Promise<{ status: number; body: string }>((resolve, reject) => {
      const { hostname, port } = new URL(server.url);
      const sent = httpRequest({ host: hostname, port, method, path }, (response) => {
        let body = '';
        response.on('data', (chunk: Buffer) => (body += chunk.toString()));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
      });
      sent.on('error', reject);
      sent.end();
    });
  const FILES = ['/', '/_emulator/page.js', '/_emulator/page.css', '/_emulator/icon.svg'];

  it('answers the API without a token exactly as an emulator without the page does', async () => {
    emulator.reset(USERS);
    const plain = createEmulator({ clients: [CLIENT], users: USERS });
    for (const [method, path] of [
      ['GET', '/api/v2/users'],
      ['GET', `/api/v2/users/${encodeURIComponent(JANE)}`],
      ['PATCH', `/api/v2/users/${encodeURIComponent(JANE)}`],
    ] as const) {
      const init =
        method === 'PATCH'
          ? { method, headers: { 'content-type': 'application/json' }, body: '{"blocked":true}' }
          : { method };
      const withPage = await get(path, init);
      const without = await plain.fetch(new Request(`${server.url}${path}`, init));
      expect(withPage.status).toBe(401);
      expect(await withPage.json()).toEqual(await without.json());
      expect(withPage.headers.get('www-authenticate')).toBe('Bearer');
    }
    expect(emulator.users.get(JANE)).toEqual(plain.users.get(JANE));
    expect((await plain.fetch(new Request(`${server.url}/`))).status).toBe(404); // no page unless asked for
  });

  it('serves files that hold no user data, under a strict policy, and nothing else under /_emulator/', async () => {
    for (const path of FILES) {
      const response = await get(path);
      const body = await response.text();
      expect(response.status, path).toBe(200);
      for (const user of USERS) {
        expect(body).not.toContain(user.email);
        expect(body).not.toContain(user.user_id);
      }
      expect(response.headers.get('content-security-policy')).toMatch(/^default-src 'none'; script-src 'self';/);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('access-control-allow-origin')).toBeNull();
    }
    // Sent as written (fetch would resolve the dots): the emulator does not resolve them either.
    for (const [path, method] of [
      ['/_emulator/nope.js', 'GET'],
      ['/_emulator/../api/v2/users', 'GET'],
      ['/_emulator/page.js', 'POST'],
      ['/', 'POST'],
      ['/index.html', 'GET'],
    ] as const) {
      const response = await raw(method, path);
      expect(response.status, `${method} ${path}`).toBe(404);
      expect(JSON.parse(response.body)).toEqual({ statusCode: 404, error: 'Not Found', message: 'Not Found' });
    }
  });

  it('the built package serves the same page, whose one script bundles the library and imports nothing', async () => {
    const built = (await import('auth0-user-patch-emulator')) as typeof import('../../src/index.js');
    const page = built.createEmulator({ token: 'T', page: true });
    const served = async (path: string) => (await page.fetch(new Request(`http://tenant.example${path}`))).text();
    for (const path of FILES) expect(await served(path), path).toBe(await (await get(path)).text());
    const script = await served('/_emulator/page.js');
    expect(script).not.toMatch(/\bimport\s*\(|\bfrom\s*["']|\brequire\(|\bprocess\.|\bBuffer\b/);
    // The library's previewPatch, with its rules and Auth0's words, runs in the page.
    expect(script).toContain('Payload validation error');
  });

  it('the page token that serve prints reads and updates users, and nothing more', async () => {
    const token = await pageToken();
    const headers = { authorization: `Bearer ${token}` };
    expect((await get('/api/v2/users', { headers })).status).toBe(200);
    const removal = await get(`/api/v2/users/${encodeURIComponent(JANE)}`, { method: 'DELETE', headers });
    expect(removal.status).toBe(403);
    expect(await removal.json()).toMatchObject({ errorCode: 'insufficient_scope' });
    expect((await get('/api/v2/roles', { headers })).status).toBe(403);
  });
});

describe("the page's address leaves no token in the browser", () => {
  /** The files under `folder` whose bytes hold `text`. */
  const filesHolding = (folder: string, text: string): string[] =>
    readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter((name) => {
      const path = join(folder, name);
      return statSync(path).isFile() && readFileSync(path).includes(text);
    });

  it('keeps only a spent code in the profile (history, sessions, favicons), never the token', async () => {
    const token = await pageToken();
    const code = await pageCode(token);
    const profile = mkdtempSync(join(tmpdir(), 'auth0-user-patch-profile-'));
    try {
      const context = await chromium.launchPersistentContext(profile, {
        executablePath: CHROMIUM_PATH,
        args: [...CHROMIUM_ARGS],
      });
      const page = await context.newPage();
      await page.goto(`${server.url}/#code=${code}`, { waitUntil: 'load' });
      await page.waitForSelector('html[data-view="users"]');
      // Chromium writes its history as it closes; the address it opened is there, with the code only.
      await context.close();
      expect(filesHolding(profile, code).length).toBeGreaterThan(0);
      expect(filesHolding(profile, token)).toEqual([]);
      // The code was spent when the page took it.
      const again = await fetch(`${server.url}/_emulator/page-token`, {
        method: 'POST',
        body: JSON.stringify({ code }),
      });
      expect(again.status).toBe(400);
    } finally {
      rmSync(profile, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('serve prints a page address that signs the page in', () => {
  it('opens the page from the printed address, without the token left in it', async () => {
    const root = fileURLToPath(new URL('../..', import.meta.url));
    const folder = mkdtempSync(join(tmpdir(), 'auth0-user-patch-page-'));
    const users = join(folder, 'users.json');
    writeFileSync(users, JSON.stringify(USERS));
    const child = spawn(process.execPath, [join(root, 'dist', 'cli.js'), 'serve', '--port', '0', '--users', users], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      let output = '';
      const pageUrl = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`serve did not start: ${output}`)), 10_000);
        child.stdout.on('data', (chunk: Buffer) => {
          output += chunk.toString();
          const match = /Page: (http:\/\/\S+)\nListening on /.exec(output);
          if (match?.[1] !== undefined) {
            clearTimeout(timer);
            resolve(match[1]);
          }
        });
      });
      expect(pageUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#code=[A-Za-z0-9]{32}$/);
      const { page, problems } = await open(pageUrl, 'users');
      expect(page.url()).toBe(`${pageUrl.slice(0, pageUrl.indexOf('#'))}#/users`);
      await expect.poll(() => text(page, '#result-count')).toBe('3 users in the tenant.');
      expect(unexpected(problems)).toEqual([]);
      await page.close();
    } finally {
      child.kill('SIGTERM');
      rmSync(folder, { recursive: true, force: true });
    }
  }, 30_000);
});
