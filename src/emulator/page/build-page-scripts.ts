/** Build time only (tsup.config.ts, vitest.config.ts): bundles the page's scripts with esbuild; never shipped. */
import { buildSync, type BuildOptions } from 'esbuild';
import { fileURLToPath } from 'node:url';

/** The scripts the emulator's page loads: the library's browser build and the page's app, as JavaScript text. */
export type PageScripts = { readonly library: string; readonly app: string };

const root = fileURLToPath(new URL('../../..', import.meta.url));

/** The esbuild options of the library's browser build (also tsup's `browser` entry): ESM, no Node. */
export const BROWSER_BUILD = { format: 'esm', platform: 'browser', target: 'es2022' } as const satisfies BuildOptions;

/** Bundles `src/index.ts` and the page's app for browsers; `define` them as `__EMULATOR_PAGE_LIBRARY__`/`__EMULATOR_PAGE_APP__`. */
function buildPageScripts(): PageScripts {
  const bundle = (entry: string) => {
    const result = buildSync({
      ...BROWSER_BUILD,
      absWorkingDir: root,
      entryPoints: [entry],
      bundle: true,
      write: false,
      legalComments: 'none',
      logLevel: 'silent',
    });
    return (result.outputFiles[0] as { text: string }).text;
  };
  return { library: bundle('src/index.ts'), app: bundle('src/emulator/page/page-app.ts') };
}

/** The `define` entries that embed the page's scripts; `lenient` (tests) gives none when the source does not build. */
export function definePageScripts({ lenient = false } = {}): Record<string, string> {
  let scripts: PageScripts;
  try {
    scripts = buildPageScripts();
  } catch (error) {
    if (lenient) return {};
    throw error;
  }
  return {
    __EMULATOR_PAGE_LIBRARY__: JSON.stringify(scripts.library),
    __EMULATOR_PAGE_APP__: JSON.stringify(scripts.app),
  };
}
