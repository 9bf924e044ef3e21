/** The words of the preview warnings and their edges: no-change, app-metadata-removed, profile-too-large at 10 KB. */
import { describe, expect, it } from 'vitest';
import { previewPatch } from '../../../src/index.js';
import { jane } from '../../support/fixtures.js';

/** The profile size Auth0 documents, 10 KB (rule 17 of docs/rules.md): 10 × 1,024 bytes of JSON. */
const TEN_KB = 10 * 1024;

describe('preview warnings', () => {
  it('says a patch that changes nothing changes nothing, in these words', () => {
    expect(previewPatch(jane, { nickname: 'jd' }).warnings).toEqual([
      {
        code: 'no-change',
        path: '',
        pathSegments: [],
        message: 'This patch changes nothing Auth0 stores on the user: every value it sends is already there.',
      },
    ]);
  });

  it('warns that emptied app_metadata is removed, in these words, only when the user had it', () => {
    expect(previewPatch({ app_metadata: { plan: 'full' } }, { app_metadata: { plan: null } }).warnings).toEqual([
      {
        code: 'app-metadata-removed',
        path: 'app_metadata',
        pathSegments: ['app_metadata'],
        message:
          'app_metadata is left empty, so Auth0 removes it: the user comes back without app_metadata, not with {}. Code that reads user.app_metadata must allow it to be missing.',
      },
    ]);
    expect(previewPatch({}, { app_metadata: { plan: null } }).warnings.map((warning) => warning.code)).toEqual([
      'delete-missing-key',
      'no-change',
    ]);
    expect(previewPatch({ user_metadata: { a: 1 } }, { user_metadata: { a: null } }).warnings).toEqual([]);
  });

  it('warns of a large profile past 10 KB, not at exactly 10 KB', () => {
    const bytes = (user: object) => Buffer.byteLength(JSON.stringify(user));
    const filler = (size: number) => 'x'.repeat(size - bytes({ user_metadata: { a: '' } }));
    const codes = (size: number) =>
      previewPatch({}, { user_metadata: { a: filler(size) } }).warnings.map((warning) => warning.code);
    expect(codes(TEN_KB)).toEqual([]);
    expect(codes(TEN_KB + 1)).toEqual(['profile-too-large']);
  });
});
