/**
 * The HTML pages of the sign-in half: Universal Login's sign-in form (its words: "Welcome", "Log in to … to
 * continue to …", "Email address", "Password", "Continue", "Wrong email or password"), the error page, and the
 * page `/v2/logout` shows without a `returnTo`. Plain HTML, no script, a strict Content-Security-Policy.
 */
import type { EmulatorResponse } from '../http/exchange.js';
import { escapeHtml, htmlAnswer } from './oauth-answers.js';

const STYLE = `body { margin: 0; font: 16px/1.5 system-ui, sans-serif; color: #1e212a; background: #f3f4f6; }
main { max-width: 25rem; margin: 4rem auto; padding: 2.5rem; background: #fff; border-radius: 5px; box-shadow: 0 12px 40px rgba(0, 0, 0, 0.12); }
h1 { font-size: 1.5rem; margin: 0 0 0.5rem; text-align: center; }
p { margin: 0 0 1rem; text-align: center; }
label { display: block; font-weight: 600; margin: 1rem 0 0.3rem; }
input { box-sizing: border-box; width: 100%; font: inherit; padding: 0.6rem 0.75rem; border: 1px solid #6e7781; border-radius: 3px; }
input:focus-visible, button:focus-visible { outline: 2px solid #0a4fb5; outline-offset: 2px; }
button { width: 100%; margin-top: 1.5rem; padding: 0.7rem; font: 600 1rem system-ui, sans-serif; color: #fff; background: #0a4fb5; border: 0; border-radius: 3px; cursor: pointer; }
.error { color: #a4161a; background: #fdecec; border: 1px solid #a4161a; border-radius: 3px; padding: 0.5rem 0.75rem; text-align: left; }
code { overflow-wrap: anywhere; }`;

let styleHash: Promise<string> | undefined;
/** The stylesheet's CSP hash, computed once. */
const styleSource = () =>
  (styleHash ??= crypto.subtle
    .digest('SHA-256', new TextEncoder().encode(STYLE))
    .then((digest) => `'sha256-${btoa(String.fromCharCode(...new Uint8Array(digest)))}'`));

async function page(
  status: number,
  title: string,
  body: string,
  formAction = "'none'",
  headers?: Readonly<Record<string, string>>,
): Promise<EmulatorResponse> {
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;
  const policy = `default-src 'none'; style-src ${await styleSource()}; form-action ${formAction}; base-uri 'none'; frame-ancestors 'none'`;
  return htmlAnswer(status, html, { 'content-security-policy': policy, ...headers });
}

/** What the sign-in page shows. */
export type SignInPage = {
  /** Where the form posts: `/u/login?state=…`. */
  readonly action: string;
  readonly state: string;
  readonly tenant: string;
  readonly application: string;
  /** The origin of the app's callback, which the redirect after the post goes to (CSP `form-action`). */
  readonly callbackOrigin: string;
  readonly username?: string;
  readonly failed?: boolean;
};

/** The sign-in form: inputs `username` and `password`, posted to its `action`. */
export function signInPage(shown: SignInPage): Promise<EmulatorResponse> {
  const error = shown.failed === true ? '\n<p class="error" role="alert" id="error">Wrong email or password</p>' : '';
  const described = shown.failed === true ? ' aria-describedby="error" aria-invalid="true"' : '';
  const body = `<h1>Welcome</h1>
<p>Log in to ${escapeHtml(shown.tenant)} to continue to ${escapeHtml(shown.application)}.</p>${error}
<form method="post" action="${escapeHtml(shown.action)}">
<input type="hidden" name="state" value="${escapeHtml(shown.state)}">
<label for="username">Email address</label>
<input id="username" name="username" type="text" inputmode="email" autocomplete="username" autocapitalize="none" spellcheck="false" required value="${escapeHtml(shown.username ?? '')}"${described}>
<label for="password">Password</label>
<input id="password" name="password" type="password" autocomplete="current-password" required${described}>
<button type="submit" name="action" value="default">Continue</button>
</form>`;
  return page(shown.failed === true ? 400 : 200, `Log in | ${shown.tenant}`, body, `'self' ${shown.callbackOrigin}`);
}

/** Auth0's error page ("Oops!, something went wrong"), with the error and its description. */
export function errorPage(status: number, error: string, description: string): Promise<EmulatorResponse> {
  const body = `<h1>Oops!, something went wrong</h1>
<p class="error" role="alert"><code>${escapeHtml(error)}</code>: ${escapeHtml(description)}</p>`;
  return page(status, 'Error', body);
}

/** The page of a logout without a `returnTo`. */
export function loggedOutPage(headers: Readonly<Record<string, string>>): Promise<EmulatorResponse> {
  return page(
    200,
    'Logged out',
    '<h1>You have been logged out</h1>\n<p>You can close this window.</p>',
    "'none'",
    headers,
  );
}
