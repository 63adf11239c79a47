import { type ExecutionContext, Injectable } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
import { createHash } from 'node:crypto';

/**
 * Flood cap (@nestjs/throttler) on all auth requests per IP, with one bucket per client address shared by
 * every auth route rather than one per route. The tight limit on rejected requests is IpFailureLimitGuard.
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
