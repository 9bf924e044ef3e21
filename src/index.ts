export { applyPatch } from './apply-patch.js';
export { validatePatch } from './validate-patch.js';
export { isPatchError, PatchError, type Auth0ErrorBody, type PatchErrorOptions } from './patch-error.js';
export { previewPatch, type PatchPreview } from './preview-patch.js';
export type { UserChange } from './list-changes.js';
export type { PreviewWarning, PreviewWarningCode } from './preview-warnings.js';
export { diffUsers, UnreachableUserError } from './diff-users.js';
export type {
  ApplyOptions,
  Auth0Identity,
  Auth0User,
  JsonInput,
  JsonValue,
  Metadata,
  MetadataPatch,
  UserInput,
  UserPatch,
} from './types.js';
export type { PatchedUser } from './patched-user.js';
export type { CheckPatch } from './patch-check.js';
export type { PathSegment } from './path.js';
