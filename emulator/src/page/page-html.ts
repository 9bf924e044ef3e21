/** The page's HTML document: a shell that the app (`/_emulator/page.js`) fills; it holds no data. */

/** Where the page's assets live: a path Auth0's APIs do not use. */
export const ASSET_PREFIX = '/_emulator/';

/** The page's Content-Security-Policy header: this origin only, no inline script or eval, no framing, no form posts. */
export const PAGE_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/** The document served at `/`. */
export const PAGE_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>Auth0 emulator \u2013 auth0-user-patch</title>
<link rel="icon" href="${ASSET_PREFIX}icon.svg" type="image/svg+xml">
<link rel="stylesheet" href="${ASSET_PREFIX}page.css">
<script type="module" src="${ASSET_PREFIX}page.js"></script>
</head>
<body>
<header>
<h1>Auth0 emulator</h1>
<p class="sources">The users this emulated tenant stores, its applications and its APIs. Each patch is previewed in this page by auth0-user-patch's <code>previewPatch</code>, then sent with <code>PATCH /api/v2/users/{id}</code>.</p>
<p id="session" hidden><span id="session-text"></span> <a href="#/users">Users</a> <a href="#/tenant">Applications and APIs</a> <button type="button" id="sign-out">Sign out</button></p>
</header>
<main id="main" tabindex="-1">
<noscript><p>This page needs JavaScript. The emulator's API works without it.</p></noscript>
<p class="loading">Loading\u2026</p>
</main>
<footer>Served by the auth0-user-patch emulator. The page talks to this emulator's API only, with a bearer token like any client, and loads nothing from elsewhere.</footer>
</body>
</html>
`;

/** The page's icon, so that the browser does not ask for a /favicon.ico the emulator does not have. */
export const PAGE_ICON = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><rect width="16" height="16" rx="3" fill="#0a4fb5"/><path d="M4 8h8M8 4v8" stroke="#fff" stroke-width="2"/></svg>`;
