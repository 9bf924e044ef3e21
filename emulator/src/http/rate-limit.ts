/** An opt-in global rate limit in fixed windows, answered with Auth0's 429 and `x-ratelimit-*` headers. */
import type { EmulatorResponse } from './exchange.js';
import { apiError } from './responses.js';

/**
 * Options of the emulator's rate limit: at most `limit` Management API requests in each window of
 * `windowSeconds`.
 *
 * @example
 * const rateLimit: RateLimitOptions = { limit: 2, windowSeconds: 1 };
 */
export type RateLimitOptions = {
  readonly limit: number;
  /** Defaults to 1. */
  readonly windowSeconds?: number;
};

/** Counts a request: the headers to add to its answer, and the 429 when the window's budget is spent. */
export type RateLimiter = (now: Date) => { headers: Record<string, string>; refusal?: EmulatorResponse };

/** A limiter for the options, or none. */
export function createRateLimiter(options: RateLimitOptions | undefined): RateLimiter | undefined {
  if (options === undefined) return undefined;
  const { limit, windowSeconds = 1 } = options;
  if (!Number.isInteger(limit) || limit < 1)
    throw new TypeError('createEmulator: options.rateLimit.limit must be a positive integer');
  if (!Number.isInteger(windowSeconds) || windowSeconds < 1) {
    throw new TypeError('createEmulator: options.rateLimit.windowSeconds must be a positive integer');
  }
  let windowEnd = 0;
  let used = 0;
  return (now) => {
    const seconds = Math.floor(now.getTime() / 1000);
    if (seconds >= windowEnd) {
      windowEnd = seconds + windowSeconds;
      used = 0;
    }
    used++;
    const headers = {
      'x-ratelimit-limit': String(limit),
      'x-ratelimit-remaining': String(Math.max(limit - used, 0)),
      'x-ratelimit-reset': String(windowEnd),
    };
    if (used <= limit) return { headers };
    const refusal = apiError(429, 'Global limit has been reached', 'too_many_requests');
    return { headers, refusal: { ...refusal, headers } };
  };
}
