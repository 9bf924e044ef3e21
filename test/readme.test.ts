/** Every `js` block of the README runs against the built package, so the documentation cannot drift. */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const blocks = [...readme.matchAll(/^```js\n([\s\S]*?)^```$/gm)].map((match) => match[1] as string);

describe('README examples', () => {
  it('has examples to run', () => {
    expect(blocks.length).toBeGreaterThan(3);
  });

  it.each(blocks.map((code, index) => [index + 1, code] as const))('block %i runs without a failed assertion', (_index, code) => {
    // Run from the project folder, where the package resolves to itself by name.
    execFileSync(process.execPath, ['--input-type=module'], { cwd: root, input: code, stdio: ['pipe', 'pipe', 'pipe'] });
  });
});
