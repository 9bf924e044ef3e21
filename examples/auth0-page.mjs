// The example of Auth0's page "Update Metadata with the Management API", run through the built package:
// the user before, each PATCH body, and the user Auth0 stores after it.
import { readFileSync, readdirSync } from 'node:fs';
import { applyPatch } from 'auth0-user-patch';

const folder = new URL('./auth0-page/', import.meta.url);
const read = (name) => JSON.parse(readFileSync(new URL(name, folder), 'utf8'));
const show = (value) => JSON.stringify(value, null, 2);

let user = read('user.json');
console.log(`The user before:\n${show(user)}\n`);
for (const name of readdirSync(folder)
  .filter((file) => /^\d/.test(file))
  .sort()) {
  const patch = read(name);
  const before = user;
  user = applyPatch(user, patch);
  console.log(`PATCH /api/v2/users/${encodeURIComponent(user.user_id)}  (${name})\n${show(patch)}\n`);
  console.log(`The user after:\n${show(user)}\n`);
  if (name.startsWith('2-')) {
    console.log('Step 2 replaced "addresses" whole and lost the home address: the next patch sends both.\n');
    user = before;
  }
}
