import type { Provider } from '@nestjs/common';
import { MemoryRateLimitStore } from '../limits/memory-rate-limit.store';
import { MemoryRevokedSessionStore } from '../limits/memory-revoked-session.store';
import { MemorySlidingWindowStore } from '../limits/memory-sliding-window.store';
import { RATE_LIMIT_STORE } from '../limits/rate-limit.store';
import { REVOKED_SESSION_STORE } from '../limits/revoked-session.store';
import { SLIDING_WINDOW_STORE } from '../limits/sliding-window.store';
import { RedisRateLimitStore } from './redis-rate-limit.store';
import { RedisRevokedSessionStore } from './redis-revoked-session.store';
import { RedisSlidingWindowStore } from './redis-sliding-window.store';
import { SharedRedis } from './shared-redis';

/** The limit stores chosen by configuration: Redis (shared by every instance) with REDIS_URL, else in-process. */
export const LIMIT_STORE_PROVIDERS: Provider[] = [
  SharedRedis,
  {
    provide: RATE_LIMIT_STORE,
    inject: [SharedRedis],
    useFactory: (redis: SharedRedis) =>
      redis.client ? new RedisRateLimitStore(redis.client) : new MemoryRateLimitStore(),
  },
  {
    provide: REVOKED_SESSION_STORE,
    inject: [SharedRedis],
    useFactory: (redis: SharedRedis) =>
      redis.client ? new RedisRevokedSessionStore(redis.client) : new MemoryRevokedSessionStore(),
  },
  {
    provide: SLIDING_WINDOW_STORE,
    inject: [SharedRedis],
    useFactory: (redis: SharedRedis) =>
      redis.client ? new RedisSlidingWindowStore(redis.client) : new MemorySlidingWindowStore(),
  },
];
