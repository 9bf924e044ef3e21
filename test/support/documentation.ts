/**
 * Documentation that cannot drift, for a package's pages: every `js` block runs against the built package, every
 * `ts` block type-checks with the package's compiler options, and every relative link and anchor leads somewhere.
 * Each package's docs test calls {@link checkDocumentation} with its pages; needs the package built.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

export type Block = { page: string; line: number; lang: string; code: string };

/** The fenced blocks of a page; `line` is the 1-based line of the opening fence. */
export function fencedBlocks(page: string, text: string): Block[] {
  const blocks: Block[] = [];
  const lines = text.split('\n');
  for (let index = 0; index < lines.length; index++) {
    const open = /^(\s*)```(.*)$/.exec(lines[index] as string);
    if (open === null) continue;
    const start = index;
    const body: string[] = [];
    while (++index < lines.length && !/^\s*```\s*$/.test(lines[index] as string)) body.push(lines[index] as string);
    if (index >= lines.length) throw new Error(`${page}:${start + 1}: a code block is never closed`);
    blocks.push({ page, line: start + 1, lang: (open[2] as string).trim(), code: `${body.join('\n')}\n` });
  }
  return blocks;
}

/** The page's text outside fenced blocks, line for line (fenced lines blanked). */
export function prose(text: string): string {
  let inFence = false;
  return text
    .split('\n')
    .map((line) => {
      if (/^\s*```/.test(line)) {
        inFence = !inFence;
        return '';
      }
      return inFence ? '' : line;
    })
    .join('\n');
}

/** The anchors GitHub gives a page's headings. */
export function anchors(text: string): Set<string> {
  const seen = new Map<string, number>();
  const result = new Set<string>();
  for (const match of prose(text).matchAll(/^#{1,6}\s+(.+?)\s*#*\s*$/gm)) {
    const base = (match[1] as string)
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, '')
      .replace(/\s/g, '-');
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    result.add(count === 0 ? base : `${base}-${count}`);
  }
  return result;
}

/** The pages to check, as paths from `root` (the package's folder, whose tsconfig.json compiles the `ts` blocks). */
export type Documentation = { readonly root: string; readonly pages: readonly string[] };

/** A package's pages: its README.md, then every page of its docs/ folder, by name. */
export function packagePages(root: string): string[] {
  const docs = readdirSync(join(root, 'docs')).filter((name) => name.endsWith('.md'));
  return ['README.md', ...docs.sort().map((name) => `docs/${name}`)];
}

/** The page texts and their fenced blocks. */
export function readPages({ root, pages }: Documentation) {
  const texts = new Map(pages.map((page) => [page, readFileSync(join(root, page), 'utf8')] as const));
  const blocks = pages.flatMap((page) => fencedBlocks(page, texts.get(page) as string));
  return { texts, blocks };
}

const where = (block: Block) => `${block.page}:${block.line}`;

/** Defines the checks of every page: block languages, links and anchors, `js` blocks run, `ts` blocks type-checked. */
export function checkDocumentation(documentation: Documentation): void {
  const { root, pages } = documentation;
  const { texts, blocks } = readPages(documentation);
  const jsBlocks = blocks.filter((block) => block.lang === 'js');
  const tsBlocks = blocks.filter((block) => block.lang === 'ts');
  /** Where the `ts` blocks are written to be compiled: inside the package, so its name resolves to itself. */
  const blocksDir = join(root, 'test', '.docs-blocks');

  describe('documentation pages', () => {
    it('marks every code block js, ts, sh or text, so none escapes the checks', () => {
      const unknown = blocks
        .filter((block) => !['js', 'ts', 'sh', 'text'].includes(block.lang))
        .map((block) => `${where(block)}: \`\`\`${block.lang}`);
      expect(unknown).toEqual([]);
    });

    it('has relative links and anchors that lead somewhere', () => {
      const broken: string[] = [];
      for (const page of pages) {
        const lines = prose(texts.get(page) as string).split('\n');
        lines.forEach((line, index) => {
          for (const match of line.replace(/`[^`]*`/g, '').matchAll(/\]\(([^)\s]+)\)/g)) {
            const target = match[1] as string;
            if (/^[a-z]+:/i.test(target)) continue;
            const [file, anchor] = target.split('#') as [string, string | undefined];
            const path = file === '' ? join(root, page) : resolve(root, dirname(page), file);
            const name = relative(root, path);
            if (!existsSync(path)) broken.push(`${page}:${index + 1}: ${target} (no file ${name})`);
            else if (anchor !== undefined && !anchors(readFileSync(path, 'utf8')).has(anchor))
              broken.push(`${page}:${index + 1}: ${target} (no heading #${anchor} in ${name})`);
          }
        });
      }
      expect(broken).toEqual([]);
    });
  });

  describe('js blocks run against the built package', () => {
    it.each(jsBlocks.map((block) => [where(block), block] as const))(
      '%s',
      (_where, block) => {
        try {
          // Run from the project folder, where the package resolves to itself by name.
          execFileSync(process.execPath, ['--input-type=module'], {
            cwd: root,
            input: block.code,
            stdio: ['pipe', 'pipe', 'pipe'],
            timeout: 60_000,
          });
        } catch (error) {
          const stderr = String((error as { stderr?: unknown }).stderr ?? error);
          throw new Error(`the js block at ${where(block)} failed:\n${stderr}`);
        }
      },
      60_000,
    );
  });

  describe('ts blocks type-check', () => {
    const fileOf = new Map<Block, string>();
    const diagnostics = new Map<string, string[]>();

    beforeAll(() => {
      rmSync(blocksDir, { recursive: true, force: true });
      mkdirSync(blocksDir, { recursive: true });
      for (const block of tsBlocks) {
        const file = join(blocksDir, `${block.page.replace(/[^\w]+/g, '-')}-line-${block.line}.ts`);
        writeFileSync(file, block.code);
        fileOf.set(block, file);
      }
      const config = ts.readConfigFile(join(root, 'tsconfig.json'), ts.sys.readFile);
      const { options } = ts.parseJsonConfigFileContent(config.config, ts.sys, root);
      const program = ts.createProgram({
        rootNames: [...fileOf.values()],
        // Each block is a module of its own, even one with no import.
        options: { ...options, noEmit: true, skipLibCheck: true, moduleDetection: ts.ModuleDetectionKind.Force },
      });
      for (const diagnostic of ts.getPreEmitDiagnostics(program)) {
        const file = diagnostic.file?.fileName ?? '';
        const block = [...fileOf].find(([, path]) => resolve(path) === resolve(file))?.[0];
        const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
        if (block === undefined) {
          // A fault outside the blocks (options, a missing declaration file) fails every block.
          for (const path of fileOf.values())
            diagnostics.set(path, [...(diagnostics.get(path) ?? []), `TS${diagnostic.code}: ${message}`]);
          continue;
        }
        const { line } = ts.getLineAndCharacterOfPosition(diagnostic.file as ts.SourceFile, diagnostic.start ?? 0);
        const path = fileOf.get(block) as string;
        diagnostics.set(path, [
          ...(diagnostics.get(path) ?? []),
          `${block.page}:${block.line + 1 + line}: TS${diagnostic.code}: ${message}`,
        ]);
      }
    }, 120_000);

    afterAll(() => {
      rmSync(blocksDir, { recursive: true, force: true });
    });

    it.each(tsBlocks.map((block) => [where(block), block] as const))('%s', (_where, block) => {
      expect(diagnostics.get(fileOf.get(block) as string) ?? []).toEqual([]);
    });
  });
}
