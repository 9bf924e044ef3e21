import type { Emulator } from '../create-emulator.js';
import { OperatorError } from './operator-error.js';

/** The scopes of the token `serve` mints for its page: what the page does (users; applications and APIs), no more. */
const PAGE_SCOPES = 'read:users update:users read:clients read:resource_servers';

/**
 * The page address `serve` prints: with a client, a one-time code in its fragment, which the page trades for a token
 * from /oauth/token (PAGE_SCOPES only).
 */
export async function pageLink(
  emulator: Pick<Emulator, 'fetch'>,
  url: string,
  domain: string,
  client: { clientId: string; clientSecret: string } | undefined,
): Promise<string> {
  if (client === undefined) return `${url}/`;
  const response = await emulator.fetch(
    new Request(`${url}/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        grant_type: 'client_credentials',
        client_id: client.clientId,
        client_secret: client.clientSecret,
        audience: `https://${domain}/api/v2/`,
        scope: PAGE_SCOPES,
      }),
    }),
  );
  const { access_token: token } = (await response.json()) as { access_token?: unknown };
  if (response.status !== 200 || typeof token !== 'string')
    throw new OperatorError(`the emulator gave no token for the page (${response.status})`);
  // The address holds a one-time code, not the token: a browser keeps every address it opens.
  const traded = await emulator.fetch(
    new Request(`${url}/_emulator/page-code`, { method: 'POST', headers: { authorization: `Bearer ${token}` } }),
  );
  const { code } = (await traded.json()) as { code?: unknown };
  if (traded.status !== 201 || typeof code !== 'string')
    throw new OperatorError(`the emulator gave no code for the page (${traded.status})`);
  return `${url}/#code=${code}`;
}
