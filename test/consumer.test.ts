/** A consumer project compiles against the built declarations (both .d.ts and .d.cts) with skipLibCheck off. */
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const project = fileURLToPath(new URL('consumer/tsconfig.json', import.meta.url));

it('compiles a consumer of dist with skipLibCheck: false and without exactOptionalPropertyTypes', () => {
  const run = () => execFileSync(process.execPath, [tsc, '-p', project], { encoding: 'utf8', stdio: 'pipe' });
  expect(run).not.toThrow();
});

it('inlines type-fest: the declarations import nothing', async () => {
  const { readFile } = await import('node:fs/promises');
  for (const name of ['index.d.ts', 'index.d.cts']) {
    const declarations = await readFile(new URL(`../dist/${name}`, import.meta.url), 'utf8');
    const code = declarations.replace(/\/\*[\s\S]*?\*\//g, '');
    expect(code).not.toMatch(/\bfrom\s+['"]|\bimport\s*\(|\brequire\s*\(/);
  }
});
