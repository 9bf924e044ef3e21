/** The built `auth0-user-patch` bin, spawned as a user runs it: output and exit codes, bad input included. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'dist', 'cli.js');
const example = (name: string) => join(root, 'examples', 'auth0-page', name);
const scratch = mkdtempSync(join(tmpdir(), 'auth0-user-patch-cli-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const file = (name: string, text: string) => {
  const path = join(scratch, name);
  writeFileSync(path, text);
  return path;
};

function run(args: string[], input?: string, env: Record<string, string> = {}) {
  const { NO_COLOR: _ignored, ...rest } = process.env;
  const result = spawnSync(process.execPath, [bin, ...args], {
    input: input ?? '',
    encoding: 'utf8',
    env: { ...rest, ...env },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const user = example('user-with-home-address.json');
const workOnly = example('2-add-work-address-only.json');

describe('auth0-user-patch apply', () => {
  it('prints the resulting user as JSON', () => {
    const { code, stdout, stderr } = run(['apply', example('user.json'), example('1-add-home-address.json')]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual(JSON.parse(readFileSync(user, 'utf8')));
  });

  it("exits 1 with Auth0's error body on standard error for a refused patch", () => {
    const { code, stdout, stderr } = run(['apply', user, file('bad.json', '{"user_metadata":null}')]);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(JSON.parse(stderr)).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message:
        "Payload validation error: 'Expected type object but found type null' on property user_metadata (User metadata to which this user has read/write access.).",
      errorCode: 'invalid_body',
    });
  });

  it('reads one argument from standard input with -', () => {
    const { code, stdout } = run(['apply', user, '-'], '{"app_metadata":{}}');
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).not.toHaveProperty('app_metadata');
    expect(JSON.parse(run(['apply', '-', workOnly], readFileSync(user, 'utf8')).stdout).user_metadata).toEqual({
      hobby: 'surfing',
      addresses: { work: '100 Industrial Way, Anytown, ST 12345' },
    });
  });
});

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
});

describe('the rules of the user’s connection (rules 20 to 25) and --connection', () => {
  const google = JSON.stringify({
    user_id: 'google-oauth2|1',
    name: 'Jo',
    identities: [{ connection: 'google-oauth2', provider: 'google-oauth2', user_id: '1', isSocial: true }],
  });
  const database = JSON.stringify({ user_id: 'auth0|1', identities: [{ provider: 'auth0', connection: 'db' }] });

  it('says which rule refused the patch', () => {
    const { code, stdout, stderr } = run(['preview', file('google.json', google), '-'], '{"name":"Joanna"}');
    expect(code).toBe(1);
    expect(stdout.split('\n')[0]).toBe('Auth0 refuses this patch (400 operation_not_supported, rule 25):');
    expect(JSON.parse(stderr)).toMatchObject({ errorCode: 'operation_not_supported' });
  });

  it('says which rule changed what was sent', () => {
    const { code, stdout } = run(['preview', file('database.json', database), '-'], '{"email":"Jane@Example.com"}');
    expect(code).toBe(0);
    expect(stdout).toContain('  ! stored-in-lower-case at email (rule 21)\n');
    expect(stdout).toContain('  + email: "jane@example.com"\n');
  });

  it('takes the connection from --connection, a file or standard input, for apply, preview and diff', () => {
    const user = file('google.json', google);
    const settings =
      '{"name":"google-oauth2","strategy":"google-oauth2","options":{"set_user_root_attributes":"on_first_login"}}';
    const connection = file('connection.json', settings);
    expect(JSON.parse(run(['apply', user, '-', '--connection', connection], '{"name":"Joanna"}').stdout)).toMatchObject(
      {
        name: 'Joanna',
      },
    );
    expect(run(['preview', user, file('name.json', '{"name":"Joanna"}'), '--connection', '-'], settings).code).toBe(0);
    const after = file('after.json', JSON.stringify({ ...JSON.parse(google), name: 'Joanna' }));
    expect(run(['diff', user, after]).code).toBe(1);
    expect(JSON.parse(run(['diff', user, after, '--connection', connection]).stdout)).toEqual([{ name: 'Joanna' }]);
  });

  it.each([
    [['validate', 'x.json', '--connection', 'c.json'], '--connection goes with apply, preview and diff'],
    [['apply', 'u.json', 'p.json', '--connection='], "--connection takes the file that holds the user's connection"],
    [['apply', '-', 'p.json', '--connection', '-'], 'only one argument can read standard input (-)'],
  ])('%j says: %s (exit 2)', (args, message) => {
    expect(run(args)).toMatchObject({ code: 2, stderr: expect.stringContaining(message) as unknown });
  });

  it('exits 2 for a connection that is not an object or has a setting of the wrong type', () => {
    const user = file('database.json', database);
    const patch = file('blocked.json', '{"blocked":true}');
    expect(run(['apply', user, patch, '--connection', file('list.json', '[]')]).stderr).toContain(
      'list.json must hold a connection (a JSON object)',
    );
    const wrong = file('wrong.json', '{"options":{"requires_username":"yes"}}');
    expect(run(['apply', user, patch, '--connection', wrong])).toMatchObject({
      code: 2,
      stderr: `auth0-user-patch: ${wrong}: options.requires_username must be a boolean\nRun auth0-user-patch --help for usage.\n`,
    });
  });
});

describe('auth0-user-patch diff', () => {
  it('prints the PATCH bodies as JSON', () => {
    const after = file(
      'after.json',
      JSON.stringify({ ...JSON.parse(readFileSync(user, 'utf8')), username: 'jane', email: 'jane@example.org' }),
    );
    const { code, stdout } = run(['diff', user, after]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual([{ email: 'jane@example.org' }, { username: 'jane' }]);
  });

  it('prints [] for equal users', () => {
    expect(JSON.parse(run(['diff', user, user]).stdout)).toEqual([]);
  });

  it('exits 1 naming what no PATCH can change', () => {
    const after = file('moved.json', JSON.stringify({ ...JSON.parse(readFileSync(user, 'utf8')), user_id: 'auth0|2' }));
    const { code, stdout, stderr } = run(['diff', user, after]);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      'No PATCH turns this user into the other: a PATCH cannot give user_id the values of the second user.\n',
    );
  });
});

describe('auth0-user-patch validate', () => {
  it('exits 0 for a valid patch and 1 for a refused one', () => {
    expect(run(['validate', workOnly])).toMatchObject({ code: 0, stdout: 'valid\n' });
    const refused = run(['validate', '-'], '{"user_id":"auth0|2"}');
    expect(refused.code).toBe(1);
    expect(JSON.parse(refused.stderr).errorCode).toBe('invalid_body');
  });
});

describe('usage and bad input (exit code 2)', () => {
  it.each([
    [[], 'a command is missing'],
    [['frobnicate'], 'unknown command: frobnicate'],
    [['apply', 'one.json'], 'apply takes two files: <user.json> <patch.json>'],
    [['validate'], 'validate takes one file: <patch.json>'],
    [['apply', '-', '-'], 'only one argument can read standard input (-)'],
    [['validate', '--json', 'x.json'], '--json goes with preview only'],
    [['validate', '--nope', 'x.json'], "Unknown option '--nope'"],
  ])('%j says: %s', (args, message) => {
    const { code, stderr } = run(args);
    expect(code).toBe(2);
    expect(stderr).toContain(message);
    expect(stderr).toContain('Run auth0-user-patch --help for usage.');
  });

  it('names a file it cannot read', () => {
    const { code, stderr } = run(['validate', join(scratch, 'missing.json')]);
    expect(code).toBe(2);
    expect(stderr).toContain(`cannot read ${join(scratch, 'missing.json')}: ENOENT`);
  });

  it.each([
    ['{\n  "user_metadata": {\n    "a": 1,\n  }\n}', 'line 4, column 3 (position 37)'],
    ['{"a":}', 'line 1, column 6 (position 5)'],
    ['', 'line 1, column 1 (position 0)'],
  ])('names the file and the place of malformed JSON %j', (text, place) => {
    const path = file('malformed.json', text);
    const { code, stderr } = run(['validate', path]);
    expect(code).toBe(2);
    expect(stderr).toContain(`${path} is not valid JSON at ${place}`);
    expect(run(['validate', '-'], text).stderr).toContain(`standard input is not valid JSON at ${place}`);
  });

  it('requires the user to be a JSON object', () => {
    const { code, stderr } = run(['apply', file('array.json', '[]'), workOnly]);
    expect(code).toBe(2);
    expect(stderr).toContain('array.json must hold a user (a JSON object)');
  });
});

describe('--help and --version', () => {
  it('prints the usage', () => {
    const { code, stdout } = run(['--help']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Usage: auth0-user-patch <command> \[options\]/);
    for (const command of ['apply', 'preview', 'diff', 'validate']) expect(stdout).toContain(`  ${command} <`);
  });

  it('prints the version of package.json', () => {
    const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
    expect(run(['--version'])).toMatchObject({ code: 0, stdout: `${version}\n` });
  });
});

describe('auth0-user-patch serve', () => {
  it("points to the emulator's package, which has the command, with exit 2", () => {
    expect(run(['serve'])).toMatchObject({
      code: 2,
      stderr:
        "auth0-user-patch: serve is the emulator's command: npx auth0-user-patch-emulator serve (package auth0-user-patch-emulator)\n",
    });
  });

  it('knows no option of serve', () => {
    const { code, stderr } = run(['validate', '--port', '1', 'x.json']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^auth0-user-patch: Unknown option '--port'/);
  });
});
