import { Injectable } from '@nestjs/common';
import { AppConfigService } from '../../config/app-config.service';

const WINDOW_MS = 60_000;
/** Above this many tracked addresses, expired entries are swept before adding one. */
const SWEEP_THRESHOLD = 10_000;

/**
 * Per-IP limit on the auth routes: AUTH_RATE_LIMIT_PER_MINUTE rejected requests (wrong credentials or
 * tokens, taken emails) from one address within a sliding minute block that address's auth requests
 * until the oldest rejection is a minute old. Successful sign-ups and sign-ins do not
 * count, so busy but honest clients (a clinic behind one NAT address, a test suite) are not blocked.
 * Kept in process memory: every instance limits on its own (the per-account back-off is shared).
 */
@Injectable()
export class IpFailureLimiterService {
  private readonly failures = new Map<string, number[]>();

  constructor(private readonly config: AppConfigService) {}

  /** Seconds to wait when the address is blocked, else null. */
  retryAfterSeconds(ip: string, now = Date.now()): number | null {
    const recent = this.recent(ip, now);
    const limit = this.config.authRateLimitPerMinute;
    if (recent.length < limit) return null;
    return Math.max(1, Math.ceil((recent[recent.length - limit] + WINDOW_MS - now) / 1000));
  }

  recordFailure(ip: string, now = Date.now()): void {
    if (!this.failures.has(ip) && this.failures.size >= SWEEP_THRESHOLD) this.sweep(now);
    const recent = this.recent(ip, now);
    recent.push(now);
    this.failures.set(ip, recent);
  }

  private recent(ip: string, now: number): number[] {
    const kept = (this.failures.get(ip) ?? []).filter((t) => t > now - WINDOW_MS);
    if (kept.length) this.failures.set(ip, kept);
    else this.failures.delete(ip);
    return kept;
  }

  private sweep(now: number): void {
    for (const ip of [...this.failures.keys()]) this.recent(ip, now);
  }
}
