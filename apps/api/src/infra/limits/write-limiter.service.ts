import { Inject, Injectable } from '@nestjs/common';
import { RetryAfterException } from '../../common/http/retry-after.exception';
import { AppConfigService } from '../../config/app-config.service';
import { RATE_LIMIT_STORE, type RateLimitStore } from './rate-limit.store';

export type WriteKind = 'vitals' | 'uploads' | 'notes';

const WINDOW_MS = 3_600_000;

/**
 * Per-user allowance of writes by kind (VITALS_ / UPLOADS_ / NOTES_RATE_LIMIT_PER_HOUR), an hour from the first
 * write of the window. Every attempt counts, accepted or not, so the limit also bounds the work bad requests
 * cause. Summaries have their own limiter (SUMMARY_RATE_LIMIT_PER_HOUR).
 */
@Injectable()
export class WriteLimiterService {
  constructor(
    @Inject(RATE_LIMIT_STORE) private readonly store: RateLimitStore,
    private readonly config: AppConfigService,
  ) {}

  /** Counts one write of `kind` by the user; 429 with Retry-After once the hour's allowance is used. */
  async acquire(userId: string, kind: WriteKind): Promise<void> {
    const { count, resetAt } = await this.store.hit(`writes:${kind}:${userId}`, WINDOW_MS);
    if (count <= this.config.writeLimitsPerHour[kind]) return;
    throw new RetryAfterException(
      `Too many ${kind} writes in the last hour; try again later`,
      Math.max(1, Math.ceil((resetAt - Date.now()) / 1000)),
    );
  }
}
