/** Build time only (tsup and Vitest configs): a browser module and all it imports as one ES module's text, by esbuild. */
import { buildSync } from 'esbuild';

/** Bundles `entry` (relative to `workingDirectory`) for browsers: ESM, ES2022, nothing from Node. */
export function bundleForBrowser(entry: string, workingDirectory: string): string {
  const result = buildSync({
    absWorkingDir: workingDirectory,
    entryPoints: [entry],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    legalComments: 'none',
    logLevel: 'silent',
  });
  return (result.outputFiles[0] as { text: string }).text;
}
