/**
 * payloadValidationMessage: Auth0's wording for a body its validator refuses, as docs/errors.md quotes it from Auth0's
 * answers (auth0-semantics.md): about one property, with its path and the description Auth0 quotes, or about the body.
 */
import { describe, expect, it } from 'vitest';
import { payloadValidationMessage } from '../../../src/core/messages.js';

describe('payloadValidationMessage', () => {
  it('words a fault of one property with its path and description', () => {
    const blocked = 'Whether this user was blocked by an administrator (true) or not (false).';
    expect(
      payloadValidationMessage('Expected type boolean but found type string', {
        path: 'blocked',
        description: blocked,
      }),
    ).toBe(
      "Payload validation error: 'Expected type boolean but found type string' on property blocked (Whether this user was blocked by an administrator (true) or not (false).).",
    );
  });

  it('words a fault of the body as a whole without a property', () => {
    expect(payloadValidationMessage('Missing required property: blocked')).toBe(
      "Payload validation error: 'Missing required property: blocked'.",
    );
  });
});
