/** The text of `auth0-user-patch --help`. */
export const USAGE = `Usage: auth0-user-patch <command> [options]

Do offline what Auth0's PATCH /api/v2/users/{id} does.

Commands:
  apply <user.json> <patch.json>      print the user Auth0 would store, as JSON
  preview <user.json> <patch.json>    report what changes and what is silently lost
  diff <before.json> <after.json>     print the PATCH bodies that turn one user into the other
  validate <patch.json>               check a PATCH body as Auth0 would
  serve                               run the Auth0 users emulator over HTTP until SIGINT/SIGTERM,
                                      with a page at / to search users and preview and apply patches

A file argument of - reads standard input.

Options:
  --json          preview: print the preview as JSON
  --html F        preview: write an HTML report to file F instead (- for standard output)
  --port N        serve: the port (default 4010; 0 picks a free one)
  --host H        serve: the address (default 127.0.0.1)
  --client-id ID  serve: the client id an SDK gets tokens with (with --client-secret)
  --client-secret S
                  serve: its secret (default, without --token: a client is generated and printed)
  --token T       serve: also accept this fixed bearer token, with every scope
  --domain D      serve: the tenant domain tokens are issued for (default: the host and port served)
  --users F       serve: a JSON array of users to start with
  -h, --help      show this help
  -v, --version   show the version

Exit codes:
  0  success
  1  Auth0 refuses the patch (its error body, as JSON, on standard error),
     or no PATCH turns one user into the other (diff)
  2  wrong usage, an unreadable file, malformed JSON, or a server that cannot start
`;
