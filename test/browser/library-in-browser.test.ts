/**
 * The library runs in browsers: its core modules import nothing but each other, and every suite of
 * test/suites/all.ts passes inside headless Chromium (Vitest's browser mode, test/browser/in-browser/).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** Every module specifier a TypeScript file imports or re-exports at run time (`import type` is erased), static or dynamic. */
function specifiers(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const pattern =
    /(?:^|\n)\s*((?:import|export)\b[^'"`;]*?)from\s*['"]([^'"]+)['"]|\bimport\s*\(\s*['"]([^'"]+)['"]|(?:^|\n)\s*import\s*['"]([^'"]+)['"]/g;
  return [...text.matchAll(pattern)]
    .filter((match) => !/^(?:import|export)\s+type\b/.test(match[1] ?? ''))
    .map((match) => (match[2] ?? match[3] ?? match[4]) as string);
}

describe('the library in a browser', () => {
  const browserFolders = ['core', 'describe', 'internal', 'report'];
  const browserModules = [
    join('src', 'index.ts'),
    ...browserFolders.flatMap((folder) =>
      readdirSync(join(root, 'src', folder)).map((name) => join('src', folder, name)),
    ),
  ];
  const inBrowserCode = (target: string) =>
    target === join('src', 'index.ts') || browserFolders.some((folder) => target.startsWith(`${join('src', folder)}/`));

  it.each(browserModules)('%s imports only the browser-safe modules of the library, nothing from Node', (file) => {
    const imported = specifiers(join(root, file));
    expect(imported.filter((specifier) => !specifier.startsWith('./') && !specifier.startsWith('../'))).toEqual([]);
    const targets = imported.map((specifier) =>
      relative(root, resolve(root, dirname(file), specifier)).replace(/\.js$/, '.ts'),
    );
    expect(targets.filter((target) => !inBrowserCode(target))).toEqual([]);
  });

  it('passes every suite in headless Chromium', () => {
    const scratch = mkdtempSync(join(tmpdir(), 'auth0-user-patch-browser-suites-'));
    const report = join(scratch, 'report.json');
    try {
      // A clean environment for the inner Vitest: none of this run's worker variables.
      const env = Object.fromEntries(
        Object.entries(process.env).filter(([name]) => !name.startsWith('VITEST') && name !== 'NODE_OPTIONS'),
      );
      const result = spawnSync(
        process.execPath,
        [
          join(root, 'node_modules', 'vitest', 'vitest.mjs'),
          'run',
          '--config',
          'test/browser/in-browser/vitest.config.ts',
          '--reporter=json',
          `--outputFile=${report}`,
        ],
        { cwd: root, env: { ...env, CI: '1' }, encoding: 'utf8', timeout: 150_000 },
      );
      const summary = JSON.parse(readFileSync(report, 'utf8')) as {
        success: boolean;
        numTotalTests: number;
        numPassedTests: number;
        testResults: { name: string }[];
      };
      expect(result.status, result.stderr).toBe(0);
      expect(summary.success).toBe(true);
      expect(summary.numTotalTests).toBeGreaterThan(150);
      expect(summary.numPassedTests).toBe(summary.numTotalTests);
      expect(summary.testResults.map((file) => file.name.slice(root.length))).toEqual(
        expect.arrayContaining([
          'test/browser/in-browser/suites.browser.ts',
          'test/browser/in-browser/environment.browser.ts',
        ]),
      );
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  }, 180_000);
});
