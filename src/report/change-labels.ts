/**
 * The text label of each mark a preview shows, so that no mark is told by its colour alone: what the HTML report
 * ({@link renderHtmlReport}), its script and the emulator's page write beside a change (`kind` of a
 * {@link UserChange}), beside a refused patch, and on a warning.
 *
 * @example
 * const preview = previewPatch(user, patch);
 * preview.changes.map((change) => `${CHANGE_LABELS[change.kind]} ${change.path}`); // ['~ changed user_metadata.addresses']
 */
export const CHANGE_LABELS = {
  added: '+ added',
  changed: '~ changed',
  removed: '\u2212 removed',
  refused: '\u2715 refused',
  warning: '! warning',
} as const;
