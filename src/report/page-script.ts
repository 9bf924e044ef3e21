/**
 * The report's only script, run in the page: it renders each JSON tree from the data embedded in the page, folded
 * subtrees only when a person opens them (200 entries at a time), and opens the way to a node when a link names it.
 * It is written as a function so that it is type-checked, and shipped as its source text (see {@link PAGE_SCRIPT}):
 * everything it uses must be declared inside it.
 */
function reportPage(): void {
  type Mark = 'added' | 'changed' | 'removed' | 'refused';
  type Tree = {
    side: string;
    value: unknown;
    marks: Record<string, Mark>;
    inside: Record<string, Mark[]>;
    open: string[];
  };
  type NodeState = { tree: Tree; segments: (string | number)[]; value: unknown; keys?: string[]; shown: number };

  const CHUNK = 200;
  const LONG = 200;
  const LABELS: Record<Mark, string> = {
    added: '+ added',
    changed: '~ changed',
    removed: '\u2212 removed',
    refused: '\u2715 refused',
  };
  const states = new WeakMap<Element, NodeState>();
  const dataElement = document.getElementById('report-data');
  if (dataElement === null) return;
  const trees = (JSON.parse(dataElement.textContent ?? '{}') as { trees: Tree[] }).trees;

  // The id of a node: t-<side>, then each step percent-encoded after a slash.
  const idOf = (side: string, segments: readonly (string | number)[]) =>
    ['t-' + side, ...segments.map((segment) => encodeURIComponent(String(segment)))].join('/');

  const element = <K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string) => {
    const created = document.createElement(tag);
    if (className !== '') created.className = className;
    if (text !== undefined) created.textContent = text;
    return created;
  };

  const isContainer = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

  const summary = (value: Record<string, unknown>) => {
    const count = Array.isArray(value) ? value.length : Object.keys(value).length;
    const noun = Array.isArray(value) ? (count === 1 ? 'item' : 'items') : count === 1 ? 'key' : 'keys';
    return Array.isArray(value) ? '[' + count + ' ' + noun + ']' : '{' + count + ' ' + noun + '}';
  };

  const render = (tree: Tree, segments: (string | number)[], key: string | number | undefined, value: unknown) => {
    const item = element('li', 'node');
    const id = idOf(tree.side, segments);
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
      states.set(item, { tree, segments, value, shown: 0 });
    } else {
      if (label !== undefined) row.append(label, ': ');
      states.set(item, { tree, segments, value, shown: 0 });
      const text = JSON.stringify(value);
      const shown = element(
        'span',
        'value ' + (value === null ? 'null' : typeof value),
        text.length > LONG ? text.slice(0, LONG) + '\u2026' : text,
      );
      row.append(shown);
      if (text.length > LONG) {
        const all = element('button', 'show-all', 'Show all ' + text.length + ' characters');
        all.type = 'button';
        row.append(' ', all);
      }
    }
    const mark = tree.marks[id];
    if (mark !== undefined) {
      item.classList.add('mark-' + mark);
      row.append(' ', element('span', 'badge ' + mark, LABELS[mark]));
    }
    const inside = tree.inside[id];
    if (inside !== undefined)
      row.append(' ', element('span', 'inside', 'changes inside: ' + inside.map((kind) => LABELS[kind]).join(', ')));
    item.append(row);
    return item;
  };

  const valueOf = (item: Element) => states.get(item)?.value;

  // Renders the next CHUNK children of an opened node, with a button for the rest.
  const showMore = (item: Element, upTo = 0) => {
    const state = states.get(item);
    const list = item.querySelector(':scope > ul');
    if (state === undefined || list === null) return;
    const value = state.value as Record<string, unknown>;
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
        'Show ' + Math.min(CHUNK, total - end) + ' more (' + (total - end) + ' not shown)',
      );
      button.type = 'button';
      more.append(button);
      list.append(more);
    }
  };

  const setOpen = (item: Element, open: boolean) => {
    const button = item.querySelector(':scope > .row > .toggle');
    if (button === null) return;
    let list = item.querySelector(':scope > ul');
    if (open && list === null) {
      list = element('ul', 'children');
      list.id = item.id + '/-';
      button.setAttribute('aria-controls', list.id);
      item.append(list);
      showMore(item);
    }
    if (list !== null) (list as HTMLElement).hidden = !open;
    button.setAttribute('aria-expanded', String(open));
  };

  // Opens every node on the way to an id, rendering what it needs; the node, or null for an id of no node.
  const openPath = (id: string) => {
    const [root, ...steps] = id.split('/');
    const tree = trees.find((candidate) => 't-' + candidate.side === root);
    let item = document.getElementById(root ?? '');
    if (tree === undefined || item === null) return null;
    let value: unknown = tree.value;
    const segments: (string | number)[] = [];
    for (const step of steps) {
      if (!isContainer(value)) return null;
      const name = decodeURIComponent(step);
      const index = Array.isArray(value) ? Number(name) : Object.keys(value).indexOf(name);
      if (index < 0 || !(Array.isArray(value) ? Number.isInteger(index) && index < value.length : true)) return null;
      setOpen(item, true);
      const state = states.get(item);
      if (state !== undefined && state.shown <= index) showMore(item, index);
      const key: string | number = Array.isArray(value) ? index : name;
      segments.push(key);
      value = value[key];
      item = document.getElementById(idOf(tree.side, segments));
      if (item === null) return null;
    }
    return item;
  };

  // Opens the way to a node, marks it as the target and moves focus there.
  const reveal = (id: string) => {
    const item = openPath(id);
    if (item === null) return;
    const row = item.querySelector(':scope > .row') as HTMLElement | null;
    document.querySelectorAll('.node.target').forEach((node) => node.classList.remove('target'));
    item.classList.add('target');
    row?.scrollIntoView({ block: 'center' });
    row?.focus({ preventScroll: true });
  };

  for (const tree of trees) {
    const host = document.getElementById('tree-' + tree.side);
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
      if (item && shown) shown.textContent = JSON.stringify(valueOf(item));
      all.remove();
    } else if (toggle) {
      const item = toggle.closest('li.node');
      if (item !== null) setOpen(item, toggle.getAttribute('aria-expanded') !== 'true');
    } else if (more) {
      const item = more.closest('ul')?.closest('li.node');
      if (item) {
        const focusAt = states.get(item)?.shown ?? 0;
        showMore(item);
        (item.querySelector(':scope > ul')?.children[focusAt]?.querySelector('.row') as HTMLElement | null)?.focus();
      }
    } else if (link) {
      reveal((link.getAttribute('href') ?? '').slice(1));
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
}

/** The source of the report's inline script, which a `script-src 'sha256-…'` policy allows by its hash. */
export const PAGE_SCRIPT = `(${reportPage.toString()})();`;
