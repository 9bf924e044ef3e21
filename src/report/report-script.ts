/**
 * The HTML report's one script, run in the page: it renders each JSON tree from the data the page embeds, a folded
 * subtree only when a person opens it (200 entries at a time), and opens the way to a node when a link names it.
 * An ordinary browser module: the build bundles it with what it imports and embeds it in the library (see
 * report-script-text.ts), and the report allows it by its hash.
 */
import type { PathSegment } from '../core/path.js';
import { CHANGE_LABELS } from './change-labels.js';
import { DATA_ELEMENT_ID, nodeId, treeHostId, type ReportData, type ReportTree } from './report-tree.js';

type NodeState = { tree: ReportTree; segments: PathSegment[]; value: unknown; keys?: string[]; shown: number };

/** Children rendered at a time. */
const CHUNK = 200;
/** Characters of a value shown until asked for all. */
const LONG = 200;

const states = new WeakMap<Element, NodeState>();
const trees = (JSON.parse(document.getElementById(DATA_ELEMENT_ID)?.textContent ?? '{"trees":[]}') as ReportData).trees;

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string) {
  const created = document.createElement(tag);
  if (className !== '') created.className = className;
  if (text !== undefined) created.textContent = text;
  return created;
}

function isContainer(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function summary(value: Record<string, unknown>): string {
  const count = Array.isArray(value) ? value.length : Object.keys(value).length;
  const noun = Array.isArray(value) ? (count === 1 ? 'item' : 'items') : count === 1 ? 'key' : 'keys';
  return Array.isArray(value) ? `[${count} ${noun}]` : `{${count} ${noun}}`;
}

/** One node, folded: its key, its value or a summary of it, and its mark. */
function render(tree: ReportTree, segments: PathSegment[], key: PathSegment | undefined, value: unknown) {
  const item = element('li', 'node');
  const id = nodeId(tree.side, segments);
  item.id = id;
  const row = element('div', 'row');
  row.tabIndex = -1;
  const label =
    key === undefined ? undefined : element('span', typeof key === 'number' ? 'key index' : 'key', String(key));
  if (isContainer(value)) {
    const button = element('button', 'toggle');
    button.type = 'button';
    button.setAttribute('aria-expanded', 'false');
    button.append(element('span', 'twisty'));
    if (label !== undefined) button.append(label, ': ');
    button.append(element('span', 'summary', summary(value)));
    row.append(button);
  } else {
    if (label !== undefined) row.append(label, ': ');
    const text = JSON.stringify(value);
    const shown = element(
      'span',
      `value ${value === null ? 'null' : typeof value}`,
      text.length > LONG ? `${text.slice(0, LONG)}\u2026` : text,
    );
    row.append(shown);
    if (text.length > LONG) {
      const all = element('button', 'show-all', `Show all ${text.length} characters`);
      all.type = 'button';
      row.append(' ', all);
    }
  }
  states.set(item, { tree, segments, value, shown: 0 });
  const mark = tree.marks[id];
  if (mark !== undefined) {
    item.classList.add(`mark-${mark}`);
    row.append(' ', element('span', `badge ${mark}`, CHANGE_LABELS[mark]));
  }
  const inside = tree.inside[id];
  if (inside !== undefined)
    row.append(
      ' ',
      element('span', 'inside', `changes inside: ${inside.map((kind) => CHANGE_LABELS[kind]).join(', ')}`),
    );
  item.append(row);
  return item;
}

/** Renders the next CHUNK children of an opened node (or up to index `upTo`), with a button for the rest. */
function showMore(item: Element, upTo = 0): void {
  const state = states.get(item);
  const list = item.querySelector(':scope > ul');
  if (state === undefined || list === null || !isContainer(state.value)) return;
  const value = state.value;
  const keys = (state.keys ??= Array.isArray(value) ? [] : Object.keys(value));
  const total = Array.isArray(value) ? value.length : keys.length;
  const end = Math.min(total, Math.max(state.shown + CHUNK, upTo + 1));
  list.querySelector(':scope > li.more')?.remove();
  for (let index = state.shown; index < end; index++) {
    const key = Array.isArray(value) ? index : (keys[index] as string);
    list.append(render(state.tree, [...state.segments, key], key, value[key]));
  }
  state.shown = end;
  if (end < total) {
    const more = element('li', 'more');
    const button = element(
      'button',
      'show-more',
      `Show ${Math.min(CHUNK, total - end)} more (${total - end} not shown)`,
    );
    button.type = 'button';
    more.append(button);
    list.append(more);
  }
}

function setOpen(item: Element, open: boolean): void {
  const button = item.querySelector(':scope > .row > .toggle');
  if (button === null) return;
  let list = item.querySelector<HTMLElement>(':scope > ul');
  if (open && list === null) {
    list = element('ul', 'children');
    list.id = `${item.id}/-`;
    button.setAttribute('aria-controls', list.id);
    item.append(list);
    showMore(item);
  }
  if (list !== null) list.hidden = !open;
  button.setAttribute('aria-expanded', String(open));
}

/** Opens every node on the way to an id, rendering what it needs; the node, or null for an id of no node. */
function openPath(id: string): HTMLElement | null {
  const [root, ...steps] = id.split('/');
  const tree = trees.find((candidate) => nodeId(candidate.side, []) === root);
  let item = document.getElementById(root ?? '');
  if (tree === undefined || item === null) return null;
  let value: unknown = tree.value;
  const segments: PathSegment[] = [];
  for (const step of steps) {
    if (!isContainer(value)) return null;
    const name = decodeURIComponent(step);
    const index = Array.isArray(value) ? Number(name) : Object.keys(value).indexOf(name);
    if (index < 0 || (Array.isArray(value) && !(Number.isInteger(index) && index < value.length))) return null;
    setOpen(item, true);
    const state = states.get(item);
    if (state !== undefined && state.shown <= index) showMore(item, index);
    const key: PathSegment = Array.isArray(value) ? index : name;
    segments.push(key);
    value = value[key];
    item = document.getElementById(nodeId(tree.side, segments));
    if (item === null) return null;
  }
  return item;
}

/** Opens the way to a node, marks it as the target and moves focus there. */
function reveal(id: string): void {
  const item = openPath(id);
  if (item === null) return;
  const row = item.querySelector<HTMLElement>(':scope > .row');
  document.querySelectorAll('.node.target').forEach((node) => node.classList.remove('target'));
  item.classList.add('target');
  row?.scrollIntoView({ block: 'center' });
  row?.focus({ preventScroll: true });
}

for (const tree of trees) {
  const host = document.getElementById(treeHostId(tree.side));
  if (host === null) continue;
  const list = element('ul', 'tree');
  const root = render(tree, [], undefined, tree.value);
  list.append(root);
  host.replaceChildren(list);
  setOpen(root, true);
  for (const id of tree.open) {
    const item = openPath(id);
    if (item !== null) setOpen(item, true);
  }
}

document.addEventListener('click', (event) => {
  const target = event.target instanceof Element ? event.target : null;
  const toggle = target?.closest('button.toggle');
  const more = target?.closest('button.show-more');
  const link = target?.closest('a[href^="#t-"]');
  const all = target?.closest('button.show-all');
  if (all) {
    const item = all.closest('li.node');
    const shown = item?.querySelector(':scope > .row > .value');
    if (item && shown) shown.textContent = JSON.stringify(states.get(item)?.value);
    all.remove();
  } else if (toggle) {
    const item = toggle.closest('li.node');
    if (item !== null) setOpen(item, toggle.getAttribute('aria-expanded') !== 'true');
  } else if (more) {
    const item = more.closest('ul')?.closest('li.node');
    if (item) {
      const focusAt = states.get(item)?.shown ?? 0;
      showMore(item);
      item.querySelector(':scope > ul')?.children[focusAt]?.querySelector<HTMLElement>('.row')?.focus();
    }
  } else if (link && !(event.ctrlKey || event.metaKey || event.shiftKey || event.altKey)) {
    // The page moves to the node itself: the browser's own jump to a fragment would take the focus away again.
    const href = link.getAttribute('href') ?? '';
    event.preventDefault();
    history.pushState(null, '', href);
    reveal(href.slice(1));
  }
});

const fromHash = () => {
  if (location.hash.startsWith('#t-')) reveal(location.hash.slice(1));
};
window.addEventListener('hashchange', fromHash);
// Focus moves only once the page has loaded: a link to a node (report.html#t-before/...) opens it then.
const ready = () => {
  fromHash();
  document.documentElement.dataset['ready'] = 'true';
};
if (document.readyState === 'complete') ready();
else window.addEventListener('load', ready, { once: true });
