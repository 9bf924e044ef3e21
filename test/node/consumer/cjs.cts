// A consumer of the built package through `require` (dist/index.d.cts), compiled with skipLibCheck: false.
import patch = require('auth0-user-patch');

const after = patch.applyPatch({ app_metadata: { plan: 'full', tier: 1 } }, { app_metadata: { tier: null } });
const plan: string = after.app_metadata.plan;
// @ts-expect-error the tier was deleted with null
after.app_metadata.tier;
const error: patch.PatchError | undefined = patch.validatePatch({});
export = { plan, error };
