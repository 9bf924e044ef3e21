/** The page's script, bundled with the library it uses and embedded by the build (see the emulator's tsup.config.ts). */
declare const __EMULATOR_PAGE_SCRIPT__: string | undefined;

/** The page's script as JavaScript text, or `undefined` when this code was not built with it. */
export const PAGE_SCRIPT: string | undefined =
  typeof __EMULATOR_PAGE_SCRIPT__ === 'string' ? __EMULATOR_PAGE_SCRIPT__ : undefined;
