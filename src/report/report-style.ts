/**
 * The stylesheet of the HTML report ({@link renderHtmlReport}): one column on a phone, side by side from 60rem; every
 * mark has a text label ({@link CHANGE_LABELS}), every colour pair meets WCAG AA. Pages that show previews the same
 * way (the emulator's page) use it too: badges (`.badge.added`), banners, JSON trees (`.mark-changed > .row`), and
 * its colours as custom properties (`var(--green)`, `--amber`, `--red`, each with `-text` and `-back`).
 *
 * @example
 * const style = document.createElement('style');
 * style.textContent = REPORT_STYLE;
 */
export const REPORT_STYLE = `
:root { color-scheme: light; --text: #1f2328; --muted: #57606a; --line: #d0d7de; --link: #0a4fb5;
  --green: #1a7f37; --green-text: #0b5d1e; --green-back: #e3f3e6;
  --amber: #9a6700; --amber-text: #6b3f00; --amber-back: #fdf1dc;
  --red: #cf222e; --red-text: #a1121a; --red-back: #fde7e9; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--text); background: #fff; }
header, main { max-width: 110rem; margin: 0 auto; padding: 0 1.25rem; }
header { padding-top: 1rem; border-bottom: 1px solid var(--line); }
h1 { font-size: 1.4rem; margin: 0.5rem 0; }
h2 { font-size: 1.15rem; margin: 1.5rem 0 0.5rem; }
h3 { font-size: 1rem; margin: 0.5rem 0; }
a { color: var(--link); }
a:focus-visible, button:focus-visible, .row:focus, pre:focus-visible { outline: 2px solid var(--link); outline-offset: 1px; }
code, pre, .tree { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 13px; }
p { margin: 0.4rem 0; }
.sources, .legend { color: var(--muted); }
.verdict { font-weight: 600; }
.badge { display: inline-block; font: 600 12px/1.5 system-ui, sans-serif; padding: 0 0.4em; border: 1px solid; border-radius: 3px; white-space: nowrap; }
.badge.added { color: var(--green-text); background: var(--green-back); border-color: var(--green); }
.badge.changed { color: var(--amber-text); background: var(--amber-back); border-color: var(--amber); }
.badge.removed, .badge.refused { color: var(--red-text); background: var(--red-back); border-color: var(--red); }
.badge.warning { color: var(--amber-text); background: #fff4d6; border-color: var(--amber); }
.warnings, .changes { list-style: none; margin: 0; padding: 0; }
.banner { margin: 0.5rem 0; padding: 0.6rem 0.9rem; background: #fff8e5; border: 1px solid #d4a72c; border-left: 6px solid var(--amber); border-radius: 4px; }
.banner .code { font-weight: 600; }
.refusal { margin: 1rem 0; padding: 0.6rem 0.9rem; background: #fff5f5; border: 1px solid var(--red); border-left: 6px solid var(--red-text); border-radius: 4px; }
.refusal h2 { margin-top: 0.2rem; color: var(--red-text); }
pre { margin: 0.4rem 0; padding: 0.6rem; white-space: pre-wrap; overflow-wrap: anywhere; background: #f6f8fa; border: 1px solid var(--line); border-radius: 4px; }
.changes li { padding: 0.15rem 0.4rem; border-left: 4px solid transparent; overflow-wrap: anywhere; }
.changes li.added { border-left-color: var(--green); }
.changes li.changed { border-left-color: var(--amber); }
.changes li.removed { border-left-color: var(--red); }
.more-note { color: var(--muted); }
.columns { display: grid; grid-template-columns: 1fr; gap: 1rem; }
@media (min-width: 60rem) { .columns { grid-template-columns: 1fr 1fr; } }
.panel { min-width: 0; border: 1px solid var(--line); border-radius: 6px; padding: 0.4rem 0.8rem 0.8rem; }
.panel h3 { border-bottom: 1px solid var(--line); padding-bottom: 0.3rem; }
.tree, .tree ul { list-style: none; margin: 0; padding: 0; }
.tree ul { padding-left: 1.4em; border-left: 1px dotted var(--line); margin-left: 0.45em; }
.row { padding: 1px 0.3rem; border-radius: 3px; overflow-wrap: anywhere; }
.toggle { font: inherit; color: inherit; background: none; border: 0; padding: 0; cursor: pointer; text-align: left; }
.toggle:hover .summary { text-decoration: underline; }
.twisty::before { content: "\\25B8"; display: inline-block; width: 1em; color: var(--muted); }
.toggle[aria-expanded="true"] .twisty::before { content: "\\25BE"; }
.key { color: #0550ae; }
.key.index { color: var(--muted); }
.summary, .inside { color: var(--muted); }
.inside { font: 12px system-ui, sans-serif; }
.value.string { color: #0a3069; }
.value.number { color: #953800; }
.value.boolean, .value.null { color: #6639ba; }
.mark-added > .row { background: var(--green-back); }
.mark-changed > .row { background: var(--amber-back); }
.mark-removed > .row, .mark-refused > .row { background: var(--red-back); }
.mark-removed > .row .value { text-decoration: line-through; }
.node.target > .row { outline: 3px solid var(--link); }
.show-more, .show-all { font: 13px system-ui, sans-serif; margin: 0.2rem 0; padding: 0.1rem 0.6rem; color: var(--link); background: #fff; border: 1px solid var(--link); border-radius: 3px; cursor: pointer; }
.absent { color: var(--muted); font-style: italic; }
footer { max-width: 110rem; margin: 2rem auto 1rem; padding: 0 1.25rem; color: var(--muted); font-size: 13px; }
`;
