/** The bundled example of Auth0's page runs through the built package and ends where the page says. */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

it('walks through every step of the Auth0 page', () => {
  const script = fileURLToPath(new URL('../../examples/auth0-page.mjs', import.meta.url));
  const output = execFileSync(process.execPath, [script], { encoding: 'utf8' });
  expect(output.match(/^PATCH \/api\/v2\/users\/auth0%7C507f1f77bcf86cd799439020/gm)).toHaveLength(5);
  expect(output).toContain('Step 2 replaced "addresses" whole and lost the home address');
  const last = output.slice(output.lastIndexOf('The user after:') + 'The user after:'.length);
  expect(JSON.parse(last)).toEqual({
    user_id: 'auth0|507f1f77bcf86cd799439020',
    email: 'jane.doe@example.com',
    user_metadata: {},
  });
});
