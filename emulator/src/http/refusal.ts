/** An answer that ends a request early, thrown from deep in a handler and sent as it is. */
import type { EmulatorResponse } from './exchange.js';

/** Thrown by a handler to answer with `response`. */
export class Refusal extends Error {
  constructor(readonly response: EmulatorResponse) {
    super('refused');
  }
}
