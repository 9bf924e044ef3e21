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

/** A new, empty outbox. */
export function createOutbox(): Outbox {
  let messages: readonly OutboxMessage[] = Object.freeze([]);
  return {
    view: () => messages,
    add(message) {
      messages = Object.freeze([...messages, Object.freeze({ ...message })]);
    },
    clear() {
      messages = Object.freeze([]);
    },
  };
}
