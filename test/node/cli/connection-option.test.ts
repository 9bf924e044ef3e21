/** The CLI and the connection rules (rules 20 to 25): the rule a refusal or a change names, and --connection. */
import { describe, expect, it } from 'vitest';
import { run, scratchFolder } from '../../support/cli.js';

const { file } = scratchFolder('cli-connection');

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
