import { fileURLToPath } from 'node:url';
import { defineConfig } from 'tsup';
import { bundleForBrowser } from '../scripts/bundle-for-browser.js';

// The page (createEmulator({ page: true }), serve) carries its script: page-app.ts bundled with the library it uses.
const here = fileURLToPath(new URL('.', import.meta.url));
const define = { __EMULATOR_PAGE_SCRIPT__: JSON.stringify(bundleForBrowser('src/page/page-app.ts', here)) };

export default defineConfig([
  {
    // The library is a dependency (`auth0-user-patch`), imported, not bundled.
    entry: { index: 'src/index.ts' },
    format: ['esm', 'cjs'],
    dts: { resolve: true },
    target: 'node20',
    clean: true,
    splitting: false,
    treeshake: true,
    silent: true,
    define,
  },
  {
    entry: { cli: 'src/cli/main.ts' },
    format: ['esm'],
    target: 'node20',
    splitting: false,
    treeshake: true,
    silent: true,
    banner: { js: '#!/usr/bin/env node' },
    define,
  },
]);
