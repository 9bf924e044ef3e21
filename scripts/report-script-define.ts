/** Build time only: the `define` that embeds the HTML report's script (for tsup.config.ts and the Vitest configs). */
import { fileURLToPath } from 'node:url';
import { bundleForBrowser } from './bundle-for-browser.js';

const root = fileURLToPath(new URL('..', import.meta.url));

/** `__REPORT_SCRIPT__`: src/report/report-script.ts and what it imports, bundled for browsers, as a string literal. */
export function reportScriptDefine(): { __REPORT_SCRIPT__: string } {
  return { __REPORT_SCRIPT__: JSON.stringify(bundleForBrowser('src/report/report-script.ts', root)) };
}
