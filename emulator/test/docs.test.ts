/** The emulator's documentation (README.md and docs/*.md) cannot drift: see test/support/documentation.ts. Needs dist/. */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkDocumentation, packagePages, readPages } from '../../test/support/documentation.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const pages = packagePages(root);

checkDocumentation({ root, pages });

describe("the emulator's pages", () => {
  it('are all there, with blocks to run', () => {
    expect(pages).toEqual([
      'README.md',
      'docs/dotnet.md',
      'docs/go.md',
      'docs/java.md',
      'docs/php.md',
      'docs/python.md',
      'docs/ruby.md',
      'docs/search-rules.md',
    ]);
    const { blocks } = readPages({ root, pages });
    expect(blocks.filter((block) => block.lang === 'js').length).toBeGreaterThan(3);
  });
});
