import { Global, Module } from '@nestjs/common';
import { MemoryRateLimitStore } from './memory-rate-limit.store';
import { MemoryRevokedSessionStore } from './memory-revoked-session.store';
import { RATE_LIMIT_STORE } from './rate-limit.store';
import { REVOKED_SESSION_STORE } from './revoked-session.store';
import { WriteLimitGuard } from './write-limit.guard';
import { WriteLimiterService } from './write-limiter.service';

/**
 * The counters behind every rate limit and the revoked-session list, behind Symbol tokens so a shared
 * implementation (Redis, chosen by configuration) can replace the in-process one without touching features;
 * and the per-user write limits built on them (`@WriteLimit(kind)`).
 */
@Global()
@Module({
  providers: [
    { provide: RATE_LIMIT_STORE, useFactory: () => new MemoryRateLimitStore() },
    { provide: REVOKED_SESSION_STORE, useFactory: () => new MemoryRevokedSessionStore() },
    WriteLimiterService,
    WriteLimitGuard,
  ],
  exports: [RATE_LIMIT_STORE, REVOKED_SESSION_STORE, WriteLimiterService, WriteLimitGuard],
})
export class LimitsModule {}
