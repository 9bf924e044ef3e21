/**
 * The report's script as the page runs it: report-script.ts and what it imports, bundled for browsers by the build
 * (scripts/report-script-define.ts, used by tsup.config.ts and by the Vitest configs that run the source).
 */
declare const __REPORT_SCRIPT__: string | undefined;

/** The text of the report's one script. */
export function reportScriptText(): string {
  if (typeof __REPORT_SCRIPT__ !== 'string')
    throw new Error(
      "The HTML report's script is not embedded: build the library with tsup, or run its source with a config that defines __REPORT_SCRIPT__ (scripts/report-script-define.ts).",
    );
  return __REPORT_SCRIPT__;
}
