import { MemoryRateLimitStore } from './memory-rate-limit.store';
import { RateLimitThrottlerStorage } from './rate-limit-throttler.storage';

describe('the throttler storage on a RateLimitStore', () => {
  afterEach(() => jest.useRealTimers());

  it('blocks a key from its limit + 1-th hit until its window ends, per throttler name', async () => {
    jest.useFakeTimers({ now: 1_000_000, doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
    const storage = new RateLimitThrottlerStorage(new MemoryRateLimitStore());
    const hit = () => storage.increment('k', 60_000, 2, 60_000, 'default');
    expect(await hit()).toEqual({ totalHits: 1, timeToExpire: 60, isBlocked: false, timeToBlockExpire: 0 });
    jest.setSystemTime(1_030_000);
    expect(await hit()).toEqual({ totalHits: 2, timeToExpire: 30, isBlocked: false, timeToBlockExpire: 0 });
    expect(await hit()).toEqual({ totalHits: 3, timeToExpire: 30, isBlocked: true, timeToBlockExpire: 30 });
    // another throttler's bucket for the same key is its own
    expect((await storage.increment('k', 60_000, 2, 0, 'other')).isBlocked).toBe(false);
    jest.setSystemTime(1_060_000);
    expect(await hit()).toEqual({ totalHits: 1, timeToExpire: 60, isBlocked: false, timeToBlockExpire: 0 });
  });
});
