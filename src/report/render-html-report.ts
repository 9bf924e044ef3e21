import { isPlainObject } from '../internal/is-plain-object.js';
import type { UserChange } from '../describe/list-changes.js';
import type { PathSegment } from '../core/path.js';
import type { PatchPreview } from '../describe/preview-patch.js';
import { CHANGE_LABELS } from './change-labels.js';
import { embedJson, escapeHtml } from './escape-html.js';
import { REPORT_STYLE } from './report-style.js';
import { reportScriptText } from './report-script-text.js';
import {
  DATA_ELEMENT_ID,
  nodeId,
  treeHostId,
  type Mark,
  type ReportData,
  type ReportTree,
  type Side,
} from './report-tree.js';
import { sha256Base64 } from './sha256.js';

/**
 * What the HTML report shows: the user and patch as read, {@link previewPatch}'s answer for them, and optionally the
 * names of their files.
 *
 * @example
 * const input: HtmlReportInput = { user, patch, preview: previewPatch(user, patch), sources: { user: 'user.json', patch: 'patch.json' } };
 */
export type HtmlReportInput = {
  user: object;
  patch: unknown;
  preview: PatchPreview;
  sources?: { user: string; patch: string };
};

/** The most changes and warnings listed as text; the trees mark every one. */
const LIST_LIMIT = 500;
/** A patch this small as JSON is shown wholly open. */
const SMALL_PATCH = 4096;

/** The report's Content-Security-Policy: nothing loads, inline styles apply, and only its script (by its hash) runs. */
function contentSecurityPolicy(script: string): string {
  return `default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-${sha256Base64(script)}'; base-uri 'none'; form-action 'none'`;
}

/**
 * One self-contained, fully escaped HTML page for a preview (what `auth0-user-patch preview --html` writes): the
 * changes and warnings (or Auth0's refusal), then the user before and after as lazily rendered JSON trees. It loads
 * nothing: its style and its one script are inline, and its Content-Security-Policy allows nothing else.
 *
 * @example
 * const user = { user_id: 'auth0|1', user_metadata: { addresses: { home: '123 Main Street' } } };
 * const patch = { user_metadata: { addresses: { work: '100 Industrial Way' } } };
 * const html = renderHtmlReport({ user, patch, preview: previewPatch(user, patch) });
 * html.startsWith('<!doctype html>'); // true
 */
export function renderHtmlReport({ user, patch, preview, sources }: HtmlReportInput): string {
  const { error, changes, warnings } = preview;
  const script = reportScriptText();
  const trees: ReportTree[] = [];
  const body: string[] = [];
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  let title: string;
  if (error === undefined) {
    const after = preview.user ?? {};
    const before = tree('before', user);
    const afterTree = tree('after', after);
    const patchTree = tree('patch', patch);
    for (const change of changes) markChange(change, before, afterTree);
    openSmallPatch(patchTree);
    trees.push(before, afterTree, patchTree);
    title = `Preview: ${plural(changes.length, 'change')}, ${plural(warnings.length, 'warning')}`;
    body.push(
      `<p class="verdict">Auth0 accepts this patch: ${plural(changes.length, 'change')}, ${plural(warnings.length, 'warning')}.</p>`,
    );
    body.push(warningSection(preview, user, after, patch), changeSection(changes));
    body.push(usersSection(true), patchSection());
  } else {
    const patchTree = tree('patch', patch);
    const refused = error.pathSegments === undefined ? undefined : existingPrefix(patch, error.pathSegments);
    if (refused !== undefined && refused.length > 0) mark(patchTree, refused, 'refused');
    openSmallPatch(patchTree);
    trees.push(tree('before', user), patchTree);
    title = `Refused: ${error.statusCode} ${error.errorCode}`;
    const where =
      error.path === undefined || refused === undefined
        ? ''
        : `<p>The path Auth0 names: ${link('patch', refused, error.path === '' ? 'the whole patch' : error.path)}</p>`;
    body.push(
      `<section class="refusal" aria-labelledby="refusal-heading">`,
      `<h2 id="refusal-heading"><span class="badge refused">${CHANGE_LABELS.refused}</span> Auth0 refuses this patch: ${error.statusCode} ${escapeHtml(error.error)} (${escapeHtml(error.errorCode)})</h2>`,
      `<p>${escapeHtml(error.message)}</p>`,
      where,
      `<p>Auth0 answers with this body and stores nothing: the user stays as it is.</p>`,
      `<h3>Response body</h3>`,
      `<pre tabindex="0" aria-label="Auth0's response body"><code>${escapeHtml(JSON.stringify(error, null, 2))}</code></pre>`,
      `</section>`,
    );
    body.push(patchSection(), usersSection(false));
  }
  const source =
    sources === undefined
      ? ''
      : `<p class="sources">User <code>${escapeHtml(sources.user)}</code>, patch <code>${escapeHtml(sources.patch)}</code></p>`;
  const legend = `<p class="legend">Marks: ${(['added', 'changed', 'removed'] as const).map((kind) => `<span class="badge ${kind}">${CHANGE_LABELS[kind]}</span>`).join(' ')}${error === undefined ? '' : ` <span class="badge refused">${CHANGE_LABELS.refused}</span>`}</p>`;
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(script)}">`,
    '<meta name="referrer" content="no-referrer">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)} \u2013 auth0-user-patch</title>`,
    `<style>${REPORT_STYLE}</style>`,
    '</head>',
    '<body>',
    '<header>',
    '<h1>PATCH /api/v2/users/{id}: preview</h1>',
    source,
    legend,
    '</header>',
    '<main>',
    ...body,
    '</main>',
    '<footer>Made offline by auth0-user-patch preview --html. This page loads nothing from the network.</footer>',
    `<script type="application/json" id="${DATA_ELEMENT_ID}">${embedJson({ trees } satisfies ReportData)}</script>`,
    `<script type="module">${script}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function warningSection(preview: PatchPreview, before: object, after: object, patch: unknown): string {
  const { warnings } = preview;
  if (warnings.length === 0)
    return '<section aria-labelledby="warnings-heading"><h2 id="warnings-heading">Warnings</h2><p>None: nothing is silently lost.</p></section>';
  const items = warnings.slice(0, LIST_LIMIT).map((warning, index) => {
    const [side, at] = placeOf(warning.pathSegments, before, after, patch);
    const about = link(side, at, warning.pathSegments.length === 0 ? 'the whole user' : warning.path);
    return [
      `<li class="banner" id="warning-${index + 1}">`,
      `<p><span class="badge warning">${CHANGE_LABELS.warning}</span> <span class="code">${escapeHtml(warning.code)}</span> at ${about}</p>`,
      `<p>${escapeHtml(warning.message)}</p>`,
      '</li>',
    ].join('');
  });
  return [
    `<section aria-labelledby="warnings-heading"><h2 id="warnings-heading">Warnings (${warnings.length})</h2>`,
    `<ol class="warnings">${items.join('\n')}</ol>`,
    more(warnings.length, 'warnings are not listed'),
    '</section>',
  ].join('\n');
}

function changeSection(changes: readonly UserChange[]): string {
  if (changes.length === 0)
    return '<section aria-labelledby="changes-heading"><h2 id="changes-heading">Changes</h2><p>None.</p></section>';
  const items = changes.slice(0, LIST_LIMIT).map((change) => {
    const target = link(change.kind === 'removed' ? 'before' : 'after', change.pathSegments, change.path);
    const values =
      change.kind === 'added'
        ? `<code>${escapeHtml(preview(change.after))}</code>`
        : change.kind === 'removed'
          ? `<code>${escapeHtml(preview(change.before))}</code>`
          : `<code>${escapeHtml(preview(change.before))}</code> \u2192 <code>${escapeHtml(preview(change.after))}</code>`;
    return `<li class="${change.kind}"><span class="badge ${change.kind}">${CHANGE_LABELS[change.kind]}</span> ${target}: ${values}</li>`;
  });
  return [
    `<section aria-labelledby="changes-heading"><h2 id="changes-heading">Changes (${changes.length})</h2>`,
    `<ul class="changes">${items.join('\n')}</ul>`,
    more(changes.length, 'changes are not listed here; the trees below mark them'),
    '</section>',
  ].join('\n');
}

function usersSection(accepted: boolean): string {
  const after = accepted
    ? panel('after', 'After: the user Auth0 would store')
    : '<section class="panel" aria-labelledby="after-heading"><h3 id="after-heading">After</h3><p class="absent">Nothing: Auth0 refuses the patch and the user stays as it is.</p></section>';
  return [
    '<section aria-labelledby="users-heading"><h2 id="users-heading">The user before and after</h2>',
    '<p class="legend">Unchanged parts are folded; open them with their \u25B8 button.</p>',
    `<div class="columns">${panel('before', 'Before')}\n${after}</div>`,
    '</section>',
  ].join('\n');
}

function patchSection(): string {
  return `<section aria-labelledby="patch-section-heading"><h2 id="patch-section-heading">The patch sent</h2>${panel('patch', 'Patch body')}</section>`;
}

function panel(side: Side, heading: string): string {
  return [
    `<section class="panel" aria-labelledby="${side}-heading"><h3 id="${side}-heading">${escapeHtml(heading)}</h3>`,
    `<div id="${treeHostId(side)}" class="tree-host"><noscript><p>The tree needs JavaScript; the lists above name every change.</p></noscript></div>`,
    '</section>',
  ].join('');
}

function more(total: number, text: string): string {
  return total > LIST_LIMIT ? `<p class="more-note">${total - LIST_LIMIT} more ${text}.</p>` : '';
}

function tree(side: Side, value: unknown): ReportTree {
  return { side, value, marks: {}, inside: {}, open: [] };
}

function link(side: Side, segments: readonly PathSegment[], text: string): string {
  return `<a href="#${escapeHtml(nodeId(side, segments))}"><code>${escapeHtml(text)}</code></a>`;
}

/** Marks a change on the side(s) that hold it; the other side opens the way to where it is missing. */
function markChange(change: UserChange, before: ReportTree, after: ReportTree): void {
  const segments = change.pathSegments;
  if (change.kind === 'added') openTowards(before, existingPrefix(before.value, segments.slice(0, -1)), change.kind);
  else mark(before, segments, change.kind);
  if (change.kind === 'removed') openTowards(after, existingPrefix(after.value, segments.slice(0, -1)), change.kind);
  else mark(after, segments, change.kind);
}

/** Marks a node, and opens and labels every node on the way to it. */
function mark(tree: ReportTree, segments: readonly PathSegment[], kind: Mark): void {
  tree.marks[nodeId(tree.side, segments)] = kind;
  openTowards(tree, segments.slice(0, -1), kind);
}

/** Opens a node and those on the way to it, each labelled as holding a change of this kind. */
function openTowards(tree: ReportTree, segments: readonly PathSegment[], kind: Mark): void {
  for (let length = 1; length <= segments.length; length++) {
    const id = nodeId(tree.side, segments.slice(0, length));
    const inside = tree.inside[id];
    if (inside === undefined) {
      tree.inside[id] = [kind];
      tree.open.push(id);
    } else if (!inside.includes(kind)) inside.push(kind);
  }
}

function openSmallPatch(patchTree: ReportTree): void {
  if ((JSON.stringify(patchTree.value) ?? '').length > SMALL_PATCH) return;
  const walk = (value: unknown, segments: PathSegment[]) => {
    if (typeof value !== 'object' || value === null) return;
    if (segments.length > 0) patchTree.open.push(nodeId('patch', segments));
    if (Array.isArray(value)) value.forEach((item, index) => walk(item, [...segments, index]));
    else for (const [key, item] of Object.entries(value)) walk(item, [...segments, key]);
  };
  walk(patchTree.value, []);
}

/** Where a warning's path is shown: the user after, before, or the patch, whichever has it, else its nearest ancestor after. */
function placeOf(
  segments: readonly PathSegment[],
  before: object,
  after: object,
  patch: unknown,
): [Side, readonly PathSegment[]] {
  for (const [side, value] of [
    ['after', after],
    ['before', before],
    ['patch', patch],
  ] as const) {
    if (existingPrefix(value, segments).length === segments.length) return [side, segments];
  }
  return ['after', existingPrefix(after, segments)];
}

/** The longest start of a path that exists in a value. */
function existingPrefix(value: unknown, segments: readonly PathSegment[]): PathSegment[] {
  const found: PathSegment[] = [];
  let at = value;
  for (const segment of segments) {
    const has = Array.isArray(at)
      ? typeof segment === 'number' && segment < at.length
      : isPlainObject(at) && Object.hasOwn(at, String(segment));
    if (!has) break;
    at = (at as Record<string, unknown>)[segment];
    found.push(segment);
  }
  return found;
}

function preview(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}
