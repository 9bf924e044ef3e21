/**
 * `GET /authorize` (the authorization code flow, with PKCE) and the sign-in page it sends the browser to, in the
 * shape of Universal Login: `GET /u/login?state=…` shows the form, `POST /u/login` checks the password, opens a
 * session (the `auth0` cookie) and redirects to the app's callback with `code` and `state`.
 */
import type { Application } from '../auth/clients.js';
import { BodyFault, type EmulatorRequest, type EmulatorResponse } from '../http/exchange.js';
import { randomId } from '../random-id.js';
import { findApi } from './apis.js';
import { eventRequest, findDatabaseUser, signInUser, type SignInContext } from './login.js';
import { redirect, withParameters } from './oauth-answers.js';
import { errorPage, signInPage } from './pages.js';
import type { Challenge, PendingAuthorization, Session } from './sign-in-state.js';

/** Parameters of Auth0's that change the flow in ways the emulator does not emulate: refused with a 501 page. */
const NOT_EMULATED = ['organization', 'invitation', 'max_age', 'request', 'request_uri', 'acr_values'];
/** The response types Auth0 supports besides `code` (implicit and hybrid flows), not emulated. */
const OTHER_RESPONSE_TYPES = [
  'token',
  'id_token',
  'code token',
  'code id_token',
  'token id_token',
  'code token id_token',
];
const CODE_LIFETIME = 60;
const PENDING_LIFETIME = 3600;
export const SESSION_COOKIE = 'auth0';

/** The first value of each parameter of a query string. */
export function firstValues(query: string): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, value] of new URLSearchParams(query)) {
    if (!Object.hasOwn(values, name)) Object.defineProperty(values, name, { value, enumerable: true });
  }
  return values;
}

/** Answers `GET /authorize`. */
export async function answerAuthorize(request: EmulatorRequest, context: SignInContext): Promise<EmulatorResponse> {
  const query = firstValues(request.query);
  const clientId = query['client_id'];
  if (clientId === undefined) return errorPage(400, 'invalid_request', 'Missing required parameter: client_id');
  const client = context.applications.get(clientId);
  if (client === undefined) return errorPage(400, 'invalid_request', `Unknown client: ${clientId}`);
  const redirectUri = query['redirect_uri'];
  if (redirectUri === undefined) return errorPage(400, 'invalid_request', 'Missing required parameter: redirect_uri');
  if (!client.callbacks.includes(redirectUri) || !URL.canParse(redirectUri)) {
    return errorPage(
      400,
      'unauthorized_client',
      `Callback URL mismatch. ${redirectUri} is not in the list of allowed callback URLs`,
    );
  }
  const state = query['state'];
  const back = (error: string, description: string) =>
    redirect(withParameters(redirectUri, { error, error_description: description, state }));
  const unsupported = NOT_EMULATED.find((name) => Object.hasOwn(query, name));
  if (unsupported !== undefined)
    return errorPage(501, 'not_emulated', `The emulator does not emulate the ${unsupported} parameter of /authorize`);
  const responseMode = query['response_mode'] ?? 'query';
  if (responseMode !== 'query')
    return errorPage(501, 'not_emulated', `The emulator does not emulate response_mode ${responseMode}`);
  const responseType = query['response_type'];
  if (responseType === undefined) return back('invalid_request', 'Missing required parameter: response_type');
  if (OTHER_RESPONSE_TYPES.includes(responseType))
    return errorPage(501, 'not_emulated', `The emulator does not emulate response_type ${responseType}`);
  if (responseType !== 'code') return back('unsupported_response_type', `Unsupported response type: ${responseType}`);
  if (!client.grantTypes.includes('authorization_code'))
    return back('unauthorized_client', "Grant type 'authorization_code' not allowed for the client.");
  const audience = query['audience'];
  if (
    audience !== undefined &&
    findApi(audience, context.domain(request), request.scheme, context.tenant) === undefined
  )
    return back('access_denied', `Service not found: ${audience}`);
  const challenge = readChallenge(query);
  if (typeof challenge === 'string') return back('invalid_request', challenge);
  const connection = pickConnection(context, client, query['connection']);
  if (connection.refusal !== undefined) return back('invalid_request', connection.refusal);
  const now = Math.floor(context.tenant.now().getTime() / 1000);
  const pending: PendingAuthorization = {
    clientId,
    redirectUri,
    state,
    nonce: query['nonce'],
    scope: query['scope'] ?? '',
    audience,
    connection: connection.name,
    challenge,
    query,
    expiresAt: now + PENDING_LIFETIME,
  };
  const prompts = (query['prompt'] ?? '').split(' ');
  const session = prompts.includes('login') ? undefined : currentSession(request, context);
  if (session !== undefined) return complete(request, context, pending, session);
  if (prompts.includes('none')) return back('login_required', 'Login required');
  const transaction = randomId('', 32);
  context.state.pending.set(transaction, pending);
  context.state.sweep(now);
  const hint = query['login_hint'];
  return redirect(
    `/u/login?${new URLSearchParams({ state: transaction, ...(hint === undefined ? {} : { login_hint: hint }) }).toString()}`,
  );
}

/** Answers `GET /u/login?state=…`: the sign-in form. */
export async function answerSignInPage(request: EmulatorRequest, context: SignInContext): Promise<EmulatorResponse> {
  const query = firstValues(request.query);
  const pending = pendingOf(context, query['state']);
  if (pending === undefined) return errorPage(400, 'invalid_request', 'Invalid state');
  return signInPage(pageOf(context, request, query['state'] as string, pending, query['login_hint'], false));
}

/** Answers `POST /u/login`: the form's username and password. */
export async function answerSignInForm(request: EmulatorRequest, context: SignInContext): Promise<EmulatorResponse> {
  let text: string;
  try {
    text = await request.readBody();
  } catch (fault) {
    if (fault instanceof BodyFault)
      return errorPage(fault.kind === 'too-large' ? 413 : 400, 'invalid_request', 'Invalid request body');
    throw fault;
  }
  const form = firstValues(text);
  const transaction = form['state'] ?? firstValues(request.query)['state'];
  const pending = pendingOf(context, transaction);
  if (pending === undefined || transaction === undefined) return errorPage(400, 'invalid_request', 'Invalid state');
  const username = form['username'] ?? '';
  const found = findDatabaseUser(context.tenant, pending.connection, username);
  const matches =
    found !== undefined && (await context.passwords.matches(found.user_id as string, form['password'] ?? ''));
  const user = found === undefined ? undefined : context.tenant.users.get(found.user_id as string);
  if (!matches || user === undefined) return signInPage(pageOf(context, request, transaction, pending, username, true));
  context.state.pending.delete(transaction);
  if (user.blocked === true)
    return redirect(
      withParameters(pending.redirectUri, {
        error: 'unauthorized',
        error_description: 'user is blocked',
        state: pending.state,
      }),
    );
  const session: Session = {
    id: randomId('', 32),
    userId: user.user_id as string,
    authTime: Math.floor(context.tenant.now().getTime() / 1000),
  };
  context.state.sessions.set(session.id, session);
  const secure = request.scheme === 'https' ? '; Secure; SameSite=None' : '; SameSite=Lax';
  const answer = await complete(request, context, pending, session);
  return {
    ...answer,
    headers: { ...answer.headers, 'set-cookie': `${SESSION_COOKIE}=${session.id}; Path=/; HttpOnly${secure}` },
  };
}

/** Signs the session's user in to the app: the hook, then a code on the redirect (or the error it ends with). */
async function complete(
  request: EmulatorRequest,
  context: SignInContext,
  pending: PendingAuthorization,
  session: Session,
): Promise<EmulatorResponse> {
  const back = (parameters: Record<string, string | undefined>) =>
    redirect(withParameters(pending.redirectUri, { ...parameters, state: pending.state }));
  const user = context.tenant.users.get(session.userId);
  const client = context.applications.get(pending.clientId);
  if (user === undefined || client === undefined)
    return back({ error: 'login_required', error_description: 'Login required' });
  // "The user will be redirected from the application with the error message user is blocked" (Block and Unblock Users).
  if (user.blocked === true) return back({ error: 'unauthorized', error_description: 'user is blocked' });
  const login = await signInUser(context, {
    user,
    client,
    connection: user.identities?.[0]?.connection ?? pending.connection,
    api:
      pending.audience === undefined
        ? undefined
        : findApi(pending.audience, context.domain(request), request.scheme, context.tenant),
    scope: pending.scope,
    nonce: pending.nonce,
    sessionId: session.id,
    issuer: context.issuer(request),
    protocol: 'oidc-basic-profile',
    countsAsLogin: true,
    request: eventRequest(context, request, pending.query, {}),
    transaction: {
      redirect_uri: pending.redirectUri,
      response_type: ['code'],
      ...(pending.state === undefined ? {} : { state: pending.state }),
    },
  });
  if ('denied' in login) return back({ error: 'access_denied', error_description: login.denied });
  const code = randomId('', 45);
  const now = Math.floor(context.tenant.now().getTime() / 1000);
  context.state.codes.set(code, {
    login,
    redirectUri: pending.redirectUri,
    challenge: pending.challenge,
    expiresAt: now + CODE_LIFETIME,
  });
  context.state.sweep(now);
  return back({ code });
}

/** The session of the request's `auth0` cookie, when it is live and its user still exists. */
export function currentSession(request: EmulatorRequest, context: SignInContext): Session | undefined {
  const cookies = request.header('cookie') ?? '';
  const id = new RegExp(`(?:^|;\\s*)${SESSION_COOKIE}=([^;]*)`).exec(cookies)?.[1];
  const session = id === undefined ? undefined : context.state.sessions.get(id);
  return session !== undefined && context.tenant.users.get(session.userId) !== undefined ? session : undefined;
}

/** The PKCE challenge of a request (RFC 7636: the method defaults to `plain`), or why it is refused. */
function readChallenge(query: Record<string, string>): Challenge | undefined | string {
  const value = query['code_challenge'];
  const method = query['code_challenge_method'];
  if (value === undefined) return method === undefined ? undefined : 'Missing required parameter: code_challenge';
  if (method !== undefined && method !== 'S256' && method !== 'plain')
    return `Invalid code_challenge_method: ${method}`;
  return { value, method: method ?? 'plain' };
}

/** The database connection the sign-in page uses: the one named, or the first enabled for the client. */
function pickConnection(
  context: SignInContext,
  client: Application,
  named: string | undefined,
): { name: string; refusal?: undefined } | { name: string; refusal: string } {
  const enabled = [...context.tenant.connections.values()].filter(
    (connection) => client.connections === undefined || client.connections.includes(connection.name),
  );
  if (named !== undefined) {
    const connection = enabled.find((candidate) => candidate.name === named);
    if (connection === undefined || connection.strategy !== 'auth0')
      return { name: named, refusal: 'the connection was not found' };
    return { name: named };
  }
  const database = enabled.find((connection) => connection.strategy === 'auth0');
  return database === undefined ? { name: '', refusal: 'the connection was not found' } : { name: database.name };
}

function pendingOf(context: SignInContext, transaction: string | undefined): PendingAuthorization | undefined {
  const pending = transaction === undefined ? undefined : context.state.pending.get(transaction);
  const now = Math.floor(context.tenant.now().getTime() / 1000);
  return pending !== undefined && pending.expiresAt > now ? pending : undefined;
}

function pageOf(
  context: SignInContext,
  request: EmulatorRequest,
  transaction: string,
  pending: PendingAuthorization,
  username: string | undefined,
  failed: boolean,
) {
  return {
    action: `/u/login?${new URLSearchParams({ state: transaction }).toString()}`,
    state: transaction,
    tenant: context.domain(request),
    application: context.applications.get(pending.clientId)?.name ?? pending.clientId,
    callbackOrigin: new URL(pending.redirectUri).origin,
    failed,
    ...(username === undefined ? {} : { username }),
  };
}
