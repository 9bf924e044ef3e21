/**
 * A mistake in how the CLI was called, or an input it cannot read: exit code 2, with a message for a person.
 * `showUsageHint: false` leaves out the pointer to `--help`, for mistakes that are not about the arguments (a
 * port in use).
 *
 * @example
 * throw new UsageError('apply needs two files: <user.json> <patch.json>');
 */
export class UsageError extends Error {
  override readonly name = 'UsageError';

  constructor(
    message: string,
    readonly showUsageHint = true,
  ) {
    super(message);
  }
}
