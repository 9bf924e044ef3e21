/**
 * A mistake in how the CLI was called, or an input it cannot read: exit code 2, with a message for a person.
 *
 * @example
 * throw new UsageError('apply needs two files: <user.json> <patch.json>');
 */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
