import { PatchError } from './patch-error.js';
import { preparePatch } from './prepare-patch.js';

/**
 * Checks a PATCH body without applying it: `undefined` when Auth0 would accept it, otherwise the
 * {@link PatchError} (returned, not thrown) with the message {@link applyPatch} would throw. It sees the body only:
 * the rules that depend on the user's connection (20 to 25 of docs/rules.md) need the user, so a body it accepts
 * may still be refused for some users (an `email` for a Google user); {@link applyPatch} and {@link previewPatch}
 * check them.
 *
 * @example
 * validatePatch({ user_metadata: { color: 'pink' } }); // undefined
 * validatePatch({ user_metadata: null })?.message;
 * // "Payload validation error: 'Expected type object but found type null' on property user_metadata (User metadata to which this user has read/write access.)."
 */
export function validatePatch(patch: unknown): PatchError | undefined {
  try {
    preparePatch(patch);
    return undefined;
  } catch (error) {
    if (error instanceof PatchError) return error;
    throw error;
  }
}
