/** The built `auth0-user-patch/report` (ESM or CommonJS) renders the report with its script, allowed by its hash. */
import { createHash } from 'node:crypto';
import { expect, it } from 'vitest';
import type { Library } from './library.js';

type Report = typeof import('../../src/report/index.js');

export function builtReportTests(report: Report, { previewPatch }: Library): void {
  it('renders the HTML report with its script, which the policy allows by the hash of its text', () => {
    const user = { user_metadata: { addresses: { home: '1 Home Road' } } };
    const patch = { user_metadata: { addresses: { work: '2 Work Way' } } };
    const html = report.renderHtmlReport({ user, patch, preview: previewPatch(user, patch) });
    const scripts = [...html.matchAll(/<script type="module">([\s\S]*?)<\/script>/g)].map((match) => match[1] ?? '');
    expect(scripts).toHaveLength(1);
    const script = scripts[0] ?? '';
    expect(script).toContain('addEventListener("hashchange"');
    expect(script).not.toContain('__REPORT_SCRIPT__');
    expect(html).toContain(`script-src 'sha256-${createHash('sha256').update(script).digest('base64')}'`);
    expect(html).toContain('<span class="badge removed">\u2212 removed</span>');
    expect(report.CHANGE_LABELS.warning).toBe('! warning');
  });
}
