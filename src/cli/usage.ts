/**
 * The text of `auth0-user-patch --help`.
 *
 * @example
 * process.stdout.write(USAGE);
 */
export const USAGE = `Usage: auth0-user-patch <command> [options]

Do offline what Auth0's PATCH /api/v2/users/{id} does.

Commands:
  apply <user.json> <patch.json>      print the user Auth0 would store, as JSON
  preview <user.json> <patch.json>    report what changes and what is silently lost
  diff <before.json> <after.json>     print the PATCH bodies that turn one user into the other
  validate <patch.json>               check a PATCH body as Auth0 would
  serve                               run the Auth0 users emulator over HTTP until SIGINT/SIGTERM

A file argument of - reads standard input.

Options:
  --json          preview: print the preview as JSON
  --port N        serve: the port (default 4010; 0 picks a free one)
  --host H        serve: the address (default 127.0.0.1)
  --token T       serve: the bearer token to require (default: a generated one, printed)
  --users F       serve: a JSON array of users to start with
  -h, --help      show this help
  -v, --version   show the version

Exit codes:
  0  success
  1  Auth0 refuses the patch (its error body, as JSON, on standard error),
     or no PATCH turns one user into the other (diff)
  2  wrong usage, an unreadable file or malformed JSON
`;
