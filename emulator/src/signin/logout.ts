/** `GET /v2/logout`: ends the browser session and returns to an allowed URL (Auth0's "Logout" reference). */
import type { EmulatorRequest, EmulatorResponse } from '../http/exchange.js';
import { currentSession, firstValues, SESSION_COOKIE } from './authorize.js';
import type { SignInContext } from './login.js';
import { redirect } from './oauth-answers.js';
import { errorPage, loggedOutPage } from './pages.js';

/** A URL without its query string and fragment, which `/v2/logout` does not compare ("are not taken into account"). */
const withoutQuery = (url: string) => url.replace(/[?#].*$/, '');

/** Answers a logout request. */
export async function answerLogout(request: EmulatorRequest, context: SignInContext): Promise<EmulatorResponse> {
  const query = firstValues(request.query);
  const cleared = { 'set-cookie': `${SESSION_COOKIE}=; Path=/; Max-Age=0; HttpOnly` };
  const endSession = () => {
    const session = currentSession(request, context);
    if (session !== undefined) context.state.sessions.delete(session.id);
  };
  const returnTo = query['returnTo'];
  const clientId = query['client_id'];
  const client = clientId === undefined ? undefined : context.applications.get(clientId);
  if (clientId !== undefined && client === undefined)
    return errorPage(400, 'invalid_request', `Unknown client: ${clientId}`);
  // Without client_id the tenant's Allowed Logout URLs apply: the emulated tenant has none.
  const allowed = client?.allowedLogoutUrls ?? [];
  if (returnTo === undefined) {
    // "the server returns the user to the first Allowed Logout URLs" of the application.
    const first = allowed[0];
    endSession();
    return first === undefined ? loggedOutPage(cleared) : redirect(first, cleared);
  }
  if (!allowed.some((url) => withoutQuery(url) === withoutQuery(returnTo))) {
    return errorPage(
      400,
      'invalid_request',
      `The "returnTo" querystring parameter "${returnTo}" is not defined as a valid URL in "Allowed Logout URLs".`,
    );
  }
  endSession();
  return redirect(returnTo, cleared);
}
