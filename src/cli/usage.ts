/** The text of `auth0-user-patch --help`. */
export const USAGE = `Usage: auth0-user-patch <command> [options]

Do offline what Auth0's PATCH /api/v2/users/{id} does. (The emulator's serve command is
in the auth0-user-patch-emulator package.)

Commands:
  apply <user.json> <patch.json>      print the user Auth0 would store, as JSON
  preview <user.json> <patch.json>    report what changes and what is silently lost
  diff <before.json> <after.json>     print the PATCH bodies that turn one user into the other
  validate <patch.json>               check a PATCH body as Auth0 would

A file argument of - reads standard input.

Options:
  --json          preview: print the preview as JSON
  --html F        preview: write an HTML report to file F instead (- for standard output)
  --connection F  apply, preview, diff: the connection of the user's primary identity, as
                  GET /api/v2/connections/{id} returns it (JSON file F; - for standard input)
  -h, --help      show this help
  -v, --version   show the version

Exit codes:
  0  success
  1  Auth0 refuses the patch (its error body, as JSON, on standard error),
     or no PATCH turns one user into the other (diff)
  2  wrong usage, an unreadable file or malformed JSON
`;
