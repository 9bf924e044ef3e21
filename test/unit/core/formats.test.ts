/** The email and uri formats (rule 15's attribute constraints): Auth0's lengths, and no catastrophic backtracking on huge input. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matchesFormat } from '../../../src/core/formats.js';

describe('matchesFormat: the email and uri formats', () => {
  it('refuses a multi-megabyte email quickly, without throwing', () => {
    expect(matchesFormat('email', `${'a'.repeat(5e6)}@x.com`)).toBe(false);
    expect(matchesFormat('email', `a@${'a'.repeat(62)}.${`${'a'.repeat(63)}.`.repeat(1e5)}-`)).toBe(false);
    expect(matchesFormat('email', `a@${'a.'.repeat(5e6)}com`)).toBe(false);
  });

  it("keeps Auth0's documented lengths: 64 characters before the @, 256 after", () => {
    const domain = `${'d'.repeat(63)}.${'d'.repeat(63)}.${'d'.repeat(63)}.${'d'.repeat(63)}.com`.slice(-256);
    expect(domain).toHaveLength(256);
    expect(matchesFormat('email', `${'l'.repeat(64)}@${domain.replace(/^\./, 'x')}`)).toBe(true);
    expect(matchesFormat('email', `${'l'.repeat(65)}@example.com`)).toBe(false);
    expect(matchesFormat('email', `a@x${domain}`)).toBe(false);
  });

  it('checks a huge uri without throwing', () => {
    expect(matchesFormat('uri', `https://example.com/${'a'.repeat(5e7)}`)).toBe(true);
    expect(matchesFormat('uri', `h${'a'.repeat(5e7)}`)).toBe(false);
    expect(matchesFormat('uri', `h:${'a'.repeat(5e7)} `)).toBe(false);
    expect(matchesFormat('uri', `${'a+'.repeat(5e6)}`)).toBe(false);
  });

  it('agrees with the former patterns on strings within the lengths, and never backtracks far on adversarial ones', () => {
    const EMAIL =
      /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/;
    const URI = /^[A-Za-z][A-Za-z0-9+.-]*:\S+$/;
    const piece = fc.constantFrom('a', 'Z', '0', '-', '.', '@', ':', ' ', '+', '!', '\n', 'é', '/');
    const text = fc.array(piece, { maxLength: 80 }).map((pieces) => pieces.join(''));
    fc.assert(
      fc.property(text, (value) => {
        expect(matchesFormat('email', value)).toBe(EMAIL.test(value));
        expect(matchesFormat('uri', value)).toBe(URI.test(value));
      }),
      { numRuns: 5000 },
    );
    const started = Date.now();
    for (const unit of ['a', 'a-', 'a.', '-a', 'a@', '@a', ':a', 'a:', 'a ']) {
      for (const value of [unit.repeat(100_000), `${unit.repeat(100_000)}!`, `a@${unit.repeat(100_000)}-`]) {
        matchesFormat('email', value);
        matchesFormat('uri', value);
      }
    }
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
