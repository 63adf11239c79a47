import { ExpiringMap } from './expiring-map';
import type { RateLimitHit, RateLimitStore } from './rate-limit.store';

/**
 * RateLimitStore in this process's memory (the default without a shared store): each API instance counts
 * on its own. Bounded: at most `maxKeys` counters (expired ones are swept first when full).
 */
export class MemoryRateLimitStore implements RateLimitStore {
  private readonly counters: ExpiringMap<RateLimitHit>;

  constructor(maxKeys = 100_000) {
    this.counters = new ExpiringMap(maxKeys);
  }

  async hit(key: string, windowMs: number): Promise<RateLimitHit> {
    const now = Date.now();
    const current = this.counters.get(key, now);
    const next = { count: (current?.count ?? 0) + 1, resetAt: current?.resetAt ?? now + windowMs };
    this.counters.set(key, next, next.resetAt, now);
    return { ...next };
  }

  async peek(key: string): Promise<RateLimitHit | null> {
    const current = this.counters.get(key);
    return current ? { ...current } : null;
  }

  async reset(key: string): Promise<void> {
    this.counters.delete(key);
  }
}
