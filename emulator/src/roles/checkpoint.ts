/**
 * Auth0's checkpoint paging (`from`/`take`) of a role's members. The `next` token Auth0 sends is base64 of the
 * assignment time and the last user_id (`2023-03-14 13:41:28.961000UTC,auth0|64107988d3534be8b2dc383c`, decoded
 * from a recording); the emulator's tokens have the same form.
 */
import { Refusal } from '../http/refusal.js';
import { validationError, validationMessage } from '../http/responses.js';
import type { Member } from './role-store.js';

/** The checkpoint after `member`. */
export function checkpointAfter(member: Member): string {
  const time = new Date(member.assignedAt).toISOString().replace('T', ' ').replace('Z', '000UTC');
  return btoa(String.fromCharCode(...new TextEncoder().encode(`${time},${member.userId}`)));
}

/** The members after the checkpoint `from`, or a 400 for a token that is not one (quoting `from`'s description). */
export function membersAfter(members: readonly Member[], from: string, description: string): Member[] {
  const invalid = () =>
    new Refusal(
      validationError('query', validationMessage('query', 'Invalid checkpoint', { path: 'from', description })),
    );
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(atob(from), (char) => char.charCodeAt(0)));
  } catch {
    throw invalid();
  }
  const [, day, time, userId] = /^(\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d\.\d{3})\d{3}UTC,(.+)$/s.exec(text) ?? [];
  const at = Date.parse(`${day}T${time}Z`);
  if (userId === undefined || Number.isNaN(at)) throw invalid();
  return members.filter((member) => member.assignedAt > at || (member.assignedAt === at && member.userId > userId));
}
