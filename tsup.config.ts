import { defineConfig } from 'tsup';
import { BROWSER_BUILD, definePageScripts } from './src/emulator/page/build-page-scripts.js';

// The emulator's page (createEmulator({ page: true }), serve) carries its scripts: the library's browser build and the app.
const define = definePageScripts();

export default defineConfig([
  {
    // Each entry bundles what it uses: the emulator carries its own copy of the core, and imports nothing.
    entry: { index: 'src/index.ts', emulator: 'src/emulator/index.ts' },
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
    // The library for browsers: ESM, nothing from Node (the emulator's page loads the same build).
    entry: { browser: 'src/index.ts' },
    ...BROWSER_BUILD,
    splitting: false,
    treeshake: true,
    silent: true,
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
