/** Rule 15 (values must be JSON) beyond the shared suites: an array whose prototype is not Array.prototype. */
import { describe, expect, it } from 'vitest';
import { validatePatch } from '../../../src/index.js';

describe('rule 15: values must be JSON', () => {
  it('refuses an array whose prototype is not Array.prototype', () => {
    class Tags extends Array<string> {}
    const error = validatePatch({ user_metadata: { tags: Tags.from(['a']) } });
    expect(error?.path).toBe('user_metadata.tags');
    expect(error?.message).toContain("'Expected a JSON value but found type array' on property user_metadata.tags");
  });
});
