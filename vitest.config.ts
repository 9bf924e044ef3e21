import { defineConfig } from 'vitest/config';
import { definePageScripts } from './src/emulator/page/build-page-scripts.js';

export default defineConfig({
  // The emulator's page scripts, embedded as the build embeds them, so the source serves the page too.
  define: definePageScripts({ lenient: true }),
  test: {
    include: ['test/**/*.test.ts'],
    // Several tests spawn node, tsc or the CLI; on a two-core CI machine running test files in parallel, the
    // default 5 s can be too short for a cold start.
    testTimeout: 20_000,
    typecheck: {
      enabled: true,
      include: ['test/**/*.test-d.ts'],
      tsconfig: './tsconfig.json',
    },
  },
});
