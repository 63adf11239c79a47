import type { AppConfigService } from '../../config/app-config.service';
import { MemoryRateLimitStore } from '../../infra/limits/memory-rate-limit.store';
import { IpFailureLimiterService } from './ip-failure-limiter.service';

describe('IpFailureLimiterService (a minute from the first rejection)', () => {
  afterEach(() => jest.useRealTimers());

  it('blocks an address after the limit until its minute is over', async () => {
    const t0 = 1_000_000;
    jest.useFakeTimers({ now: t0, doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
    const limiter = new IpFailureLimiterService(new MemoryRateLimitStore(), {
      authRateLimitPerMinute: 3,
    } as AppConfigService);
    await limiter.recordFailure('10.0.0.1');
    jest.setSystemTime(t0 + 10_000);
    await limiter.recordFailure('10.0.0.1');
    expect(await limiter.retryAfterSeconds('10.0.0.1')).toBeNull();
    jest.setSystemTime(t0 + 20_000);
    await limiter.recordFailure('10.0.0.1');
    expect(await limiter.retryAfterSeconds('10.0.0.1')).toBe(40);
    expect(await limiter.retryAfterSeconds('10.0.0.2')).toBeNull();
    jest.setSystemTime(t0 + 59_500);
    expect(await limiter.retryAfterSeconds('10.0.0.1')).toBe(1);
    jest.setSystemTime(t0 + 60_001);
    expect(await limiter.retryAfterSeconds('10.0.0.1')).toBeNull();
  });
});
