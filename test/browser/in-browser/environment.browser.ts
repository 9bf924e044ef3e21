/** Where the other file's suites run: a Chromium page, with the DOM and without Node. */
import { describe, expect, it } from 'vitest';
import { previewPatch } from '../../../src/index.js';
import { renderHtmlReport } from '../../../src/report/render-html-report.js';

describe('the browser the suites run in', () => {
  it('is Chromium, headless, with a DOM and no Node', () => {
    expect(navigator.userAgent).toMatch(/HeadlessChrome\//);
    expect(typeof document.createElement).toBe('function');
    expect(typeof (globalThis as { Buffer?: unknown }).Buffer).toBe('undefined');
    expect(typeof (globalThis as { require?: unknown }).require).toBe('undefined');
    expect((globalThis as { process?: { versions?: { node?: string } } }).process?.versions?.node).toBeUndefined();
  });

  it('renders the HTML report in the page too, and the page parses it', () => {
    const user = { user_metadata: { addresses: { home: '1 Home Road' } } };
    const patch = { user_metadata: { addresses: { work: '2 Work Way' } } };
    const html = renderHtmlReport({ user, patch, preview: previewPatch(user, patch) });
    const page = new DOMParser().parseFromString(html, 'text/html');
    expect(page.querySelector('.warnings a')?.getAttribute('href')).toBe('#t-before/user_metadata/addresses/home');
    expect(Array.from(page.querySelectorAll('.changes .badge'), (badge) => badge.textContent)).toEqual([
      '\u2212 removed',
      '+ added',
    ]);
  });
});
