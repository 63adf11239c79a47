import { Inject, Injectable } from '@nestjs/common';
import { AppConfigService } from '../../config/app-config.service';
import { RATE_LIMIT_STORE, type RateLimitStore } from '../../infra/limits/rate-limit.store';

const WINDOW_MS = 60_000;

/**
 * Per-address limit on the auth routes: AUTH_RATE_LIMIT_PER_MINUTE rejected requests (wrong credentials or
 * tokens, taken emails, and refused attempts: 429s, including this limit's own) from one address within a
 * minute block that address's auth requests until the minute is over. Refusals count, so an address that
 * keeps polling a throttled account is blocked itself. Successful sign-ups and sign-ins do not count, so busy
 * but honest clients (a clinic behind one NAT address, a test suite) are not blocked. Counted in the
 * RateLimitStore (shared by every instance when the store is).
 */
@Injectable()
export class IpFailureLimiterService {
  constructor(
    @Inject(RATE_LIMIT_STORE) private readonly store: RateLimitStore,
    private readonly config: AppConfigService,
  ) {}

  /** Seconds to wait when the address is blocked, else null. */
  async retryAfterSeconds(ip: string): Promise<number | null> {
    const window = await this.store.peek(this.key(ip));
    if (!window || window.count < this.config.authRateLimitPerMinute) return null;
    return Math.max(1, Math.ceil((window.resetAt - Date.now()) / 1000));
  }

  async recordFailure(ip: string): Promise<void> {
    await this.store.hit(this.key(ip), WINDOW_MS);
  }

  private key(ip: string): string {
    return `auth-failures:${ip}`;
  }
}
