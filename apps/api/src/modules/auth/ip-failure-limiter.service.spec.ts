import type { AppConfigService } from '../../config/app-config.service';
import { IpFailureLimiterService } from './ip-failure-limiter.service';

describe('IpFailureLimiterService (sliding minute)', () => {
  const limiter = new IpFailureLimiterService({ authRateLimitPerMinute: 3 } as AppConfigService);
  const t0 = 1_000_000;

  it('blocks an address after the limit until its oldest counted rejection is a minute old', () => {
    limiter.recordFailure('10.0.0.1', t0);
    limiter.recordFailure('10.0.0.1', t0 + 10_000);
    expect(limiter.retryAfterSeconds('10.0.0.1', t0 + 10_000)).toBeNull();
    limiter.recordFailure('10.0.0.1', t0 + 20_000);
    expect(limiter.retryAfterSeconds('10.0.0.1', t0 + 20_000)).toBe(40);
    expect(limiter.retryAfterSeconds('10.0.0.2', t0 + 20_000)).toBeNull();
    expect(limiter.retryAfterSeconds('10.0.0.1', t0 + 59_500)).toBe(1);
    expect(limiter.retryAfterSeconds('10.0.0.1', t0 + 60_001)).toBeNull();
  });
});
