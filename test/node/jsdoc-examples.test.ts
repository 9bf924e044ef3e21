/** The library's public examples (`auth0-user-patch` and `auth0-user-patch/report`): see test/support/public-examples.ts. */
import { fileURLToPath } from 'node:url';
import { checkPublicExamples } from '../support/public-examples.js';

checkPublicExamples({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  entries: ['src/index.ts', 'src/report/index.ts'],
  freeNames: {
    user: 'declare const user: Auth0User;',
    patch: 'declare const patch: UserPatch;',
    body: 'declare const body: unknown;',
    response: 'declare const response: { status(code: number): { send(body: string): void } };',
    document: 'declare const document: { createElement(tag: string): { textContent: string } };',
  },
  imports: [],
  minimumExamples: 30,
  expectedNames: ['applyPatch', 'PatchError', 'PatchError.toJSON', 'preparePatch', 'renderHtmlReport'],
});
