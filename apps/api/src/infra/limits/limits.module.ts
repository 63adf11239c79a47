import { Global, Module } from '@nestjs/common';
import { LIMIT_STORE_PROVIDERS } from '../redis/limit-stores';
import { RATE_LIMIT_STORE } from './rate-limit.store';
import { REVOKED_SESSION_STORE } from './revoked-session.store';
import { SLIDING_WINDOW_STORE } from './sliding-window.store';
import { WriteLimitGuard } from './write-limit.guard';
import { WriteLimiterService } from './write-limiter.service';

/**
 * The fixed-window counters and sliding-window logs behind every rate limit, and the revoked-session list,
 * behind Symbol tokens: Redis (shared by every instance) when REDIS_URL is set, else in-process
 * (infra/redis/limit-stores.ts), never chosen inside features; and the per-user write limits built on them
 * (`@WriteLimit(kind)`).
 */
@Global()
@Module({
  providers: [...LIMIT_STORE_PROVIDERS, WriteLimiterService, WriteLimitGuard],
  exports: [RATE_LIMIT_STORE, REVOKED_SESSION_STORE, SLIDING_WINDOW_STORE, WriteLimiterService, WriteLimitGuard],
})
export class LimitsModule {}
