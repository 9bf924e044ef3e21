/**
 * The emulator uses the library as any other server would: through the library's public entries (the `exports` of
 * its package.json), never through its files. Every import of emulator/src is one of those, a module of the
 * emulator itself, or a Node built-in.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const emulator = fileURLToPath(new URL('..', import.meta.url));
const source = join(emulator, 'src');
const library = JSON.parse(readFileSync(join(emulator, '..', 'package.json'), 'utf8')) as {
  name: string;
  exports: Record<string, unknown>;
};
/** `auth0-user-patch`, `auth0-user-patch/report`: what the library's package.json exports as code. */
const publicEntries = Object.keys(library.exports)
  .filter((key) => key !== './package.json')
  .map((key) => (key === '.' ? library.name : `${library.name}/${key.slice(2)}`));

function filesUnder(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? filesUnder(join(folder, entry.name))
      : entry.name.endsWith('.ts')
        ? [join(folder, entry.name)]
        : [],
  );
}

/** Every module specifier a file imports or re-exports, type-only imports included, static or dynamic. */
function specifiers(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const pattern =
    /(?:^|\n)\s*(?:import|export)\b[^'"`;]*?from\s*['"]([^'"]+)['"]|\bimport\s*\(\s*['"]([^'"]+)['"]|(?:^|\n)\s*import\s*['"]([^'"]+)['"]/g;
  return [...text.matchAll(pattern)].map((match) => (match[1] ?? match[2] ?? match[3]) as string);
}

const files = filesUnder(source);

describe('the emulator and the library', () => {
  it('finds the sources and the public entries to check', () => {
    expect(files.length).toBeGreaterThan(50);
    expect(publicEntries).toEqual(['auth0-user-patch', 'auth0-user-patch/report']);
  });

  it.each(files.map((file) => [relative(emulator, file), file] as const))(
    '%s imports the library through its public entries only',
    (_name, file) => {
      const outside = specifiers(file).filter((specifier) => {
        if (specifier.startsWith('.')) return !resolve(dirname(file), specifier).startsWith(`${source}/`);
        if (specifier.startsWith('node:') || builtinModules.includes(specifier)) return false;
        return !publicEntries.includes(specifier);
      });
      expect(outside).toEqual([]);
    },
  );
});
