/** previewPatch on deep users and huge sparse arrays: a preview, never a RangeError. */
import { describe, expect, it } from 'vitest';
import { previewPatch } from '../../../src/index.js';
import { deep, sparse } from '../../support/values.js';

describe('previewPatch on deep values', () => {
  it('previewPatch previews a patch that does not touch a 10,000-level value', () => {
    const user = { nickname: 'jd', user_metadata: { deep: deep(10_000) } };
    const preview = previewPatch(user, { nickname: 'jane' });
    expect(preview.changes).toEqual([
      { path: 'nickname', pathSegments: ['nickname'], kind: 'changed', before: 'jd', after: 'jane' },
    ]);
  });

  it('previewPatch replaces a 10,000-level value with a patch as deep as Auth0 allows', () => {
    const patch = { user_metadata: { d: deep(90, 2) } };
    const preview = previewPatch({ user_metadata: { d: deep(10_000) } }, patch);
    expect(preview.error).toBeUndefined();
    expect(preview.changes.map(({ path, kind }) => `${kind} ${path}`)).toEqual([
      `changed user_metadata.d${'.a'.repeat(90)}`,
    ]);
  });
});

describe('previewPatch on huge sparse arrays', () => {
  const huge = () => sparse(1e9, { 5: 'x', 999_999_999: { b: 1 } });

  it('previewPatch warns about the size instead of throwing', () => {
    const preview = previewPatch({ user_metadata: { a: huge() } }, { nickname: 'jd' });
    expect(preview.warnings.map((warning) => warning.code)).toEqual(['profile-too-large']);
  });
});
