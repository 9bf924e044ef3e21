/**
 * A patch the types refuse gets a compile error that names the rule it breaks, not only "not assignable to type
 * 'never'": this compiles a small file against the source with the TypeScript API and reads tsc's messages.
 */
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type * as TypeScript from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';

const ts = createRequire(import.meta.url)('typescript') as typeof TypeScript;
const root = fileURLToPath(new URL('../..', import.meta.url));
const file = fileURLToPath(new URL('./refused-patches.virtual.ts', import.meta.url));

/** Each line a call whose first diagnostic must contain the expected text. */
const cases: [call: string, message: string][] = [
  [`applyPatch(user, { app_metadata: { email: 'x' } });`, `"app_metadata key 'email' is reserved by Auth0"`],
  [
    `applyPatch(user, { app_metadata: { blocked: true, plan: 'free' } });`,
    `"app_metadata key 'blocked' is reserved by Auth0"`,
  ],
  [`applyPatch(user, { app_metadata: { user_id: { a: 1 } } });`, `"app_metadata key 'user_id' is reserved by Auth0"`],
  [`applyPatch(user, { app_metadata: { email: null } });`, `"app_metadata key 'email' is reserved by Auth0"`],
  [
    `applyPatch(user, { user_metadata: { 'preference.color': 'pink' } });`,
    `"metadata key 'preference.color' must not contain '.' or '$'"`,
  ],
  [
    `applyPatch(user, { user_metadata: { preference: { $set: 1 } } });`,
    `"metadata key '$set' must not contain '.' or '$'"`,
  ],
  [
    `applyPatch(user, { app_metadata: { list: [{ 'a.b': [1] }] } });`,
    `"metadata key 'a.b' must not contain '.' or '$'"`,
  ],
  [
    `applyPatch(user, { user_metadata: { deep: { 'x.y': null } } });`,
    `"metadata key 'x.y' must not contain '.' or '$'"`,
  ],
  [`applyPatch(user, { user_id: 'auth0|2', blocked: true });`, `"'user_id' is not an attribute a PATCH may write"`],
  [`applyPatch(user, { favourite: 'tea', nickname: 'x' });`, `"'favourite' is not an attribute a PATCH may write"`],
];

let messages: string[][];

beforeAll(() => {
  const config = ts.getParsedCommandLineOfConfigFile(
    `${root}tsconfig.json`,
    {},
    { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} },
  );
  if (config === undefined) throw new Error('tsconfig.json does not parse');
  const text = [
    `import { applyPatch } from '../../src/index.js';`,
    `const user = { user_id: 'auth0|1', user_metadata: { hobby: 'surfing' } };`,
    ...cases.map(([call]) => call),
  ].join('\n');
  const host = ts.createCompilerHost(config.options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, version, ...rest) =>
    name === file ? ts.createSourceFile(name, text, version) : getSourceFile(name, version, ...rest);
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (name) => name === file || fileExists(name);
  const program = ts.createProgram({ rootNames: [file], options: { ...config.options, noUnusedLocals: false }, host });
  messages = cases.map(() => []);
  for (const diagnostic of ts.getPreEmitDiagnostics(program)) {
    const line =
      diagnostic.file?.fileName === file
        ? diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start ?? 0).line - 2
        : -1;
    const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
    if (line < 0 || line >= cases.length) throw new Error(`unexpected diagnostic: ${message}`);
    messages[line]!.push(message);
  }
}, 60_000);

describe('the compile error of a refused patch names the rule', () => {
  it.each(cases.map(([call, message], index) => ({ call, message, index })))('$call', ({ message, index }) => {
    expect(messages[index]).not.toEqual([]);
    expect(messages[index]!.join('\n')).toContain(message);
    expect(messages[index]!.join('\n')).not.toMatch(/to type 'never'/);
  });
});
