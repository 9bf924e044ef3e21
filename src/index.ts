export { applyPatch } from './apply-patch.js';
export { validatePatch } from './validate-patch.js';
export { PatchError, type Auth0ErrorBody, type PatchErrorOptions } from './patch-error.js';
export type { ApplyOptions, Auth0Identity, Auth0User, JsonValue, Metadata, UserPatch } from './types.js';
