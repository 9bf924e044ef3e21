// A consumer of the built package through `import` (dist/index.d.ts), compiled with skipLibCheck: false.
import {
  applyPatch,
  diffUsers,
  PatchError,
  previewPatch,
  validatePatch,
  type Auth0User,
  type UserPatch,
} from 'auth0-user-patch';

const user = { user_id: 'auth0|1', user_metadata: { hobby: 'surfing', addresses: { home: '1 Home Road' } } };
const after = applyPatch(user, { user_metadata: { addresses: { work: '2 Work Way' } }, nickname: 'jd' });
const work: string = after.user_metadata.addresses.work;
const hobby: string = after.user_metadata.hobby;
const nickname: string = after.nickname;
// @ts-expect-error the home address is replaced whole, so it is gone from the type too
after.user_metadata.addresses.home;
// @ts-expect-error user_id is read-only
applyPatch(user, { user_id: 'auth0|2', blocked: true });

const refusal: PatchError | undefined = validatePatch({ blocked: 'yes' });
const body: { statusCode: number; error: string; message: string; errorCode: string } | undefined = refusal?.toJSON();
const bodies: UserPatch[] = diffUsers(user, after);
const loose: Auth0User = applyPatch(user as Auth0User, { blocked: true });
const codes: string[] = previewPatch(user, {}).warnings.map((warning) => warning.code);
export { body, bodies, codes, hobby, loose, nickname, work };
