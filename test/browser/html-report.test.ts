/** The HTML preview report in headless Chromium: what a person sees, where the links go, and what it never does. */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  accessibilityViolations,
  DOCS_IMAGES,
  example,
  examplePath,
  launchChromium,
  load,
  openPage,
  screenshot,
  writeReport,
} from './report-page.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
}, 60_000);
afterAll(async () => {
  await browser?.close();
});

const node = (page: Page, id: string) => page.locator(`[id="${id}"]`);
const rowText = (page: Page, id: string) => node(page, id).locator(':scope > .row').innerText();
const focusedNodeId = (page: Page) => page.evaluate(() => document.activeElement?.closest('li.node')?.id);

/** Opens a report and checks what every view must hold: no request but the file, no console error, no axe violation. */
async function view(url: string) {
  const opened = await openPage(browser);
  await load(opened.page, url);
  return opened;
}

async function expectCleanPage({ page, requests, problems }: Awaited<ReturnType<typeof view>>, url: string) {
  expect(requests).toEqual([url]);
  expect(problems).toEqual([]);
  expect(await accessibilityViolations(page)).toEqual([]);
}

describe("the report of Auth0 page's step that loses the home address", () => {
  const user = example('user-with-home-address.json');
  const patch = example('2-add-work-address-only.json');
  const url = writeReport('auth0-page', user, patch, {
    user: examplePath('user-with-home-address.json'),
    patch: examplePath('2-add-work-address-only.json'),
  });

  it('says what Auth0 does, and lists each change with its sign and label', async () => {
    const { page } = await view(url);
    expect(await page.locator('.verdict').innerText()).toBe('Auth0 accepts this patch: 2 changes, 1 warning.');
    expect(await page.locator('.changes > li').allInnerTexts()).toEqual([
      '\u2212 removed user_metadata.addresses.home: "123 Main Street, Anytown, ST 12345"',
      '+ added user_metadata.addresses.work: "100 Industrial Way, Anytown, ST 12345"',
    ]);
    await screenshot(page, 'preview-report', { docs: DOCS_IMAGES });
    await page.close();
  });

  it('shows the lost home address first, as a banner whose link opens it in the user before', async () => {
    const { page } = await view(url);
    const banners = page.locator('.warnings > li');
    expect(await banners.count()).toBe(1);
    expect(await banners.first().innerText()).toContain('! warning nested-key-dropped at user_metadata.addresses.home');
    expect(await banners.first().innerText()).toContain('which the user has, is lost');
    await banners.first().getByRole('link', { name: 'user_metadata.addresses.home' }).click();
    expect(page.url()).toBe(`${url}#t-before/user_metadata/addresses/home`);
    expect(await focusedNodeId(page)).toBe('t-before/user_metadata/addresses/home');
    await expect.poll(() => node(page, 't-before/user_metadata/addresses/home').isVisible()).toBe(true);
    expect(await rowText(page, 't-before/user_metadata/addresses/home')).toBe(
      'home: "123 Main Street, Anytown, ST 12345" \u2212 removed',
    );
    await page.close();
  });

  it('shows the user before and after side by side, open on the way to each change and folded elsewhere', async () => {
    const { page } = await view(url);
    const before = await page.locator('#tree-before').boundingBox();
    const after = await page.locator('#tree-after').boundingBox();
    expect(after!.x).toBeGreaterThan(before!.x + before!.width - 1);
    expect(await rowText(page, 't-after/user_metadata/addresses/work')).toBe(
      'work: "100 Industrial Way, Anytown, ST 12345" + added',
    );
    expect(await node(page, 't-after/user_metadata/addresses/home').count()).toBe(0);
    expect(await rowText(page, 't-after/user_metadata/addresses')).toBe(
      'addresses: {1 key} changes inside: \u2212 removed, + added',
    );
    const unchanged = node(page, 't-after/app_metadata').locator(':scope > .row > button');
    expect(await unchanged.getAttribute('aria-expanded')).toBe('false');
    expect(await node(page, 't-after/app_metadata/plan').count()).toBe(0);
    await unchanged.click();
    expect(await unchanged.getAttribute('aria-expanded')).toBe('true');
    expect(await rowText(page, 't-after/app_metadata/plan')).toBe('plan: "full"');
    await unchanged.press('Enter');
    expect(await node(page, 't-after/app_metadata/plan').isVisible()).toBe(false);
    await page.close();
  });

  it('links each change to its node, in the user after or (when removed) before', async () => {
    const { page } = await view(url);
    await page.locator('.changes').getByRole('link', { name: 'user_metadata.addresses.work' }).click();
    expect(await focusedNodeId(page)).toBe('t-after/user_metadata/addresses/work');
    await page.locator('.changes').getByRole('link', { name: 'user_metadata.addresses.home' }).click();
    expect(await focusedNodeId(page)).toBe('t-before/user_metadata/addresses/home');
    // Each link is a step in the history: Back returns to the node before.
    await page.goBack();
    expect(page.url()).toBe(`${url}#t-after/user_metadata/addresses/work`);
    await expect.poll(() => focusedNodeId(page)).toBe('t-after/user_metadata/addresses/work');
    await page.close();
  });

  it('opens the node a link names when the report is opened with it', async () => {
    const { page } = await view(`${url}#t-before/app_metadata/plan`);
    expect(await focusedNodeId(page)).toBe('t-before/app_metadata/plan');
    expect(await node(page, 't-before/app_metadata/plan').isVisible()).toBe(true);
    await page.close();
  });

  it('loads nothing, logs no error, and has no accessibility violation, folded or opened', async () => {
    const opened = await view(url);
    await opened.page.locator('.toggle[aria-expanded="false"]').first().click();
    await expectCleanPage(opened, url);
    await opened.page.close();
  });
});

describe('the report of other warnings', () => {
  it('links the app_metadata that vanishes and the metadata that {} clears', async () => {
    const url = writeReport(
      'cleared',
      example('user-with-home-address.json'),
      { app_metadata: {}, user_metadata: {} },
      {
        user: examplePath('user-with-home-address.json'),
        patch: 'clear-both.json',
      },
    );
    const opened = await view(url);
    const { page } = opened;
    const banners = await page.locator('.warnings > li').allInnerTexts();
    expect(banners.map((text) => text.split('\n')[0]).sort()).toEqual([
      '! warning app-metadata-removed at app_metadata',
      '! warning metadata-cleared at app_metadata',
      '! warning metadata-cleared at user_metadata',
    ]);
    await page.locator('.warnings > li').filter({ hasText: 'app-metadata-removed' }).getByRole('link').click();
    expect(await focusedNodeId(page)).toBe('t-before/app_metadata');
    expect(await rowText(page, 't-before/app_metadata')).toBe('app_metadata: {1 key} \u2212 removed');
    await screenshot(page, 'preview-cleared');
    await expectCleanPage(opened, url);
    await page.close();
  });

  it('links a delete of a key the user lacks to the patch, and a warning about the whole user to its root', async () => {
    const big = { user_id: 'auth0|1', user_metadata: { notes: 'x'.repeat(11_000) } };
    const url = writeReport('missing-key', big, { user_metadata: { colour: null } });
    const { page } = await view(url);
    const links = page.locator('.warnings > li a');
    expect(await links.allInnerTexts()).toEqual(['user_metadata.colour', 'the whole user', 'the whole user']);
    await links.first().click();
    expect(await focusedNodeId(page)).toBe('t-patch/user_metadata/colour');
    await links.nth(1).click();
    expect(await focusedNodeId(page)).toBe('t-after');
    await page.close();
  });
});

describe('the report of a refused patch', () => {
  const patch = { user_metadata: { 'preference.color': 'pink' } };
  const url = writeReport('refused', example('user.json'), patch, {
    user: examplePath('user.json'),
    patch: 'standard input',
  });

  it("shows Auth0's error body and links the path it names to the patch", async () => {
    const opened = await view(url);
    const { page } = opened;
    const refusal = page.locator('.refusal');
    expect(await refusal.getByRole('heading', { level: 2 }).innerText()).toBe(
      '\u2715 refused Auth0 refuses this patch: 400 Bad Request (invalid_body)',
    );
    expect(JSON.parse(await refusal.locator('pre').innerText())).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message:
        'Payload validation error: \'Invalid key name (must not contain "." or "$"): preference.color\' on property user_metadata["preference.color"] (User metadata to which this user has read/write access.).',
      errorCode: 'invalid_body',
    });
    expect(await page.locator('.changes, .warnings').count()).toBe(0);
    expect(await page.locator('#tree-after').count()).toBe(0);
    const id = 't-patch/user_metadata/preference.color';
    expect(await rowText(page, id)).toBe('preference.color: "pink" \u2715 refused');
    await refusal.getByRole('link', { name: 'user_metadata["preference.color"]' }).click();
    expect(await focusedNodeId(page)).toBe(id);
    await screenshot(page, 'preview-refused', { docs: DOCS_IMAGES });
    await expectCleanPage(opened, url);
    await page.close();
  });
});

describe('hostile keys and values', () => {
  const user = {
    user_id: 'auth0|1',
    name: '<script>window.pwned = 1</script>',
    user_metadata: {
      '<img src=x onerror="window.pwned = 2">': '</script><script>window.pwned = 3</script>',
      nested: { '<b id="injected">bold</b>': '<!-- <svg onload="window.pwned = 4">' },
    },
  };
  const patch = {
    name: '"><script>window.pwned = 5</script>',
    user_metadata: { nested: { '&lt;ok&gt;': "'; window.pwned = 6; '" } },
  };
  const url = writeReport('hostile', user, patch, { user: '<script>.json', patch: 'patch".json' });

  it('shows every key and value as text and runs none of them', async () => {
    const { page, problems, requests } = await view(url);
    await page.locator('.warnings a').first().click();
    const id = 't-before/user_metadata/nested/' + encodeURIComponent('<b id="injected">bold</b>');
    expect(await rowText(page, id)).toBe(
      '<b id="injected">bold</b>: "<!-- <svg onload=\\"window.pwned = 4\\">" \u2212 removed',
    );
    await node(page, 't-before/user_metadata').locator(':scope > .row > button').click();
    await node(page, 't-before/user_metadata').locator(':scope > .row > button').click();
    expect(await page.locator('#tree-before').innerText()).toContain(
      '<img src=x onerror="window.pwned = 2">: "</script><script>window.pwned = 3</script>"',
    );
    expect(await page.locator('.changes').innerText()).toContain(
      '~ changed name: "<script>window.pwned = 1</script>" \u2192 "\\"><script>window.pwned = 5</script>"',
    );
    expect(await page.locator('.sources').innerText()).toBe('User <script>.json, patch patch".json');
    expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
    expect(await page.locator('script').count()).toBe(2);
    expect(await page.locator('img, svg, b, #injected').count()).toBe(0);
    expect(problems).toEqual([]);
    expect(requests).toEqual([url]);
    await page.close();
  });
});

describe('a 1 MB user', () => {
  const big: Record<string, string> = {};
  for (let index = 0; index < 4000; index++) big[`key_${index}`] = `${index}:${'v'.repeat(230)}`;
  const history = Array.from({ length: 2000 }, (_, index) => ({ at: index, event: 'login' }));
  const user = { user_id: 'auth0|big', user_metadata: { big, history }, app_metadata: { plan: 'full' } };
  const { key_3210: _dropped, ...kept } = big;
  const patch = { user_metadata: { big: kept }, app_metadata: { plan: 'pro' } };
  const url = writeReport('large', user, patch);

  it('renders within a second or so, folded, and stays interactive', async () => {
    expect(JSON.stringify(user).length).toBeGreaterThan(1_000_000);
    const { page, problems } = await openPage(browser);
    const started = Date.now();
    await load(page, url);
    const loaded = Date.now() - started;
    // Generous: a person waits about a second here; a loaded CI machine may take longer, never this long.
    expect(loaded).toBeLessThan(8_000);
    expect(await page.locator('li.node').count()).toBeLessThan(1_000);
    const history = node(page, 't-after/user_metadata/history').locator(':scope > .row > button');
    expect(await history.getAttribute('aria-expanded')).toBe('false');
    await history.click();
    expect(await node(page, 't-after/user_metadata/history').locator(':scope > ul > li.node').count()).toBe(200);
    await page.getByRole('button', { name: 'Show 200 more (1800 not shown)' }).click();
    expect(await node(page, 't-after/user_metadata/history').locator(':scope > ul > li.node').count()).toBe(400);
    await page.locator('.warnings').getByRole('link', { name: 'user_metadata.big.key_3210' }).click();
    expect(await focusedNodeId(page)).toBe('t-before/user_metadata/big/key_3210');
    const dropped = 't-before/user_metadata/big/key_3210';
    expect(await rowText(page, dropped)).toMatch(
      /^key_3210: "3210:v{194}\u2026 Show all 237 characters \u2212 removed$/,
    );
    await node(page, dropped).getByRole('button', { name: 'Show all 237 characters' }).click();
    expect(await rowText(page, dropped)).toBe(`key_3210: ${JSON.stringify(big['key_3210'])} \u2212 removed`);
    await screenshot(page, 'preview-large', { fullPage: false });
    expect(problems).toEqual([]);
    await page.close();
  });
});
