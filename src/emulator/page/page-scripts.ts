/** The page's scripts, embedded by the build (see build-page-scripts.ts): the library's browser build and the app. */
declare const __EMULATOR_PAGE_LIBRARY__: string | undefined;
declare const __EMULATOR_PAGE_APP__: string | undefined;

/** The embedded scripts, or `undefined` when this code was not built with them. */
export const PAGE_SCRIPTS: { readonly library: string; readonly app: string } | undefined =
  typeof __EMULATOR_PAGE_LIBRARY__ === 'string' && typeof __EMULATOR_PAGE_APP__ === 'string'
    ? { library: __EMULATOR_PAGE_LIBRARY__, app: __EMULATOR_PAGE_APP__ }
    : undefined;
