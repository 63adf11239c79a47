import { Inject, Injectable } from '@nestjs/common';
import { createHmac, randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { AppConfigService } from '../../config/app-config.service';
import { SLIDING_WINDOW_STORE, type SlidingWindowStore } from '../../infra/limits/sliding-window.store';
import { requestContext } from '../../infra/request-context/request-context';
import { slowdownLogSize, slowdownMs } from './login-slowdown';
import { TooManyAttemptsException } from './too-many-attempts.exception';

/** An attempt in progress; left alone it stays counted as a failure. */
export interface LoginAttempt {
  /** Fully signed in: the failures of this account from this address are cleared. */
  succeeded(): Promise<void>;
  /** Password right but a second factor is still due: this attempt stops counting, earlier failures stay. */
  release(): Promise<void>;
}

/**
 * Sign-in back-off, kept in the SlidingWindowStore (Redis with REDIS_URL, so shared by every API instance;
 * else in this process): exact sliding windows, and an attempt can be released when the password was right
 * but a second factor is due.
 * - per (account, address) pair: once LOGIN_MAX_FAILURES attempts from one address failed within
 *   LOGIN_FAILURE_WINDOW_MINUTES, that address gets 429 for that account until the oldest leave the window.
 *   Another address (the owner's) is not refused because of them.
 * - per account: from LOGIN_MAX_FAILURES failures from all addresses on, each attempt waits an exponential
 *   delay capped at LOGIN_SLOWDOWN_MAX_MS before the password is checked: slower guessing, never a lock-out.
 * The attempt is recorded before the password is checked (check-and-add in one atomic step), so parallel
 * guesses are counted too. Logs are keyed by HMACs of the normalised email and of the account with the client
 * address, so unknown emails are throttled alike and neither the email nor the address is stored.
 */
@Injectable()
export class LoginThrottleService {
  constructor(
    @Inject(SLIDING_WINDOW_STORE) private readonly store: SlidingWindowStore,
    private readonly config: AppConfigService,
  ) {}

  async begin(email: string): Promise<LoginAttempt> {
    const address = requestContext.getStore()?.ip ?? 'unknown';
    const account = this.hmac(`login:${email.trim().toLowerCase()}`);
    const pairKey = `login:pair:${this.hmac(`${account}:${address}`)}`;
    const accountKey = `login:account:${account}`;
    const windowMs = this.config.loginFailureWindowMs;
    const max = this.config.loginMaxFailures;
    const attempt = randomUUID();
    const pair = await this.store.acquire(pairKey, attempt, { limit: max, windowMs });
    if (!pair.acquired) throw new TooManyAttemptsException(Math.max(1, Math.ceil(pair.retryAfterMs / 1000)));
    const accountFailures = await this.store.record(accountKey, attempt, { limit: slowdownLogSize(max), windowMs });
    const delay = slowdownMs(accountFailures, max, this.config.loginSlowdownMaxMs);
    if (delay > 0) await sleep(delay);
    return {
      succeeded: async () => {
        await this.store.remove(accountKey, await this.store.clear(pairKey));
      },
      release: async () => {
        await this.store.remove(pairKey, [attempt]);
        await this.store.remove(accountKey, [attempt]);
      },
    };
  }

  private hmac(value: string): string {
    return createHmac('sha256', this.config.jwtRefreshSecret).update(value).digest('hex');
  }
}
