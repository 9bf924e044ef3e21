import { defineConfig } from 'tsup';

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
  },
  {
    entry: { cli: 'src/cli/main.ts' },
    format: ['esm'],
    target: 'node20',
    splitting: false,
    treeshake: true,
    silent: true,
    banner: { js: '#!/usr/bin/env node' },
  },
]);
