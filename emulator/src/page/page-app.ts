/**
 * The emulator's page, run in the browser (bundled by scripts/bundle-for-browser.ts, served as
 * `/_emulator/page.js`): sign in, list and search the users through `GET /api/v2/users`, open one, preview a patch
 * as it is typed with the library (bundled into this script), and apply it with `PATCH /api/v2/users/{id}`. Plain
 * DOM: every text goes in as text.
 */
import { previewPatch, type Auth0User, type PatchPreview } from 'auth0-user-patch';
import { CHANGE_LABELS } from 'auth0-user-patch/report';

type Answer = { readonly status: number; readonly statusText: string; readonly body: unknown };
type Child = Node | string;

const TOKEN_KEY = 'auth0-user-patch:emulator-page:token';
/** What the page does: search, read and update users; list the applications and APIs. */
const PAGE_SCOPES = 'read:users update:users read:clients read:resource_servers';
const PAGE_SIZE = 50;
const main = document.getElementById('main') as HTMLElement;
const session = document.getElementById('session') as HTMLElement;
let renders = 0;

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const created = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) created.setAttribute(name, value);
  created.append(...children);
  return created;
}

const code = (text: string) => element('code', {}, text);
const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;
const shortJson = (value: unknown) => {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
};
const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The token lives in this tab's sessionStorage only. The address `serve` prints holds a one-time code (`#code=`),
 * erased from the address at once and traded for the token: the browser keeps the address, with a code spent.
 */
async function takeCodeFromFragment(): Promise<Answer | undefined> {
  const match = /^#code=([^&]+)/.exec(location.hash);
  if (match === null) return undefined;
  history.replaceState(null, '', `${location.pathname}${location.search}#/users`);
  const code = decodeURIComponent(match[1] as string);
  const answer = await call('POST', '/_emulator/page-token', JSON.stringify({ code }), false);
  if (answer.status === 200 && isObject(answer.body) && typeof answer.body['access_token'] === 'string') {
    sessionStorage.setItem(TOKEN_KEY, answer.body['access_token']);
    return undefined;
  }
  return answer;
}

const token = () => sessionStorage.getItem(TOKEN_KEY);

async function call(method: string, path: string, body?: string, authorized = true): Promise<Answer> {
  const headers: Record<string, string> = {};
  if (authorized) headers['authorization'] = `Bearer ${token() ?? ''}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  try {
    const response = await fetch(path, { method, headers, cache: 'no-store', ...(body === undefined ? {} : { body }) });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text === '' ? undefined : (JSON.parse(text) as unknown);
    } catch {
      // Not JSON: shown as text.
    }
    return { status: response.status, statusText: response.statusText, body: parsed };
  } catch (error) {
    return { status: 0, statusText: 'no answer', body: `The emulator did not answer: ${(error as Error).message}` };
  }
}

/** A box with the emulator's answer: the status, Auth0's message, and the body as sent. */
function answerBox(title: string, answer: Answer): HTMLElement {
  const message =
    isObject(answer.body) && typeof answer.body['message'] === 'string' ? answer.body['message'] : undefined;
  return element(
    'section',
    { class: 'refusal', 'aria-label': title },
    element(
      'h3',
      {},
      element('span', { class: 'badge refused' }, CHANGE_LABELS.refused),
      ` ${title}: ${answer.status} ${answer.statusText}`,
    ),
    ...(message === undefined ? [] : [element('p', {}, message)]),
    element('h4', {}, 'Response body'),
    element(
      'pre',
      { tabindex: '0', 'aria-label': 'The response body' },
      code(typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body, null, 2)),
    ),
  );
}

/** Replaces the view; a heading to focus when a person navigated here. */
function show(title: string, ...children: Child[]): HTMLElement {
  const heading = element('h2', { tabindex: '-1', id: 'view-heading' }, title);
  main.replaceChildren(heading, ...children);
  document.title = `${title} \u2013 Auth0 emulator`;
  return heading;
}

function signIn(refusal?: Answer, title = 'The API refuses the token'): HTMLElement {
  sessionStorage.removeItem(TOKEN_KEY);
  session.hidden = true;
  const failure = element('div', { id: 'sign-in-result', role: 'alert' });
  if (refusal !== undefined) failure.append(answerBox(title, refusal));
  const clientForm = element(
    'form',
    { 'aria-labelledby': 'client-heading', novalidate: '' },
    element('h3', { id: 'client-heading' }, "With a client's credentials"),
    element(
      'p',
      { class: 'hint' },
      'As serve prints them, or as given to createEmulator. The page asks POST /oauth/token for a token, like any client.',
    ),
    element('label', { for: 'client-id' }, 'Client ID'),
    element('input', { id: 'client-id', name: 'client-id', autocomplete: 'off', spellcheck: 'false', required: '' }),
    element('label', { for: 'client-secret' }, 'Client secret'),
    element('input', {
      id: 'client-secret',
      name: 'client-secret',
      type: 'password',
      autocomplete: 'off',
      required: '',
    }),
    element('label', { for: 'domain' }, 'Domain'),
    element(
      'p',
      { class: 'hint', id: 'domain-hint' },
      "The tenant's domain, as serve prints it (the token's audience is https://{domain}/api/v2/).",
    ),
    element('input', {
      id: 'domain',
      name: 'domain',
      value: location.host,
      'aria-describedby': 'domain-hint',
      spellcheck: 'false',
    }),
    element('button', { type: 'submit' }, 'Get a token'),
  );
  const tokenForm = element(
    'form',
    { 'aria-labelledby': 'token-heading', novalidate: '' },
    element('h3', { id: 'token-heading' }, 'With an access token'),
    element(
      'p',
      { class: 'hint' },
      "A token from this emulator's /oauth/token, or the fixed token it accepts (serve --token).",
    ),
    element('label', { for: 'access-token' }, 'Access token'),
    element('input', { id: 'access-token', name: 'access-token', type: 'password', autocomplete: 'off', required: '' }),
    element('button', { type: 'submit' }, 'Use this token'),
  );
  clientForm.addEventListener('submit', (event) => {
    event.preventDefault();
    const value = (id: string) => (document.getElementById(id) as HTMLInputElement).value.trim();
    const request = {
      grant_type: 'client_credentials',
      client_id: value('client-id'),
      client_secret: value('client-secret'),
      audience: `https://${value('domain')}/api/v2/`,
      scope: PAGE_SCOPES,
    };
    void call('POST', '/oauth/token', JSON.stringify(request), false).then((answer) => {
      if (answer.status === 200 && isObject(answer.body) && typeof answer.body['access_token'] === 'string')
        useToken(answer.body['access_token']);
      else failure.replaceChildren(answerBox('No token', answer));
    });
  });
  tokenForm.addEventListener('submit', (event) => {
    event.preventDefault();
    const given = (document.getElementById('access-token') as HTMLInputElement).value.trim();
    if (given !== '') useToken(given);
  });
  return show(
    'Sign in',
    element(
      'p',
      {},
      "The page calls the emulator's Management API like any client, with a bearer token that this tab keeps until it closes. Every route of the API still asks for the token and its scopes.",
    ),
    failure,
    element('div', { class: 'sign-in' }, clientForm, tokenForm),
  );
}

function useToken(value: string): void {
  sessionStorage.setItem(TOKEN_KEY, value);
  if (location.hash.startsWith('#/users')) void route(true);
  else location.hash = '#/users';
}

async function usersView(query: string): Promise<HTMLElement | undefined> {
  const ticket = renders;
  const input = element('input', {
    id: 'search',
    name: 'q',
    type: 'search',
    value: query,
    spellcheck: 'false',
    'aria-describedby': 'search-hint',
  });
  const form = element(
    'form',
    { role: 'search', class: 'search', novalidate: '' },
    element(
      'div',
      {},
      element('label', { for: 'search' }, 'Search the users'),
      element(
        'p',
        { class: 'hint', id: 'search-hint' },
        "Auth0's user search (v3), e.g. email:jane* or user_metadata.hobby:surfing; empty lists them all.",
      ),
      input,
    ),
    element('button', { type: 'submit' }, 'Search'),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const next =
      input.value.trim() === '' ? '#/users' : `#/users?${new URLSearchParams({ q: input.value.trim() }).toString()}`;
    if (location.hash === next) void route(false);
    else location.hash = next;
  });
  const results = element('div', { id: 'results' }, element('p', {}, 'Searching\u2026'));
  const heading = show('Users', form, results);
  const parameters = new URLSearchParams({ search_engine: 'v3', per_page: String(PAGE_SIZE), include_totals: 'true' });
  if (query.trim() !== '') parameters.set('q', query.trim());
  const answer = await call('GET', `/api/v2/users?${parameters.toString()}`);
  if (ticket !== renders) return undefined;
  if (answer.status === 401) return signIn(answer);
  if (answer.status !== 200 || !isObject(answer.body) || !Array.isArray(answer.body['users'])) {
    results.replaceChildren(answerBox('The emulator refuses the search', answer));
    return heading;
  }
  const users = answer.body['users'] as Auth0User[];
  const total = typeof answer.body['total'] === 'number' ? answer.body['total'] : users.length;
  const count =
    total > users.length ? `${plural(total, 'user')}; the first ${users.length} are listed` : plural(total, 'user');
  const back = query.trim() === '' ? '' : `?${new URLSearchParams({ q: query.trim() }).toString()}`;
  const items = users.map((user) => {
    const id = String(user.user_id);
    const label = typeof user.email === 'string' ? user.email : typeof user.name === 'string' ? user.name : id;
    const link = element('a', { href: `#/users/${encodeURIComponent(id)}${back}` }, label);
    const name =
      typeof user.name === 'string' && user.name !== label ? [' ', element('span', { class: 'name' }, user.name)] : [];
    return element('li', {}, link, ' ', element('code', { class: 'id' }, id), ...name);
  });
  results.replaceChildren(
    element(
      'p',
      { id: 'result-count', role: 'status' },
      query.trim() === '' ? `${count} in the tenant.` : `${count} match ${query.trim()}.`,
    ),
    element('ul', { class: 'user-list', 'aria-label': 'Users' }, ...items),
  );
  return heading;
}

async function userView(id: string, back: string): Promise<HTMLElement | undefined> {
  const ticket = renders;
  const backLink = element(
    'p',
    { class: 'back' },
    element('a', { href: `#/users${back}` }, '\u2190 Back to the users'),
  );
  main.replaceChildren(backLink, element('p', {}, 'Loading\u2026'));
  const path = `/api/v2/users/${encodeURIComponent(id)}`;
  const answer = await call('GET', path);
  if (ticket !== renders) return undefined;
  if (answer.status === 401) return signIn(answer);
  if (answer.status !== 200 || !isObject(answer.body)) {
    const heading = show(`User ${id}`, answerBox('The emulator refuses to read this user', answer));
    heading.before(backLink);
    return heading;
  }
  let user = answer.body as Auth0User;

  const textarea = element('textarea', {
    id: 'patch',
    spellcheck: 'false',
    autocomplete: 'off',
    'aria-describedby': 'patch-hint',
  });
  const verdict = element('p', { class: 'verdict', id: 'verdict', role: 'status' });
  const details = element('div', { id: 'preview-details' });
  const outcome = element('div', { id: 'apply-result', role: 'status' });
  const stored = element('pre', { tabindex: '0', id: 'stored-user', 'aria-label': 'The stored user, as JSON' });
  const apply = element('button', { type: 'button', id: 'apply' }, 'Apply the patch');

  const renderPreview = () => {
    const text = textarea.value;
    if (text.trim() === '') {
      verdict.textContent = 'Type a PATCH body (a JSON object) to see what Auth0 would store.';
      details.replaceChildren();
      return;
    }
    let patch: unknown;
    try {
      patch = JSON.parse(text) as unknown;
    } catch (error) {
      verdict.textContent = `Not JSON yet: ${(error as Error).message}. Auth0 would answer 400 invalid_body.`;
      details.replaceChildren();
      return;
    }
    const preview = previewPatch(user, patch);
    if (preview.error !== undefined) {
      const { error } = preview;
      verdict.textContent = `Auth0 refuses this patch: ${error.statusCode} ${error.error} (${error.errorCode}).`;
      details.replaceChildren(
        element(
          'section',
          { class: 'refusal', 'aria-labelledby': 'refusal-heading' },
          element(
            'h4',
            { id: 'refusal-heading' },
            element('span', { class: 'badge refused' }, CHANGE_LABELS.refused),
            ` ${error.statusCode} ${error.error}`,
          ),
          element('p', {}, error.message),
          ...(error.path === undefined
            ? []
            : [element('p', {}, 'The path Auth0 names: ', code(error.path === '' ? 'the whole patch' : error.path))]),
          element('p', {}, "Auth0's response body (it stores nothing):"),
          element(
            'pre',
            { tabindex: '0', id: 'refusal-body', 'aria-label': "Auth0's response body" },
            code(JSON.stringify(error, null, 2)),
          ),
        ),
      );
      return;
    }
    verdict.textContent = `Auth0 accepts this patch: ${plural(preview.changes.length, 'change')}, ${plural(preview.warnings.length, 'warning')}.`;
    details.replaceChildren(warningList(preview), changeList(preview));
  };

  const showStored = () => {
    stored.replaceChildren(code(JSON.stringify(user, null, 2)));
  };

  textarea.addEventListener('input', renderPreview);
  apply.addEventListener('click', () => {
    apply.disabled = true;
    outcome.replaceChildren(element('p', {}, 'Sending\u2026'));
    void call('PATCH', path, textarea.value).then((result) => {
      apply.disabled = false;
      if (ticket !== renders) return;
      if (result.status === 401) return void signIn(result);
      if (result.status === 200 && isObject(result.body)) {
        user = result.body as Auth0User;
        outcome.replaceChildren(
          element(
            'p',
            { class: 'outcome' },
            `Applied: the emulator answered ${result.status} ${result.statusText} and stores the user below.`,
          ),
        );
        showStored();
        renderPreview();
      } else {
        outcome.replaceChildren(answerBox('The emulator refuses the patch', result));
      }
    });
  });

  const title = typeof user.email === 'string' ? `User ${user.email}` : `User ${id}`;
  const heading = show(
    title,
    element('p', {}, 'User id ', code(id)),
    element(
      'div',
      { class: 'columns' },
      element(
        'section',
        { class: 'panel', 'aria-labelledby': 'patch-heading' },
        element('h3', { id: 'patch-heading' }, 'Patch'),
        element('label', { for: 'patch' }, 'Body of PATCH /api/v2/users/{id}, as JSON'),
        element(
          'p',
          { class: 'hint', id: 'patch-hint' },
          'The preview updates as you type: this page runs the library\u2019s previewPatch, the same rules the emulator applies.',
        ),
        textarea,
        apply,
        outcome,
      ),
      element(
        'section',
        { class: 'panel', 'aria-labelledby': 'preview-heading' },
        element('h3', { id: 'preview-heading' }, 'Preview'),
        element(
          'p',
          { class: 'legend' },
          'Marks: ',
          ...(['added', 'changed', 'removed'] as const).flatMap((kind) => [
            element('span', { class: `badge ${kind}` }, CHANGE_LABELS[kind]),
            ' ',
          ]),
        ),
        verdict,
        details,
      ),
    ),
    element(
      'section',
      { class: 'stored', 'aria-labelledby': 'stored-heading' },
      element('h3', { id: 'stored-heading' }, 'The stored user'),
      stored,
    ),
  );
  heading.before(backLink);
  showStored();
  renderPreview();
  return heading;
}

function warningList({ warnings }: PatchPreview): HTMLElement {
  if (warnings.length === 0)
    return element(
      'section',
      { 'aria-labelledby': 'warnings-heading' },
      element('h4', { id: 'warnings-heading' }, 'Warnings'),
      element('p', {}, 'None: nothing is silently lost.'),
    );
  return element(
    'section',
    { 'aria-labelledby': 'warnings-heading' },
    element('h4', { id: 'warnings-heading' }, `Warnings (${warnings.length})`),
    element(
      'ol',
      { class: 'warnings' },
      ...warnings.map((warning) =>
        element(
          'li',
          { class: 'banner' },
          element(
            'p',
            {},
            element('span', { class: 'badge warning' }, CHANGE_LABELS.warning),
            ' ',
            element('span', { class: 'code' }, warning.code),
            ' at ',
            code(warning.pathSegments.length === 0 ? 'the whole user' : warning.path),
          ),
          element('p', {}, warning.message),
        ),
      ),
    ),
  );
}

function changeList({ changes }: PatchPreview): HTMLElement {
  if (changes.length === 0)
    return element(
      'section',
      { 'aria-labelledby': 'changes-heading' },
      element('h4', { id: 'changes-heading' }, 'Changes'),
      element('p', {}, 'None.'),
    );
  return element(
    'section',
    { 'aria-labelledby': 'changes-heading' },
    element('h4', { id: 'changes-heading' }, `Changes (${changes.length})`),
    element(
      'ul',
      { class: 'changes' },
      ...changes.map((change) => {
        const values =
          change.kind === 'added'
            ? [code(shortJson(change.after))]
            : change.kind === 'removed'
              ? [code(shortJson(change.before))]
              : [code(shortJson(change.before)), ' \u2192 ', code(shortJson(change.after))];
        return element(
          'li',
          { class: change.kind },
          element('span', { class: `badge ${change.kind}` }, CHANGE_LABELS[change.kind]),
          ' ',
          code(change.path),
          ': ',
          ...values,
        );
      }),
    ),
  );
}

/** The tenant's applications (`GET /api/v2/clients`) and APIs (`GET /api/v2/resource-servers`), and where apps sign in. */
async function tenantView(): Promise<HTMLElement | undefined> {
  const ticket = renders;
  const discovery = `${location.origin}/.well-known/openid-configuration`;
  const results = element('div', { id: 'tenant' }, element('p', {}, 'Loading\u2026'));
  const heading = show(
    'Applications and APIs',
    element(
      'p',
      {},
      'Apps sign users in here and verify their tokens with the discovery document at ',
      element('a', { href: discovery, id: 'discovery' }, discovery),
      '.',
    ),
    results,
  );
  const [clients, apis] = await Promise.all([call('GET', '/api/v2/clients'), call('GET', '/api/v2/resource-servers')]);
  if (ticket !== renders) return undefined;
  if (clients.status === 401) return signIn(clients);
  const section = (id: string, title: string, answer: Answer, item: (entry: Record<string, unknown>) => HTMLElement) =>
    element(
      'section',
      { 'aria-labelledby': id },
      element('h3', { id }, title),
      answer.status === 200 && Array.isArray(answer.body)
        ? answer.body.length === 0
          ? element('p', {}, 'None.')
          : element('ul', { class: 'user-list', 'aria-labelledby': id }, ...answer.body.filter(isObject).map(item))
        : answerBox(`The emulator refuses to list the ${title.toLowerCase()}`, answer),
    );
  const list = (value: unknown) => (Array.isArray(value) && value.length > 0 ? value.join(', ') : 'none');
  // The tenant's own APIs: Auth0's system APIs (its Management API, listed first) are left out.
  const ownApis = Array.isArray(apis.body)
    ? { ...apis, body: apis.body.filter((api) => !(isObject(api) && api['is_system'] === true)) }
    : apis;
  results.replaceChildren(
    section('applications-heading', 'Applications', clients, (client) =>
      element(
        'li',
        {},
        String(client['name']),
        ' ',
        element('code', { class: 'id' }, String(client['client_id'])),
        ` ${String(client['app_type'] ?? 'untyped')}; grants: ${list(client['grant_types'])}; callbacks: ${list(client['callbacks'])}`,
      ),
    ),
    section('apis-heading', 'APIs', ownApis, (api) =>
      element(
        'li',
        {},
        element('code', {}, String(api['identifier'])),
        ` scopes: ${list(Array.isArray(api['scopes']) ? api['scopes'].filter(isObject).map((scope) => scope['value']) : [])}; RBAC: ${api['enforce_policies'] === true ? 'on' : 'off'}`,
      ),
    ),
  );
  return heading;
}

/**
 * Shows the view the fragment names (`#/users?q=…`, `#/users/<id>?q=…`); `focus` when a person navigated;
 * `unusableCode`: the refusal of the address's code, for the sign-in view.
 */
async function route(focus: boolean, unusableCode?: Answer): Promise<void> {
  renders += 1;
  let heading: HTMLElement | undefined;
  if (token() === null) heading = signIn(unusableCode, 'The page address cannot sign in');
  else {
    session.hidden = false;
    const [path = '', search = ''] = location.hash.slice(1).split('?', 2) as [string?, string?];
    const query = new URLSearchParams(search).get('q') ?? '';
    const back = query === '' ? '' : `?${new URLSearchParams({ q: query }).toString()}`;
    const user = /^\/users\/(.+)$/.exec(path);
    heading =
      path === '/tenant'
        ? await tenantView()
        : user === null
          ? await usersView(query)
          : await userView(decodeURIComponent(user[1] as string), back);
  }
  if (focus) heading?.focus();
  document.documentElement.dataset['view'] =
    main.querySelector('#patch') !== null
      ? 'user'
      : main.querySelector('#search') !== null
        ? 'users'
        : main.querySelector('#tenant') !== null
          ? 'tenant'
          : 'sign-in';
}

document.getElementById('sign-out')?.addEventListener('click', () => {
  sessionStorage.removeItem(TOKEN_KEY);
  history.replaceState(null, '', location.pathname);
  void route(true);
});
const sessionText = document.getElementById('session-text');
if (sessionText !== null) sessionText.textContent = 'Signed in: this tab holds a token for the API.';
const unusableCode = await takeCodeFromFragment();
window.addEventListener('hashchange', () => void route(true));
await route(false, unusableCode);
document.documentElement.dataset['ready'] = 'true';
