/**
 * A package's public API cannot drift from its examples: every export of its entry files, and every member of an
 * exported class or of an exported object type with methods, has an `@example`, and every example type-checks
 * against the source with the package's compiler options. Internals get no `@example` (a one-line comment at
 * most), so only the public ones are read. Output comments (`// 'user_metadata.addresses.home'`) are fine;
 * everything else in an example is code. Each package's test calls {@link checkPublicExamples}.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/** A package's public API: its folder, its entry files, and what its examples may use without importing it. */
export type PublicApi = {
  readonly root: string;
  readonly entries: readonly string[];
  /** Free names examples use, with the declaration the preamble gives them unless an example declares the name. */
  readonly freeNames: Readonly<Record<string, string>>;
  /** Imports every example gets besides the entries' exports (types its free names use, an SDK). */
  readonly imports: readonly string[];
  /** Names the public API must have (a sign that the entry files were read). */
  readonly expectedNames: readonly string[];
  /** The fewest examples the entries hold (another sign). */
  readonly minimumExamples: number;
};

/** A public declaration: an export, or a member of one (`PatchError.toJSON`); `required`: it must have an example. */
type PublicItem = {
  name: string;
  entry: string;
  isValue: boolean;
  required: boolean;
  declarations: readonly ts.Declaration[];
};
/** One `@example` of a public declaration; `line` is the 1-based line of its first code line. */
type Example = { name: string; file: string; line: number; code: string };

/** Where a node sits, as `src/...:line`. */
function where(root: string, node: ts.Node): string {
  const file = node.getSourceFile();
  return `${relative(root, file.fileName)}:${file.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
}

function isFromSource(root: string, declaration: ts.Declaration): boolean {
  return resolve(declaration.getSourceFile().fileName).startsWith(join(root, 'src'));
}

/** The public API, read from the entry files with the type checker, aliases followed to their declarations. */
function publicItems({ root, entries }: PublicApi, program: ts.Program): PublicItem[] {
  const checker = program.getTypeChecker();
  const items: PublicItem[] = [];
  const seen = new Set<ts.Symbol>();
  for (const entry of entries) {
    const file = program.getSourceFile(join(root, entry));
    const module = file === undefined ? undefined : checker.getSymbolAtLocation(file);
    if (module === undefined) throw new Error(`${entry}: not a module the program knows`);
    for (const exported of checker.getExportsOfModule(module)) {
      const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
      if (seen.has(symbol)) continue;
      seen.add(symbol);
      const declarations = (symbol.declarations ?? []).filter((declaration) => isFromSource(root, declaration));
      items.push({
        name: exported.name,
        entry,
        isValue: (symbol.flags & ts.SymbolFlags.Value) !== 0,
        required: true,
        declarations,
      });
      items.push(...memberItems(root, checker, exported.name, entry, symbol));
    }
  }
  return items;
}

/**
 * The public members of an exported class or object type. Those that must have an example: every member a class
 * declares, and every member of an object type that has methods (`Emulator`, `EmulatorServer`). A plain record's
 * fields (`Auth0User`, the options types) are shown by the type's own example; one that has an example is checked.
 */
function memberItems(
  root: string,
  checker: ts.TypeChecker,
  owner: string,
  entry: string,
  symbol: ts.Symbol,
): PublicItem[] {
  const isClass = (symbol.flags & ts.SymbolFlags.Class) !== 0;
  if (!isClass && !(symbol.flags & (ts.SymbolFlags.TypeAlias | ts.SymbolFlags.Interface))) return [];
  const type = checker.getDeclaredTypeOfSymbol(symbol);
  const members = checker
    .getPropertiesOfType(type)
    .map((member) => ({
      member,
      declarations: (member.declarations ?? []).filter((declaration) => isFromSource(root, declaration)),
    }))
    .filter(({ declarations }) => declarations.length > 0)
    .filter(
      ({ declarations }) =>
        !declarations.some(
          (declaration) =>
            ts.getCombinedModifierFlags(declaration) & (ts.ModifierFlags.Private | ts.ModifierFlags.Protected),
        ),
    );
  const hasMethods = members.some(({ declarations }) =>
    declarations.some((declaration) => ts.isMethodSignature(declaration) || ts.isMethodDeclaration(declaration)),
  );
  return members.map(({ member, declarations }) => ({
    name: `${owner}.${member.name}`,
    entry,
    isValue: false,
    required: isClass || hasMethods,
    declarations,
  }));
}

/** The `@example` blocks of a declaration, as code with the comment's ` * ` margin taken off. */
function examplesOf(root: string, item: PublicItem): Example[] {
  const examples: Example[] = [];
  for (const declaration of item.declarations) {
    for (const tag of ts.getJSDocTags(declaration)) {
      if (tag.tagName.text !== 'example') continue;
      const file = tag.getSourceFile();
      const text = file.text.slice(tag.tagName.end, tag.end);
      const start = file.getLineAndCharacterOfPosition(tag.tagName.end).line + 1;
      const lines = text.split('\n').map((line) => line.replace(/^\s*\*\/?\s?/, '').replace(/\s*\*\/\s*$/, ''));
      // The tag's own line holds nothing (the code starts on the next line); trailing blank lines go.
      if (lines[0]?.trim() !== '')
        throw new Error(`${where(root, tag)}: ${item.name}: put the example's code on the lines after @example`);
      const body = lines.slice(1);
      while (body.length > 0 && body[body.length - 1]?.trim() === '') body.pop();
      examples.push({ name: item.name, file: relative(root, file.fileName), line: start + 1, code: body.join('\n') });
    }
  }
  return examples;
}

/** The names an example declares at its top level: the preamble leaves those to it. */
function declaredNames(code: string): Set<string> {
  const names = new Set<string>();
  const add = (name: ts.BindingName) => {
    if (ts.isIdentifier(name)) names.add(name.text);
    else for (const element of name.elements) if (!ts.isOmittedExpression(element)) add(element.name);
  };
  const file = ts.createSourceFile('example.ts', code, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  for (const statement of file.statements) {
    if (ts.isVariableStatement(statement))
      for (const declaration of statement.declarationList.declarations) add(declaration.name);
    else if ((ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement)) && statement.name)
      names.add(statement.name.text);
    else if (
      ts.isTypeAliasDeclaration(statement) ||
      ts.isInterfaceDeclaration(statement) ||
      ts.isEnumDeclaration(statement)
    )
      names.add(statement.name.text);
    else if (ts.isImportDeclaration(statement) && statement.importClause) {
      const clause = statement.importClause;
      if (clause.name) names.add(clause.name.text);
      const bindings = clause.namedBindings;
      if (bindings && ts.isNamespaceImport(bindings)) names.add(bindings.name.text);
      if (bindings && ts.isNamedImports(bindings))
        for (const element of bindings.elements) names.add(element.name.text);
    }
  }
  return names;
}

/** The example as a module of its own: the whole public API imported, the free names declared, then its code. */
function moduleFor(
  api: PublicApi,
  example: Example,
  items: readonly PublicItem[],
): { text: string; preambleLines: number } {
  const own = declaredNames(example.code);
  const imports = api.entries.map((entry) => {
    const names = items
      .filter((item) => item.entry === entry && !item.name.includes('.') && !own.has(item.name))
      .map((item) => (item.isValue ? item.name : `type ${item.name}`));
    return `import { ${names.join(', ')} } from '../../${entry.replace(/\.ts$/, '.js')}';`;
  });
  const preamble = [
    ...imports,
    ...api.imports,
    ...Object.entries(api.freeNames)
      .filter(([name]) => !own.has(name))
      .map(([, declaration]) => declaration),
    'export {};',
    `// ${example.name}, ${example.file}:${example.line}`,
  ];
  return { text: `${preamble.join('\n')}\n${example.code}\n`, preambleLines: preamble.length };
}

/** Defines the checks: every public item that needs one has an `@example`, and every example type-checks. */
export function checkPublicExamples(api: PublicApi): void {
  const { root } = api;
  /** Where the examples are written to be compiled: inside the package, so imports resolve. */
  const examplesDir = join(root, 'test', '.jsdoc-examples');
  const config = ts.readConfigFile(join(root, 'tsconfig.json'), ts.sys.readFile);
  const { options } = ts.parseJsonConfigFileContent(config.config, ts.sys, root);
  const program = ts.createProgram({
    rootNames: api.entries.map((entry) => join(root, entry)),
    options: { ...options, noEmit: true },
  });
  const items = publicItems(api, program);
  const examples = items.flatMap((item) => examplesOf(root, item));
  const nameOf = (example: Example) => `${example.name} (${example.file}:${example.line})`;

  describe('the public API', () => {
    it('is found in the entry files', () => {
      const names = items.map((item) => item.name);
      expect(names).toEqual(expect.arrayContaining([...api.expectedNames]));
      expect(items.every((item) => item.declarations.length > 0)).toBe(true);
    });

    it.each(items.filter((item) => item.required).map((item) => [item.name, item] as const))(
      '%s has an @example',
      (name, item) => {
        const found = examplesOf(root, item);
        expect(
          found.length,
          `${name} (${item.declarations.map((declaration) => where(root, declaration)).join(', ')}) has no @example`,
        ).toBeGreaterThan(0);
      },
    );
  });

  describe('public examples type-check', () => {
    const fileOf = new Map<Example, { path: string; preambleLines: number }>();
    const diagnostics = new Map<Example, string[]>();

    beforeAll(() => {
      rmSync(examplesDir, { recursive: true, force: true });
      mkdirSync(examplesDir, { recursive: true });
      examples.forEach((example, index) => {
        const path = join(examplesDir, `${String(index).padStart(3, '0')}-${example.name.replace(/\W+/g, '-')}.ts`);
        const { text, preambleLines } = moduleFor(api, example, items);
        writeFileSync(path, text);
        fileOf.set(example, { path, preambleLines });
      });
      const checkProgram = ts.createProgram({
        rootNames: [...fileOf.values()].map(({ path }) => path),
        options: {
          ...options,
          noEmit: true,
          skipLibCheck: true,
          // Each example is a module of its own; an example may show a value without using it.
          moduleDetection: ts.ModuleDetectionKind.Force,
          noUnusedLocals: false,
          noUnusedParameters: false,
        },
      });
      for (const diagnostic of ts.getPreEmitDiagnostics(checkProgram)) {
        const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
        const file = diagnostic.file === undefined ? undefined : resolve(diagnostic.file.fileName);
        const example = [...fileOf].find(([, { path }]) => resolve(path) === file)?.[0];
        if (example === undefined) {
          // A fault outside the examples (options, the source itself) fails every example.
          for (const each of examples)
            diagnostics.set(each, [...(diagnostics.get(each) ?? []), `TS${diagnostic.code}: ${message}`]);
          continue;
        }
        const { preambleLines } = fileOf.get(example) as { preambleLines: number };
        const { line } = ts.getLineAndCharacterOfPosition(diagnostic.file as ts.SourceFile, diagnostic.start ?? 0);
        const at =
          line < preambleLines
            ? `${example.file}:${example.line} (preamble)`
            : `${example.file}:${example.line + line - preambleLines}`;
        diagnostics.set(example, [
          ...(diagnostics.get(example) ?? []),
          `${example.name}, ${at}: TS${diagnostic.code}: ${message}`,
        ]);
      }
    }, 120_000);

    afterAll(() => {
      rmSync(examplesDir, { recursive: true, force: true });
    });

    it('has examples to check', () => {
      expect(examples.length).toBeGreaterThanOrEqual(api.minimumExamples);
    });

    it.each(examples.map((example) => [nameOf(example), example] as const))('%s', (_name, example) => {
      // The first few messages say enough; prose in an example gives one per word.
      const found = diagnostics.get(example) ?? [];
      expect(found.length > 8 ? [...found.slice(0, 8), `... and ${found.length - 8} more`] : found).toEqual([]);
    });
  });
}
