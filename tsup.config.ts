import { defineConfig } from 'tsup';
import { reportScriptDefine } from './scripts/report-script-define.js';

// The HTML report carries its script: src/report/report-script.ts bundled for browsers.
const define = reportScriptDefine();

export default defineConfig([
  {
    // The library (`auth0-user-patch`) and its HTML report (`auth0-user-patch/report`): no Node module in either.
    entry: { index: 'src/index.ts', report: 'src/report/index.ts' },
    define,
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
    define,
  },
]);
