/** What the tenant would have emailed: nothing is sent, every message lands in the outbox for a test to read. */

/**
 * One email the tenant would have sent: a verification email (on `POST /users`, on a `PATCH /users/{id}` that
 * changes the email with `verify_email: true`, or by `POST /jobs/verification-email`) or the ticket URL of a
 * password-change or email-verification ticket (`POST /tickets/...`), which an app usually emails itself.
 *
 * @example
 * const message: OutboxMessage = { type: 'verification_email', user_id: 'auth0|1', email: 'jane@example.com', created_at: '2026-11-26T12:00:00.000Z' };
 */
export type OutboxMessage = {
  readonly type: 'verification_email' | 'password_change' | 'email_verification';
  readonly user_id: string;
  readonly email: string;
  /** The ticket URL, for tickets. */
  readonly ticket?: string;
  readonly created_at: string;
};

/** The outbox, in the order the messages were requested. */
export type Outbox = {
  /** A frozen snapshot of the messages so far. */
  readonly view: () => readonly OutboxMessage[];
  add(message: OutboxMessage): void;
  clear(): void;
};

/** A new, empty outbox: a message is appended in constant time, and a snapshot is made when read after a change. */
export function createOutbox(): Outbox {
  const messages: OutboxMessage[] = [];
  let snapshot: readonly OutboxMessage[] | undefined;
  return {
    view: () => (snapshot ??= Object.freeze([...messages])),
    add(message) {
      messages.push(Object.freeze({ ...message }));
      snapshot = undefined;
    },
    clear() {
      messages.length = 0;
      snapshot = undefined;
    },
  };
}
