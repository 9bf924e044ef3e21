/**
 * The `profileData` of a linked identity: the profile attributes of the user it was, as Auth0's recordings show
 * them. Auth0 keeps the attributes the identity provider gave; attributes Auth0 derived itself (a `name` that is
 * the email, a `nickname` that is the email's local part, a Gravatar `picture`) do not appear in the recordings,
 * so the emulator leaves those out.
 */
import type { Auth0User } from 'auth0-user-patch';

const PROFILE = [
  'name',
  'email',
  'given_name',
  'family_name',
  'username',
  'nickname',
  'picture',
  'email_verified',
  'phone_number',
  'phone_verified',
] as const;

/** The profile of `user` to keep in its identity's `profileData`. */
export function profileData(user: Auth0User): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const key of PROFILE) {
    const value = user[key];
    if (value === undefined || derived(user, key, value)) continue;
    data[key] = value;
  }
  return data;
}

function derived(user: Auth0User, key: string, value: unknown): boolean {
  if (key === 'name') return value === user.email || value === user.phone_number;
  if (key === 'nickname') return typeof user.email === 'string' && value === user.email.split('@')[0];
  if (key === 'picture') return typeof value === 'string' && value.startsWith('https://s.gravatar.com/avatar/');
  return false;
}

/** The root attributes of a user made again from an unlinked identity's `profileData`. */
export function profileAttributes(data: unknown): Auth0User {
  if (typeof data !== 'object' || data === null) return {};
  const attributes: Record<string, unknown> = {};
  for (const key of PROFILE)
    if ((data as Record<string, unknown>)[key] !== undefined) attributes[key] = (data as Record<string, unknown>)[key];
  return attributes as Auth0User;
}
