/**
 * The route catalogue is generated: src/routes/management-api.generated.ts is exactly what `npm run generate:routes`
 * makes from the stored snapshot spec/management-api.json, and the snapshot says where it comes from.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const generator = join(root, 'scripts', 'generate-route-catalogue.mjs');
const generated = join(root, 'src', 'routes', 'management-api.generated.ts');

function check(output?: string) {
  const args = [generator, '--check', ...(output === undefined ? [] : ['--output', output])];
  const result = spawnSync(process.execPath, args, { encoding: 'utf8' });
  return { code: result.status, stderr: result.stderr };
}

describe('the generated route catalogue', () => {
  it('is what the generator makes from the stored snapshot', () => {
    expect(check()).toEqual({ code: 0, stderr: '' });
  });

  it('is told apart from a hand-edited copy', () => {
    const scratch = mkdtempSync(join(tmpdir(), 'auth0-user-patch-emulator-catalogue-'));
    try {
      const edited = join(scratch, 'management-api.generated.ts');
      writeFileSync(
        edited,
        readFileSync(generated, 'utf8').replace("scopes: ['read:roles']", "scopes: ['read:users']"),
      );
      expect(check(edited)).toEqual({
        code: 1,
        stderr: `${edited} is not what npm run generate:routes makes from emulator/spec/management-api.json\n`,
      });
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });

  it('comes from a snapshot that names its sources', () => {
    const snapshot = JSON.parse(readFileSync(join(root, 'spec', 'management-api.json'), 'utf8')) as {
      sources: Record<string, Record<string, unknown>>;
    };
    expect(snapshot.sources['oas']).toMatchObject({
      repository: 'github.com/auth0/docs-v2',
      path: 'main/docs/oas/management/v2/management-api-oas.json',
      commit: expect.stringMatching(/^[0-9a-f]{40}$/),
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(snapshot.sources['pages']).toMatchObject({ commit: expect.stringMatching(/^[0-9a-f]{40}$/) });
    expect(snapshot.sources['sdk']).toMatchObject({ package: 'auth0', version: expect.stringMatching(/^7\./) });
  });
});
