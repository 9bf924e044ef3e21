/** `auth0-user-patch preview`, spawned from the build: changes and warnings, --json, colour, escaped controls, a deep user. */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { bin, deepUser, example, hasRawControl, run, scratchFolder } from '../../support/cli.js';

const { file } = scratchFolder('cli');
const user = example('user-with-home-address.json');
const workOnly = example('2-add-work-address-only.json');

describe('auth0-user-patch preview', () => {
  it('reports changes and warnings, without colour when not on a terminal', () => {
    const { code, stdout } = run(['preview', user, workOnly]);
    expect(code).toBe(0);
    expect(stdout).not.toContain('\u001b[');
    expect(stdout).toContain('Preview: 2 changes, 1 warning');
    expect(stdout).toContain('  - user_metadata.addresses.home: "123 Main Street, Anytown, ST 12345"');
    expect(stdout).toContain('  + user_metadata.addresses.work: "100 Industrial Way, Anytown, ST 12345"');
    expect(stdout).toContain('  ! nested-key-dropped at user_metadata.addresses.home');
  });

  it('prints the preview object with --json', () => {
    const { code, stdout } = run(['preview', '--json', user, workOnly]);
    expect(code).toBe(0);
    const preview = JSON.parse(stdout);
    expect(preview.warnings.map((warning: { code: string }) => warning.code)).toEqual(['nested-key-dropped']);
    expect(preview.user.user_metadata.addresses).toEqual({ work: '100 Industrial Way, Anytown, ST 12345' });
  });

  it('exits 1 for a refused patch, with the body on standard error', () => {
    const { code, stdout, stderr } = run(['preview', user, file('empty.json', '{}')]);
    expect(code).toBe(1);
    expect(stdout).toContain('Auth0 refuses this patch (400 invalid_body)');
    expect(JSON.parse(stderr).message).toMatch(/^Payload validation error: 'None of the valid schemas were met'/);
  });

  const hasScript = spawnSync('script', ['--version']).status === 0;
  it.runIf(hasScript)('colours on a terminal, and never with NO_COLOR', () => {
    const command = `${JSON.stringify(process.execPath)} ${JSON.stringify(bin)} preview ${JSON.stringify(user)} ${JSON.stringify(workOnly)}`;
    const onTerminal = spawnSync('script', ['-qec', command, '/dev/null'], {
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '' },
    });
    expect(onTerminal.stdout).toContain('\u001b[32m  + user_metadata.addresses.work');
    const noColor = spawnSync('script', ['-qec', command, '/dev/null'], {
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
    });
    expect(noColor.stdout).toContain('  + user_metadata.addresses.work');
    expect(noColor.stdout).not.toContain('\u001b[');
  });

  it('previews a user 5,000 levels deep that the patch does not touch', () => {
    const user = file(
      'deep-user.json',
      JSON.stringify({ nickname: 'jd' }).replace('}', `,"user_metadata":${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}}`),
    );
    const { code, stdout, stderr } = run(['preview', user, file('nick.json', '{"nickname":"jane"}')]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('~ nickname: "jd" -> "jane"');
  }, 60_000);

  it('escapes control and bidirectional characters of keys and values in the preview', () => {
    const user = file(
      'controls.json',
      JSON.stringify({ user_metadata: { ['k\u001b[2J\u009b31m']: 'v\u202e\u0007', keep: { ['\u2066x']: 1 } } }),
    );
    const patch = file(
      'controls-patch.json',
      JSON.stringify({
        user_metadata: { ['k\u001b[2J\u009b31m']: 'w\u009b', keep: { y: '\u202a' }, ['\u2069gone']: null },
      }),
    );
    const { stdout } = run(['preview', user, patch]);
    expect(stdout).toContain('Changes');
    expect(stdout).toContain('\\u009b');
    expect(hasRawControl(stdout)).toBe(false);
  });

  it('preview --json prints a user 5,000 levels deep', () => {
    const { code, stdout, stderr } = run([
      'preview',
      '--json',
      file('deep.json', deepUser('jd')),
      file('nick.json', '{"nickname":"jane"}'),
    ]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(JSON.parse(stdout).changes).toEqual([
      { path: 'nickname', pathSegments: ['nickname'], kind: 'changed', before: 'jd', after: 'jane' },
    ]);
  }, 60_000);
});
