import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model, Types } from 'mongoose';
import { createHmac } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { AppConfigService } from '../../config/app-config.service';
import { requestContext } from '../../infra/request-context/request-context';
import { LoginFailure } from './login-failure.schema';
import { slowdownMs } from './login-slowdown';
import { TooManyAttemptsException } from './too-many-attempts.exception';

/** An attempt in progress; left alone it stays counted as a failure. */
export interface LoginAttempt {
  /** Fully signed in: the failures of this account from this address are cleared. */
  succeeded(): Promise<void>;
  /** Password right but a second factor is still due: this attempt stops counting, earlier failures stay. */
  release(): Promise<void>;
}

/**
 * Sign-in back-off, stored in the database (shared by every API instance, exact sliding window, and an attempt
 * can be released when the password was right but a second factor is due):
 * - per (account, address) pair: once LOGIN_MAX_FAILURES attempts from one address failed within
 *   LOGIN_FAILURE_WINDOW_MINUTES, that address gets 429 for that account until the oldest leave the window.
 *   Another address (the owner's) is not refused because of them.
 * - per account: from LOGIN_MAX_FAILURES failures from all addresses on, each attempt waits an exponential
 *   delay capped at LOGIN_SLOWDOWN_MAX_MS before the password is checked: slower guessing, never a lock-out.
 * The attempt is recorded before the password is checked, so parallel guesses are counted too.
 */
@Injectable()
export class LoginThrottleService {
  constructor(
    @InjectModel(LoginFailure.name) private readonly failures: Model<LoginFailure>,
    private readonly config: AppConfigService,
  ) {}

  async begin(email: string): Promise<LoginAttempt> {
    const address = requestContext.getStore()?.ip ?? 'unknown';
    const account = this.hmac(`login:${email.trim().toLowerCase()}`);
    const key = this.hmac(`${account}:${address}`);
    const now = Date.now();
    const windowMs = this.config.loginFailureWindowMs;
    const max = this.config.loginMaxFailures;
    const mine = await this.failures.create({ key, account, at: new Date(now), expiresAt: new Date(now + windowMs) });
    const since = new Date(now - windowMs);
    const others = { at: { $gt: since }, _id: { $ne: mine._id } };
    const earlier = await this.failures.countDocuments({ key, ...others });
    if (earlier >= max) {
      await this.failures.deleteOne({ _id: mine._id });
      throw new TooManyAttemptsException(await this.retryAfterSeconds(key, since, earlier - max, windowMs, now));
    }
    const delay = slowdownMs(
      await this.failures.countDocuments({ account, ...others }),
      max,
      this.config.loginSlowdownMaxMs,
    );
    if (delay > 0) await sleep(delay);
    return {
      succeeded: async () => {
        await this.failures.deleteMany({ key });
      },
      release: async () => {
        await this.failures.deleteOne({ _id: mine._id });
      },
    };
  }

  /** Seconds until enough failures of the pair have left the window for one more attempt. */
  private async retryAfterSeconds(
    key: string,
    since: Date,
    skip: number,
    windowMs: number,
    now: number,
  ): Promise<number> {
    const row = await this.failures
      .find({ key, at: { $gt: since } }, { at: 1 })
      .sort({ at: 1 })
      .skip(skip)
      .limit(1)
      .lean<{ _id: Types.ObjectId; at: Date }[]>();
    const freeAt = row[0] ? row[0].at.getTime() + windowMs : now + windowMs;
    return Math.max(1, Math.ceil((freeAt - now) / 1000));
  }

  private hmac(value: string): string {
    return createHmac('sha256', this.config.jwtRefreshSecret).update(value).digest('hex');
  }
}
