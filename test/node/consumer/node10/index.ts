// A consumer on `moduleResolution: node10` (TypeScript's classic Node resolution, which ignores `exports`): the
// root resolves through `types`, and `auth0-user-patch/report` through `typesVersions`. Compiled by
// test/consumer.test.ts with skipLibCheck: false, from a directory where node_modules/auth0-user-patch is this package.
import { applyPatch, isPatchError, type UserPatch } from 'auth0-user-patch';
import { CHANGE_LABELS, renderHtmlReport, type HtmlReportInput } from 'auth0-user-patch/report';

const patch: UserPatch = { user_metadata: { color: 'pink' } };
const after = applyPatch({ user_id: 'auth0|1' }, { user_metadata: { color: 'pink' } });
const color: string = after.user_metadata.color;
const refused: boolean = isPatchError(new Error('x'));
const render: (input: HtmlReportInput) => string = renderHtmlReport;
const added: string = CHANGE_LABELS.added;
export { added, color, patch, refused, render };
