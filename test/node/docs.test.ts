/**
 * The library's documentation (README.md and docs/*.md) cannot drift: see test/support/documentation.ts. Also: the
 * README opens with the two commands, and its rules table lists every rule of docs/rules.md. Needs `dist/`.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  checkDocumentation,
  packagePages,
  fencedBlocks,
  prose,
  readPages,
  type Block,
} from '../support/documentation.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const pages = packagePages(root);
const { texts, blocks } = readPages({ root, pages });
const jsBlocks = blocks.filter((block) => block.lang === 'js');
const tsBlocks = blocks.filter((block) => block.lang === 'ts');

checkDocumentation({ root, pages });

describe('documentation pages', () => {
  it('has the pages and blocks to check', () => {
    expect(pages).toEqual(
      expect.arrayContaining([
        'README.md',
        'docs/api.md',
        'docs/cli.md',
        'docs/rules.md',
        'docs/errors.md',
        'docs/performance.md',
        'docs/development.md',
      ]),
    );
    expect(jsBlocks.length).toBeGreaterThan(8);
    expect(tsBlocks.length).toBeGreaterThan(0);
  });

  it('opens the README with the two commands, before any section', () => {
    const readme = texts.get('README.md') as string;
    const first = fencedBlocks('README.md', readme)[0] as Block;
    expect(first.lang).toBe('sh');
    expect(first.code).toMatch(/^npm ci && npm start\s+#.+\nnpm ci && npm test\s+#.+\n$/);
    expect(
      readme
        .split('\n')
        .slice(0, first.line)
        .filter((line) => line.startsWith('## ')),
    ).toEqual([]);
  });

  it('lists every rule of docs/rules.md in the README table, in order', () => {
    const rules = [...prose(texts.get('docs/rules.md') as string).matchAll(/^ ?(\d+)\. \*\*/gm)].map((match) =>
      Number(match[1]),
    );
    const rows = [...prose(texts.get('README.md') as string).matchAll(/^\| (\d+) \|/gm)].map((match) =>
      Number(match[1]),
    );
    expect(rules).toEqual(Array.from({ length: rules.length }, (_, index) => index + 1));
    expect(rules.length).toBeGreaterThanOrEqual(19);
    expect(rows).toEqual(rules);
  });
});
