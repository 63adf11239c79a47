/** First delay once an account has reached LOGIN_MAX_FAILURES failures; each further failure doubles it. */
export const SLOWDOWN_BASE_MS = 250;

/** Failures beyond LOGIN_MAX_FAILURES after which the delay stops doubling. */
const MAX_DOUBLINGS = 30;

/**
 * The per-account slow-down: no delay below `maxFailures` failures of the account (from every address) in
 * the window, then 250 ms doubling per further failure, capped at `capMs`. A delay, never a refusal: the
 * owner signing in from their own address waits at most `capMs`, however long an attacker keeps failing.
 */
export function slowdownMs(accountFailures: number, maxFailures: number, capMs: number): number {
  if (accountFailures < maxFailures || capMs <= 0) return 0;
  const doublings = Math.min(accountFailures - maxFailures, MAX_DOUBLINGS);
  return Math.min(SLOWDOWN_BASE_MS * 2 ** doublings, capMs);
}

/**
 * How many of an account's newest failures must be kept for its slow-down to come out as if all were: the
 * delay stops growing `MAX_DOUBLINGS` failures past `maxFailures`, and a success takes back at most one
 * (account, address) pair's failures, `maxFailures` of them. Bounds the per-account log, however many
 * addresses an attacker fails from.
 */
export function slowdownLogSize(maxFailures: number): number {
  return 2 * maxFailures + MAX_DOUBLINGS;
}
