import type { Redis } from 'ioredis';
import type { RateLimitHit, RateLimitStore } from '../limits/rate-limit.store';

const PREFIX = 'cv:rl:';

/**
 * RateLimitStore shared by every API instance: INCR, then PEXPIRE NX (the first hit starts the window), and
 * PTTL for the window's end, in one MULTI so each hit is atomic per key.
 */
export class RedisRateLimitStore implements RateLimitStore {
  constructor(private readonly redis: Redis) {}

  async hit(key: string, windowMs: number): Promise<RateLimitHit> {
    const replies = await this.redis
      .multi()
      .incr(PREFIX + key)
      .pexpire(PREFIX + key, windowMs, 'NX')
      .pttl(PREFIX + key)
      .exec();
    const [count, , ttl] = (replies ?? []).map(([err, value]) => {
      if (err) throw err;
      return Number(value);
    });
    return { count: count ?? 1, resetAt: Date.now() + Math.max(0, ttl ?? windowMs) };
  }

  async peek(key: string): Promise<RateLimitHit | null> {
    const [count, ttl] = await Promise.all([this.redis.get(PREFIX + key), this.redis.pttl(PREFIX + key)]);
    if (count === null || ttl < 0) return null;
    return { count: Number(count), resetAt: Date.now() + ttl };
  }

  async reset(key: string): Promise<void> {
    await this.redis.del(PREFIX + key);
  }
}
