/** A mistake in how the CLI was called, or an input it cannot read: exit code 2; `showUsageHint: false` leaves out the pointer to `--help`. */
export class UsageError extends Error {
  override readonly name = 'UsageError';

  constructor(
    message: string,
    readonly showUsageHint = true,
  ) {
    super(message);
  }
}
