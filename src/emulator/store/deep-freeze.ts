/**
 * Freezes a value and everything in it, stopping at what is frozen already: a user patched from a frozen user
 * shares its untouched, frozen parts, so only what the patch brought in is walked.
 *
 * @example
 * const user = deepFreeze({ user_metadata: { hobby: 'surfing' } });
 * Object.isFrozen(user.user_metadata); // true
 */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}
