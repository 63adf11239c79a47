import { HttpException, HttpStatus, Inject, Injectable } from '@nestjs/common';
import { ThrottlerStorage } from '@nestjs/throttler';
import { createHash } from 'node:crypto';
import { AppConfigService } from '../../config/app-config.service';

const WINDOW_MS = 3_600_000;
/** One address may ask for this many times the per-email limit (a clinic behind one NAT address). */
const ADDRESS_FACTOR = 4;

/** 429 with the seconds to wait (AuthFailuresInterceptor-style `Retry-After` is set by the controller). */
export class ResetRequestsLimitedException extends HttpException {
  constructor(readonly retryAfterSeconds: number) {
    super('Too many password reset requests; try again later', HttpStatus.TOO_MANY_REQUESTS);
  }
}

/**
 * The limit on reset requests, per email and per client address, kept in the throttler's storage (the same
 * mechanism as the auth routes' flood cap). Unknown emails count alike, so a 429 reveals nothing.
 */
@Injectable()
export class PasswordResetLimiterService {
  constructor(
    @Inject(ThrottlerStorage) private readonly storage: ThrottlerStorage,
    private readonly config: AppConfigService,
  ) {}

  /** Counts one request; throws ResetRequestsLimitedException when either bucket is full. */
  async hit(email: string, ip: string): Promise<void> {
    const perEmail = this.config.passwordResetRequestsPerHour;
    for (const [bucket, limit] of [
      [`email:${email}`, perEmail],
      [`ip:${ip}`, perEmail * ADDRESS_FACTOR],
    ] as const) {
      const key = createHash('sha256').update(`password-reset:${bucket}`).digest('hex');
      const r = await this.storage.increment(key, WINDOW_MS, limit, 0, 'password-reset');
      if (r.isBlocked) throw new ResetRequestsLimitedException(Math.max(1, r.timeToBlockExpire));
    }
  }
}
