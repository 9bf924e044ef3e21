import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { index: 'src/index.ts' },
  format: ['esm', 'cjs'],
  dts: { resolve: true },
  target: 'node20',
  clean: true,
  sourcemap: false,
  splitting: false,
  treeshake: true,
  silent: true,
});
