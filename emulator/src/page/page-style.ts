/** The page's stylesheet: the HTML report's (same badges, banners and colours), and the app's forms and lists. */
import { REPORT_STYLE } from 'auth0-user-patch/report';

/** Served as `/_emulator/page.css`. */
export const PAGE_STYLESHEET = `${REPORT_STYLE}
header { display: flex; flex-wrap: wrap; align-items: baseline; gap: 0 1.5rem; padding-bottom: 0.6rem; }
header .sources { flex: 1 1 30rem; }
main { padding-bottom: 1rem; }
main:focus { outline: none; }
h2:focus { outline: 2px solid var(--link); outline-offset: 2px; }
label { display: block; font-weight: 600; margin: 0.6rem 0 0.2rem; }
.hint { color: var(--muted); font-size: 13px; margin: 0.1rem 0 0.4rem; }
input, textarea { font: 14px/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; color: var(--text); background: #fff; border: 1px solid #6e7781; border-radius: 4px; padding: 0.35rem 0.5rem; width: 100%; max-width: 40rem; }
textarea { max-width: none; min-height: 14rem; resize: vertical; tab-size: 2; }
input:focus-visible, textarea:focus-visible { outline: 2px solid var(--link); outline-offset: 1px; }
button { font: 600 14px system-ui, sans-serif; color: #fff; background: var(--link); border: 1px solid var(--link); border-radius: 4px; padding: 0.35rem 0.9rem; margin: 0.5rem 0.5rem 0.5rem 0; cursor: pointer; }
button.secondary { color: var(--link); background: #fff; }
button:focus-visible { outline: 2px solid var(--text); outline-offset: 2px; }
.sign-in { display: grid; grid-template-columns: 1fr; gap: 1rem; }
@media (min-width: 60rem) { .sign-in { grid-template-columns: 1fr 1fr; } }
.search { display: flex; flex-wrap: wrap; align-items: flex-end; gap: 0 0.5rem; }
.search > div { flex: 0 1 40rem; }
.user-list { list-style: none; margin: 0.5rem 0; padding: 0; border-top: 1px solid var(--line); }
.user-list li { padding: 0.45rem 0.3rem; border-bottom: 1px solid var(--line); overflow-wrap: anywhere; }
.user-list .id { color: var(--muted); margin-left: 0.3rem; }
.user-list .name { color: var(--muted); margin-left: 0.3rem; }
.back { margin: 1rem 0 0; }
.outcome { margin: 0.5rem 0; padding: 0.5rem 0.8rem; border: 1px solid var(--line); border-left: 6px solid var(--green); border-radius: 4px; background: #f3faf4; }
.stored { margin-top: 1rem; }
.stored pre { max-height: 32rem; overflow: auto; }
`;
