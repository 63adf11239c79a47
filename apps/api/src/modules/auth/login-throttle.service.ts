import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model, Types } from 'mongoose';
import { createHmac } from 'node:crypto';
import { AppConfigService } from '../../config/app-config.service';
import { LoginFailure } from './login-failure.schema';
import { TooManyAttemptsException } from './too-many-attempts.exception';

/** An attempt in progress; left alone it stays counted as a failure. */
export interface LoginAttempt {
  /** Fully signed in: the account's failures are cleared. */
  succeeded(): Promise<void>;
  /** Password right but a second factor is still due: this attempt stops counting, earlier failures stay. */
  release(): Promise<void>;
}

/**
 * Per-account back-off stored in the database: once LOGIN_MAX_FAILURES attempts failed within
 * LOGIN_FAILURE_WINDOW_MINUTES, further attempts get 429 until the oldest failures leave the window.
 * The attempt is recorded before the password is checked, so parallel guesses are counted too.
 */
@Injectable()
export class LoginThrottleService {
  constructor(
    @InjectModel(LoginFailure.name) private readonly failures: Model<LoginFailure>,
    private readonly config: AppConfigService,
  ) {}

  async begin(email: string): Promise<LoginAttempt> {
    const key = this.key(email);
    const now = Date.now();
    const windowMs = this.config.loginFailureWindowMs;
    const max = this.config.loginMaxFailures;
    const mine = await this.failures.create({ key, at: new Date(now), expiresAt: new Date(now + windowMs) });
    const since = new Date(now - windowMs);
    const earlier = await this.failures.countDocuments({ key, at: { $gt: since }, _id: { $ne: mine._id } });
    if (earlier >= max) {
      await this.failures.deleteOne({ _id: mine._id });
      throw new TooManyAttemptsException(await this.retryAfterSeconds(key, since, earlier - max, windowMs, now));
    }
    return {
      succeeded: async () => {
        await this.failures.deleteMany({ key });
      },
      release: async () => {
        await this.failures.deleteOne({ _id: mine._id });
      },
    };
  }

  /** Seconds until enough failures have left the window for one more attempt. */
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

  private key(email: string): string {
    return createHmac('sha256', this.config.jwtRefreshSecret)
      .update(`login:${email.trim().toLowerCase()}`)
      .digest('hex');
  }
}
