/** The text of `auth0-user-patch-emulator --help`. */
export const USAGE = `Usage: auth0-user-patch-emulator serve [options]

Serve an emulated Auth0 tenant over HTTP or HTTPS until it is stopped: the Management API for the official SDKs,
sign-in for apps (discovery, JWKS, /authorize, /oauth/token, /userinfo), and a page at / to search the users,
preview and apply patches, and list the applications and APIs.

Options:
  --port N        the port (default 4010; 0 picks a free one)
  --host H        the address (default 127.0.0.1)
  --client-id ID  the client id an SDK gets tokens with (with --client-secret)
  --client-secret S
                  its secret (default, without --token: a client is generated and printed)
  --token T       also accept this fixed bearer token, with every scope
  --domain D      the tenant domain tokens are issued for (default: the host and port served)
  --users F       the users to start with: a JSON array (a "password" signs a database user in), or Auth0's user
                  export (one JSON object a line, gzip-compressed or not)
  --clients F     a JSON array of applications, as createEmulator's clients option takes them
  --resource-servers F
                  a JSON array of APIs, as POST /api/v2/resource-servers takes them
  --https         serve HTTPS with a certificate made at start for localhost, 127.0.0.1 and ::1 (and --host,
                  --domain), written to a PEM file whose path is printed, with the line that makes clients trust it
  --cert-out F    write that certificate to F (it stays there; default: a new folder in the temp dir, removed at stop)
  --cert F        serve HTTPS with your certificate (PEM, for example from mkcert), with --key
  --key F         its private key (PEM)
  --import F      start with the tenant a state file holds (from --export-on-exit, exportState() or
                  GET /emulator/v1/state); not with --users
  --export-on-exit F
                  when it stops, write the tenant's state to F, atomically (F is the --import file: a first run
                  that finds no F starts empty)
  --outlive-parent
                  keep serving after the process that started it is gone (a background job in a CI step)
  --idle-timeout-ms N
                  close a connection silent for N milliseconds (default 10000)
  --max-connections N
                  serve at most N connections at once, closing more as they come (default 256)
  -h, --help      show this help
  -v, --version   show the version

It stops on SIGINT, SIGTERM or SIGHUP, and, unless --outlive-parent is given, when its parent process is gone or
its standard input (when a pipe) is closed.

Tests reset the tenant, export and import its state and read its outbox over HTTP, with the fixed token or a
client's token with every scope: POST /emulator/v1/reset, GET and PUT /emulator/v1/state, GET /emulator/v1/outbox.

Exit codes:
  0  stopped
  2  wrong usage, an unreadable or malformed file, a server that cannot start, or a state it could not write at exit
`;
