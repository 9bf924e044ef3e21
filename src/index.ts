export { applyPatch, applyPreparedPatch } from './core/apply-patch.js';
export { applyPatchJson, preparePatchJson } from './core/apply-patch-json.js';
export { validatePatch } from './core/validate-patch.js';
export {
  preparePatch,
  type AttributeChange,
  type MetadataChanges,
  type PatchSteering,
  type PreparedPatch,
  type PrepareOptions,
} from './core/prepare-patch.js';
export {
  inexistentUserError,
  invalidJsonError,
  isPatchError,
  PatchError,
  type Auth0ErrorBody,
  type PatchErrorOptions,
} from './core/patch-error.js';
export { jsonTypeName, payloadValidationMessage } from './core/messages.js';
export { previewPatch, type PatchPreview } from './describe/preview-patch.js';
export type { UserChange } from './describe/list-changes.js';
export type { PreviewWarning, PreviewWarningCode } from './describe/preview-warnings.js';
export { diffUsers, UnreachableUserError, type DiffOptions } from './describe/diff-users.js';
export type {
  ApplyOptions,
  Auth0Identity,
  Auth0User,
  ConnectionSettings,
  JsonInput,
  JsonValue,
  Metadata,
  MetadataPatch,
  UserInput,
  UserPatch,
} from './core/types.js';
export type { PatchedUser } from './core/patched-user.js';
export type { CheckPatch } from './core/patch-check.js';
export type { PathSegment } from './core/path.js';
