/** What the browser tests share: Debian's Chromium through playwright-core, reports written to disk, axe-core. */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll } from 'vitest';
import { renderHtmlReport } from '../../src/report/render-html-report.js';
import { previewPatch } from '../../src/describe/preview-patch.js';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
/** The folder of the reports a test file writes, made on the first and removed after the file's tests. */
let scratch: string | undefined;
afterAll(() => {
  if (scratch !== undefined) rmSync(scratch, { recursive: true, force: true });
  scratch = undefined;
});
const screenshots = join(root, 'test', 'browser', 'screenshots');

/** Launches headless Chromium; nothing is downloaded, and the browser talks to no network. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS] });
}

/** Renders the report for a user and patch into a file of its own, and returns its file:// URL. */
export function writeReport(
  name: string,
  user: object,
  patch: unknown,
  sources?: { user: string; patch: string },
): string {
  scratch ??= mkdtempSync(join(tmpdir(), 'auth0-user-patch-report-'));
  const path = join(scratch, `${name}.html`);
  writeFileSync(
    path,
    renderHtmlReport({
      user,
      patch,
      preview: previewPatch(user, patch),
      ...(sources === undefined ? {} : { sources }),
    }),
  );
  return pathToFileURL(path).href;
}

/** A page that records every request it makes, every console message and every uncaught error. */
export async function openPage(browser: Browser, viewport = { width: 1280, height: 900 }) {
  const page = await browser.newPage({ viewport });
  page.setDefaultTimeout(10_000);
  const requests: string[] = [];
  const problems: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('dialog', (dialog) => {
    problems.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  return { page, requests, problems };
}

/** Opens a report and waits until its script has rendered the trees. */
export async function load(page: Page, url: string): Promise<void> {
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForSelector('html[data-ready="true"]', { timeout: 10_000 });
}

/** The library's documentation images. */
export const DOCS_IMAGES = join(root, 'docs', 'images');

/** Writes a screenshot under test/browser/screenshots/ (the whole page unless `fullPage` is false); with UPDATE_DOCS_IMAGES=1, also into the `docs` folder given. */
export async function screenshot(
  page: Page,
  name: string,
  { docs, fullPage = true }: { docs?: string; fullPage?: boolean } = {},
): Promise<void> {
  mkdirSync(screenshots, { recursive: true });
  const path = join(screenshots, `${name}.png`);
  await page.screenshot({ path, fullPage });
  if (docs !== undefined && process.env['UPDATE_DOCS_IMAGES'] === '1') {
    mkdirSync(docs, { recursive: true });
    copyFileSync(path, join(docs, `${name}.png`));
  }
}

type AxeViolation = { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] };

/** Runs axe-core in the page (every rule it runs by default) and returns the violations, one line each. */
export async function accessibilityViolations(page: Page): Promise<string[]> {
  const axe = createRequire(import.meta.url)('axe-core') as { source: string };
  await page.evaluate(axe.source);
  const { violations, passes } = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run: (context: Document) => Promise<{ violations: AxeViolation[]; passes: unknown[] }> };
      }
    ).axe;
    const result = await axe.run(document);
    return { violations: result.violations, passes: result.passes.length };
  });
  if (passes < 10) throw new Error(`axe-core checked only ${passes} rules: it did not run on the page`);
  return violations.map(
    (violation) =>
      `${violation.id} (${violation.impact}): ${violation.help} at ${JSON.stringify(violation.nodes.map((node) => node.target))}`,
  );
}

/** Reads a JSON example of Auth0's "Update Metadata" page. */
export function example(name: string): object {
  return JSON.parse(readFileSync(join(root, 'examples', 'auth0-page', name), 'utf8')) as object;
}

export const examplePath = (name: string) => `examples/auth0-page/${name}`;
