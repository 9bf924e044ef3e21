/** The browser tier has its browser: in CI a missing Chromium fails here with the line that says what to install. */
import { describe, expect, it } from 'vitest';
import { findChromium } from './chromium.js';

describe('the browser tier', () => {
  it('finds a Chromium to drive', () => {
    const lookup = findChromium();
    expect(lookup.found, lookup.found ? '' : lookup.why).toBe(true);
  });
});

describe('findChromium', () => {
  it('takes CHROMIUM_PATH when it names an executable', () => {
    expect(findChromium({ CHROMIUM_PATH: process.execPath })).toEqual({ found: true, path: process.execPath });
  });
  it('says so when CHROMIUM_PATH names nothing', () => {
    expect(findChromium({ CHROMIUM_PATH: '/nonexistent/chromium' })).toEqual({
      found: false,
      why: expect.stringContaining('CHROMIUM_PATH=/nonexistent/chromium does not exist'),
    });
  });
});
