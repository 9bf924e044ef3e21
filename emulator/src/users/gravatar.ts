/** The `picture` Auth0 gives a new user: a Gravatar URL that falls back to an avatar of the name's initials. */
import { md5Hex } from './md5.js';

/** Gravatar's URL for an email, with Auth0's avatar of the name's first two characters as the default image. */
export function gravatarUrl(email: string, name: string): string {
  const initials = [...name].slice(0, 2).join('').toLowerCase();
  const fallback = encodeURIComponent(`https://cdn.auth0.com/avatars/${initials}.png`);
  return `https://s.gravatar.com/avatar/${md5Hex(email.trim().toLowerCase())}?s=480&r=pg&d=${fallback}`;
}
