/** A consumer project compiles against the built declarations (both .d.ts and .d.cts) with skipLibCheck off. */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const project = fileURLToPath(new URL('consumer/tsconfig.json', import.meta.url));

it('compiles a consumer of dist with skipLibCheck: false and without exactOptionalPropertyTypes', () => {
  const run = () => execFileSync(process.execPath, [tsc, '-p', project], { encoding: 'utf8', stdio: 'pipe' });
  expect(run).not.toThrow();
}, 60_000);

it('compiles a consumer on moduleResolution node10, which finds auth0-user-patch/report through typesVersions', () => {
  // node10 ignores `exports` (so no self-reference): the consumer gets its own node_modules/auth0-user-patch.
  const dir = mkdtempSync(join(tmpdir(), 'auth0-user-patch-node10-'));
  try {
    cpSync(fileURLToPath(new URL('consumer/node10/', import.meta.url)), dir, { recursive: true });
    mkdirSync(join(dir, 'node_modules'));
    symlinkSync(
      fileURLToPath(new URL('../..', import.meta.url)),
      join(dir, 'node_modules', 'auth0-user-patch'),
      'junction',
    );
    const run = () =>
      execFileSync(process.execPath, [tsc, '-p', join(dir, 'tsconfig.json')], { encoding: 'utf8', stdio: 'pipe' });
    expect(run).not.toThrow();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 60_000);

it('inlines type-fest: the declarations import no other package', async () => {
  const { readdir, readFile } = await import('node:fs/promises');
  const files = (await readdir(new URL('../../dist/', import.meta.url))).filter((name) => /\.d\.c?ts$/.test(name));
  expect(files).toEqual(expect.arrayContaining(['index.d.ts', 'index.d.cts', 'report.d.ts', 'report.d.cts']));
  for (const name of files) {
    const declarations = await readFile(new URL(`../../dist/${name}`, import.meta.url), 'utf8');
    const code = declarations.replace(/\/\*[\s\S]*?\*\//g, '');
    const specifiers = [...code.matchAll(/\bfrom\s+['"]([^'"]+)['"]|\bimport\s*\(\s*['"]([^'"]+)['"]/g)].map(
      (match) => match[1] ?? match[2],
    );
    expect(specifiers.filter((specifier) => !specifier?.startsWith('./'))).toEqual([]);
  }
});
