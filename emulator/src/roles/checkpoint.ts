/**
 * Auth0's checkpoint paging (`from`/`take`) of a role's members. The `next` token Auth0 sends is base64 of the
 * assignment time and the last user_id (`2023-03-14 13:41:28.961000UTC,auth0|64107988d3534be8b2dc383c`, decoded
 * from a recording); the emulator's tokens have the same form.
 */
import { Refusal } from '../http/refusal.js';
import { validationError, validationMessage } from '../http/responses.js';
import { memberPosition, type Member } from './role-store.js';

/** The checkpoint after `member`. */
export function checkpointAfter(member: Member): string {
  const time = new Date(member.assignedAt).toISOString().replace('T', ' ').replace('Z', '000UTC');
  const bytes = new TextEncoder().encode(`${time},${member.userId}`);
  // A byte string for btoa, built in slices: spreading a long id's bytes as arguments would overflow the stack.
  let binary = '';
  for (let start = 0; start < bytes.length; start += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(start, start + 0x8000));
  return btoa(binary);
}

/**
 * Where the members after the checkpoint `from` start in `members` (sorted: found by bisection, so a page costs
 * what it returns), or a 400 for a token that is not one (quoting `from`'s description).
 */
export function positionAfter(members: readonly Member[], from: string, description: string): number {
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
  // The first member after (at, userId): past its position, and one further when it is that very member.
  const position = memberPosition(members, { userId, assignedAt: at });
  const found = members[position];
  return found !== undefined && found.assignedAt === at && found.userId === userId ? position + 1 : position;
}
