import type { ThrottlerStorage } from '@nestjs/throttler';
import type { RateLimitStore } from './rate-limit.store';

type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

/**
 * The @nestjs/throttler storage on the configured RateLimitStore, so the throttler's counters live where every
 * other limit's do: in Redis (shared by every instance) with REDIS_URL, else in this process. Fixed windows:
 * a key is blocked from its `limit + 1`-th hit until its window ends (`blockDuration` is not extended beyond it).
 */
export class RateLimitThrottlerStorage implements ThrottlerStorage {
  constructor(private readonly store: RateLimitStore) {}

  async increment(
    key: string,
    ttl: number,
    limit: number,
    _blockDuration: number,
    throttlerName: string,
  ): Promise<ThrottlerStorageRecord> {
    const { count, resetAt } = await this.store.hit(`throttler:${throttlerName}:${key}`, ttl);
    const timeToExpire = Math.max(1, Math.ceil((resetAt - Date.now()) / 1000));
    const isBlocked = count > limit;
    return { totalHits: count, timeToExpire, isBlocked, timeToBlockExpire: isBlocked ? timeToExpire : 0 };
  }
}
