/** First delay once an account has reached LOGIN_MAX_FAILURES failures; each further failure doubles it. */
export const SLOWDOWN_BASE_MS = 250;

/**
 * The per-account slow-down: no delay below `maxFailures` failures of the account (from every address) in
 * the window, then 250 ms doubling per further failure, capped at `capMs`. A delay, never a refusal: the
 * owner signing in from their own address waits at most `capMs`, however long an attacker keeps failing.
 */
export function slowdownMs(accountFailures: number, maxFailures: number, capMs: number): number {
  if (accountFailures < maxFailures || capMs <= 0) return 0;
  const doublings = Math.min(accountFailures - maxFailures, 30);
  return Math.min(SLOWDOWN_BASE_MS * 2 ** doublings, capMs);
}
