/** `auth0-user-patch preview --html`, spawned from the build: where the report goes, and the exit codes. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root, run, scratchFolder } from '../../support/cli.js';

// Relative to the root, where the CLI runs: the report names its sources as given.
const example = (name: string) => join('examples', 'auth0-page', name);
const { dir: scratch } = scratchFolder('cli-html');
const user = example('user-with-home-address.json');
const workOnly = example('2-add-work-address-only.json');

describe('auth0-user-patch preview --html', () => {
  it('writes the report to the file named and says so', () => {
    const out = join(scratch, 'report.html');
    const { code, stdout, stderr } = run(['preview', user, workOnly, '--html', out]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toBe(`Wrote ${out}: 2 changes, 1 warning\n`);
    const html = readFileSync(out, 'utf8');
    expect(html).toMatch(/^<!doctype html>\n<html lang="en">/);
    expect(html).toContain(
      '<a href="#t-before/user_metadata/addresses/home"><code>user_metadata.addresses.home</code></a>',
    );
    expect(html).toContain(`User <code>${user}</code>, patch <code>${workOnly}</code>`);
  });

  it('writes the report to standard output for -, and names standard input as a source', () => {
    const { code, stdout, stderr } = run(
      ['preview', '--html', '-', user, '-'],
      readFileSync(join(root, workOnly), 'utf8'),
    );
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^<!doctype html>[\s\S]*<\/html>\n$/);
    expect(stdout).toContain('patch <code>standard input</code>');
  });

  it("still writes the report for a refused patch, and exits 1 with Auth0's body on standard error", () => {
    const out = join(scratch, 'refused.html');
    const { code, stdout, stderr } = run(['preview', user, '-', `--html=${out}`], '{"blocked":"yes"}');
    expect(code).toBe(1);
    expect(stdout).toBe(`Wrote ${out}: Auth0 refuses the patch\n`);
    expect(JSON.parse(stderr)).toMatchObject({ statusCode: 400, errorCode: 'invalid_body' });
    expect(readFileSync(out, 'utf8')).toContain('Auth0 refuses this patch: 400 Bad Request (invalid_body)');
  });

  it.each([
    [['preview', user, workOnly, '--html'], "Option '--html <value>' argument missing"],
    [['preview', user, workOnly, '--html='], '--html takes the file to write the report to (- for standard output)'],
    [['preview', user, workOnly, '--json', '--html', 'x.html'], '--json and --html go separately'],
    [['apply', user, workOnly, '--html', 'x.html'], '--html goes with preview only'],
    [
      ['preview', user, workOnly, '--html', join(scratch, 'no', 'such', 'folder', 'x.html')],
      `cannot write ${join(scratch, 'no', 'such', 'folder', 'x.html')}: ENOENT`,
    ],
  ])('exits 2 for %j', (args, message) => {
    const { code, stdout, stderr } = run(args);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(`auth0-user-patch: ${message}`);
    expect(existsSync(join(root, 'x.html'))).toBe(false);
  });

  it('lists --html in its usage', () => {
    expect(run(['--help']).stdout).toContain(
      '--html F        preview: write an HTML report to file F instead (- for standard output)',
    );
  });
});
