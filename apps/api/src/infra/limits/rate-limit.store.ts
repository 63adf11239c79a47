/** The state of one counter after a hit. */
export interface RateLimitHit {
  /** Hits in the current window, this one included. */
  count: number;
  /** When the window ends and the counter starts again from zero (milliseconds since the epoch). */
  resetAt: number;
}

/**
 * Fixed-window counters keyed by string, shared by every API instance when the implementation is shared
 * (Redis: INCR + PEXPIRE NX). Expiry is by time only: a counter disappears `windowMs` after its first hit.
 * Keys are opaque to the store; callers hash anything personal (emails) before using it in a key.
 */
export interface RateLimitStore {
  /** Adds one hit to `key`; the first hit of a window starts a window of `windowMs`. Atomic per key. */
  hit(key: string, windowMs: number): Promise<RateLimitHit>;
  /** The current window of `key` without adding a hit; null when it has none. */
  peek(key: string): Promise<RateLimitHit | null>;
  /** Forgets `key` (e.g. a successful sign-in clears its failures). */
  reset(key: string): Promise<void>;
}

/** Injection token of the configured RateLimitStore. */
export const RATE_LIMIT_STORE = Symbol('RATE_LIMIT_STORE');
