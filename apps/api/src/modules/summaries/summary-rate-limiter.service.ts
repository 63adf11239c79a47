import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { AuthUser } from '../../common/http/auth-user';
import { AppConfigService } from '../../config/app-config.service';
import { AuditService } from '../../infra/audit/audit.service';
import { SLIDING_WINDOW_STORE, type SlidingWindowStore } from '../../infra/limits/sliding-window.store';
import { SummaryRateLimitException } from './summary-rate-limit.exception';

const WINDOW_MS = 3_600_000;

/**
 * SUMMARY_RATE_LIMIT_PER_HOUR generations per requester over a sliding hour, kept in the SlidingWindowStore
 * (Redis with REDIS_URL, so shared by every API instance; else in this process). Check and add are one atomic
 * step, so a burst of parallel requests cannot all pass a count taken before any of them was stored (each would
 * cost an AI call): of N parallel requests with room for L, exactly L go ahead. A refused attempt is not
 * stored, does not count, and is audited as denied. Attempts count whether or not the generation then succeeds.
 */
@Injectable()
export class SummaryRateLimiterService {
  constructor(
    @Inject(SLIDING_WINDOW_STORE) private readonly store: SlidingWindowStore,
    private readonly config: AppConfigService,
    private readonly audit: AuditService,
  ) {}

  async acquire(actor: AuthUser, patientId: string): Promise<void> {
    const window = { limit: this.config.summaryRateLimitPerHour, windowMs: WINDOW_MS };
    const result = await this.store.acquire(this.key(actor.id), randomUUID(), window);
    if (result.acquired) return;
    await this.audit.record({ actor, action: 'summary.create', resourceType: 'summary', patientId, outcome: 'denied' });
    throw new SummaryRateLimitException(Math.max(1, Math.ceil(result.retryAfterMs / 1000)));
  }

  /** Forgets the requester's generation log (account erasure). */
  async forget(requesterId: string): Promise<void> {
    await this.store.clear(this.key(requesterId));
  }

  private key(requesterId: string): string {
    return `summaries:${requesterId}`;
  }
}
