import { Inject, Injectable } from '@nestjs/common';
import { AppConfigService } from '../../config/app-config.service';
import { RATE_LIMIT_STORE, type RateLimitStore } from '../../infra/limits/rate-limit.store';
import { requestContext } from '../../infra/request-context/request-context';
import { RegistrationLimitException } from './registration-limit.exception';

const WINDOW_MS = 3_600_000;

/**
 * REGISTRATION_LIMIT_PER_HOUR successful sign-ups per client address (an hour from the first): bounds mass
 * account creation. Failed sign-ups are not counted here (taken emails count against the address's failure
 * limit instead). Two sign-ups racing past the check may both succeed: the limit can be exceeded by the
 * number of parallel requests, no more.
 */
@Injectable()
export class RegistrationLimiterService {
  constructor(
    @Inject(RATE_LIMIT_STORE) private readonly store: RateLimitStore,
    private readonly config: AppConfigService,
  ) {}

  /** 429 with Retry-After when the caller's address has used its allowance. */
  async assertAllowed(): Promise<void> {
    const window = await this.store.peek(this.key());
    if (window && window.count >= this.config.registrationLimitPerHour)
      throw new RegistrationLimitException(Math.max(1, Math.ceil((window.resetAt - Date.now()) / 1000)));
  }

  async recordSignUp(): Promise<void> {
    await this.store.hit(this.key(), WINDOW_MS);
  }

  private key(): string {
    return `sign-ups:${requestContext.getStore()?.ip ?? 'unknown'}`;
  }
}
