/**
 * The sign-in page in headless Chromium, as a person meets it: /authorize sends the browser to the form, a wrong
 * password shows Auth0's words, the right one lands on the app's callback with a code the app exchanges; the
 * session cookie then signs in silently until /v2/logout. axe-core on the form. And the emulator page's view of
 * the applications and APIs.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmulator, type Emulator, type EmulatorServer } from '../../src/index.js';
import { accessibilityViolations, launchChromium, openPage, screenshot } from '../../../test/browser/report-page.js';

const DATABASE = 'Username-Password-Authentication';
const API = 'https://api.example.com/';

let browser: Browser;
let emulator: Emulator;
let server: EmulatorServer;
let app: Server;
let callback: string;
/** The query strings the app's callback received. */
const received: URLSearchParams[] = [];

beforeAll(async () => {
  browser = await launchChromium();
  // The app: its callback records what Auth0 sent it.
  app = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://app');
    if (url.pathname === '/callback') received.push(url.searchParams);
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end('<!doctype html><html lang="en"><title>App</title><h1>Back in the app</h1></html>');
  });
  await new Promise<void>((resolve) => app.listen(0, '127.0.0.1', resolve));
  callback = `http://127.0.0.1:${(app.address() as AddressInfo).port}/callback`;
  emulator = createEmulator({
    clients: [
      { clientId: 'page-client', clientSecret: 'page-secret' },
      {
        clientId: 'web-app',
        clientSecret: 'web-secret',
        name: 'Web App',
        appType: 'regular_web',
        callbacks: [callback],
        allowedLogoutUrls: [callback],
      },
    ],
    users: [
      {
        user_id: 'auth0|jane',
        email: 'jane@example.com',
        email_verified: true,
        name: 'Jane Doe',
        password: 'correct horse battery staple',
        identities: [{ connection: DATABASE, provider: 'auth0', user_id: 'jane', isSocial: false }],
      },
    ],
    resourceServers: [{ identifier: API, scopes: [{ value: 'read:posts' }], enforce_policies: true }],
    page: true,
  });
  server = await emulator.listen({ port: 0, host: '127.0.0.1' });
}, 60_000);
afterAll(async () => {
  await server?.close();
  await new Promise((resolve) => app?.close(resolve));
  await browser?.close();
});

const authorize = (extra: Record<string, string> = {}) =>
  `${server.url}/authorize?${new URLSearchParams({
    client_id: 'web-app',
    redirect_uri: callback,
    response_type: 'code',
    scope: 'openid profile email',
    state: 'state-1',
    ...extra,
  }).toString()}`;

describe('the sign-in page in Chromium', () => {
  it('signs a person in through the form, keeps a session for prompt=none, and ends it with /v2/logout', async () => {
    const { page, problems } = await openPage(browser);
    await page.goto(authorize(), { waitUntil: 'load' });
    expect(new URL(page.url()).pathname).toBe('/u/login');
    expect(await page.locator('h1').innerText()).toBe('Welcome');
    expect(await page.locator('main p').first().innerText()).toBe(
      `Log in to ${server.url.slice(7)} to continue to Web App.`,
    );
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'emulator-sign-in-page');

    await page.getByLabel('Email address').fill('jane@example.com');
    await page.getByLabel('Password').fill('wrong');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.waitForSelector('#error');
    expect(await page.getByRole('alert').innerText()).toBe('Wrong email or password');
    expect(await page.getByLabel('Email address').inputValue()).toBe('jane@example.com');
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByLabel('Password').fill('correct horse battery staple');
    await page.getByLabel('Password').press('Enter');
    await page.waitForURL((url) => url.pathname === '/callback');
    const answer = received.at(-1) as URLSearchParams;
    expect(answer.get('state')).toBe('state-1');
    const exchanged = await fetch(`${server.url}/oauth/token`, {
      method: 'POST',
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        client_id: 'web-app',
        client_secret: 'web-secret',
        code: answer.get('code') as string,
        redirect_uri: callback,
      }),
    });
    expect(exchanged.status).toBe(200);
    expect(await exchanged.json()).toMatchObject({ scope: 'openid profile email', token_type: 'Bearer' });

    await page.goto(authorize({ prompt: 'none', state: 'state-2' }), { waitUntil: 'load' });
    expect(received.at(-1)?.get('code')).toMatch(/^[A-Za-z0-9]{45}$/);
    await page.goto(`${server.url}/v2/logout?client_id=web-app&returnTo=${encodeURIComponent(callback)}`);
    await page.goto(authorize({ prompt: 'none', state: 'state-3' }), { waitUntil: 'load' });
    expect(Object.fromEntries(received.at(-1) ?? [])).toEqual({
      error: 'login_required',
      error_description: 'Login required',
      state: 'state-3',
    });
    expect(problems.filter((problem) => !/status of 400/.test(problem))).toEqual([]);
    await page.close();
  }, 60_000);

  it('lists the applications and the APIs on the emulator page', async () => {
    const { page, problems } = await openPage(browser);
    await page.goto(`${server.url}/`, { waitUntil: 'load' });
    await page.waitForSelector('html[data-view="sign-in"]');
    await page.getByLabel('Client ID').fill('page-client');
    await page.getByLabel('Client secret').fill('page-secret');
    await page.getByRole('button', { name: 'Get a token' }).click();
    await page.waitForSelector('html[data-view="users"]');
    await page.getByRole('link', { name: 'Applications and APIs' }).click();
    await page.waitForSelector('html[data-view="tenant"]');
    await expect.poll(() => page.locator('#tenant li').count()).toBe(3);
    expect(await page.locator('#tenant li').allInnerTexts()).toEqual([
      'page-client page-client untyped; grants: authorization_code, implicit, refresh_token, client_credentials; callbacks: none',
      `Web App web-app regular_web; grants: authorization_code, implicit, refresh_token, client_credentials; callbacks: ${callback}`,
      `${API} scopes: read:posts; RBAC: on`,
    ]);
    expect(await page.locator('#discovery').innerText()).toBe(`${server.url}/.well-known/openid-configuration`);
    expect(await accessibilityViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  }, 60_000);
});
