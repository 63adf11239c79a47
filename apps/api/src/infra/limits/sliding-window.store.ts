/** How many entries a log may hold within how long a window. */
export interface WindowLimit {
  /** Entries at most within the window (acquire refuses beyond it; record keeps only the newest this many). */
  limit: number;
  /** The window's length: an entry counts for `windowMs` after it was added, then leaves the log. */
  windowMs: number;
}

/** The answer to an acquire: the entry was added, or refused with the time until the log has room again. */
export type WindowAcquire = { acquired: true } | { acquired: false; retryAfterMs: number };

/**
 * Sliding-window logs keyed by string: each key holds timestamped entries (ids chosen by the caller), counted
 * exactly over the last `windowMs` rather than in fixed windows, and each entry can be taken back. Shared by
 * every API instance when the implementation is shared (Redis: a sorted set per key and one Lua script per
 * operation, so a check-and-add is atomic across instances). A key disappears once its newest entry has left
 * its window. Keys are opaque to the store; callers hash anything personal (emails, addresses) first.
 */
export interface SlidingWindowStore {
  /**
   * Adds `entry` to `key` unless `limit` entries are already within the window, atomically (of N parallel
   * calls on a key with room for L, exactly L succeed). A refusal adds nothing; its `retryAfterMs` is the time
   * until enough entries have left the window for one more.
   */
  acquire(key: string, entry: string, window: WindowLimit): Promise<WindowAcquire>;
  /**
   * Adds `entry` to `key` whatever it holds, keeping only the newest `limit` entries; answers how many were
   * within the window before this one. For logs that are counted but never refuse (they only slow down).
   */
  record(key: string, entry: string, window: WindowLimit): Promise<number>;
  /** Takes entries back out of `key` (an attempt that should not count after all). */
  remove(key: string, entries: readonly string[]): Promise<void>;
  /** Forgets `key`, answering the ids of the entries it held. */
  clear(key: string): Promise<string[]>;
}

/** Injection token of the configured SlidingWindowStore. */
export const SLIDING_WINDOW_STORE = Symbol('SLIDING_WINDOW_STORE');
