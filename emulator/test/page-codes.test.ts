/** The page's one-time codes: what `serve` prints in the page's address instead of a token (issue 22). */
import { describe, expect, it } from 'vitest';
import { createEmulator } from '../src/index.js';

const post = (auth0: ReturnType<typeof createEmulator>, path: string, init: RequestInit = {}) =>
  auth0.fetch(new Request(`http://127.0.0.1:4010${path}`, { method: 'POST', ...init }));
const trade = (auth0: ReturnType<typeof createEmulator>, code: unknown) =>
  post(auth0, '/_emulator/page-token', { body: JSON.stringify({ code }) });

describe('the page’s one-time codes', () => {
  it('trades a code for the token it was made from, once, with nothing cached', async () => {
    const auth0 = createEmulator({ token: 'T', page: true });
    const made = await post(auth0, '/_emulator/page-code', { headers: { authorization: 'Bearer T' } });
    expect(made.status).toBe(201);
    expect(made.headers.get('cache-control')).toBe('no-store');
    const { code } = (await made.json()) as { code: string };
    expect(code).toMatch(/^[A-Za-z0-9]{32}$/);
    const traded = await trade(auth0, code);
    expect(traded.headers.get('cache-control')).toBe('no-store');
    expect(await traded.json()).toEqual({ access_token: 'T', token_type: 'Bearer' });
    const spent = await trade(auth0, code);
    expect(spent.status).toBe(400);
    expect(await spent.json()).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: 'This page address was used already, or is not one serve printed: sign in on the page',
    });
  });

  it('makes codes only for a token the Management API accepts, keeps 16 at most, and refuses a malformed trade', async () => {
    const auth0 = createEmulator({ token: 'T', page: true });
    expect((await post(auth0, '/_emulator/page-code')).status).toBe(401);
    expect((await post(auth0, '/_emulator/page-code', { headers: { authorization: 'Bearer forged' } })).status).toBe(
      401,
    );
    const codes: string[] = [];
    for (let count = 0; count < 17; count++) {
      const made = await post(auth0, '/_emulator/page-code', { headers: { authorization: 'Bearer T' } });
      codes.push(((await made.json()) as { code: string }).code);
    }
    // The oldest was forgotten when the seventeenth was made.
    expect((await trade(auth0, codes[0])).status).toBe(400);
    expect((await trade(auth0, codes[16])).status).toBe(200);
    for (const body of ['', 'not json', '{"code":42}', '[]'])
      expect((await post(auth0, '/_emulator/page-token', { body })).status).toBe(400);
  });

  it('is no route of an emulator without the page', async () => {
    const auth0 = createEmulator({ token: 'T' });
    expect((await post(auth0, '/_emulator/page-code', { headers: { authorization: 'Bearer T' } })).status).toBe(404);
  });
});
