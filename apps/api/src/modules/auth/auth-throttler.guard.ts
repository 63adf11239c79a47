import { type ExecutionContext, Injectable } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
import { createHash } from 'node:crypto';

/**
 * Per-IP limit shared by every auth route (AUTH_RATE_LIMIT_PER_MINUTE): one bucket per client address,
 * not per route, so an attacker cannot spread guesses over login, two-factor and password routes.
 */
@Injectable()
export class AuthThrottlerGuard extends ThrottlerGuard {
  protected override generateKey(_ctx: ExecutionContext, tracker: string, throttlerName: string): string {
    return createHash('sha256').update(`auth:${throttlerName}:${tracker}`).digest('hex');
  }

  protected override async getErrorMessage(): Promise<string> {
    return 'Too many requests from this address; try again later';
  }
}
