import { type CanActivate, type ExecutionContext, HttpException, HttpStatus, Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import { IpFailureLimiterService } from './ip-failure-limiter.service';

/**
 * Answers 429 with `Retry-After` while the caller's address has too many recent rejected auth requests. The
 * refusal itself counts as one more (guards run before AuthFailuresInterceptor, so it is counted here).
 */
@Injectable()
export class IpFailureLimitGuard implements CanActivate {
  constructor(private readonly limiter: IpFailureLimiterService) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const http = ctx.switchToHttp();
    const ip = http.getRequest<Request>().ip ?? 'unknown';
    const retryAfter = await this.limiter.retryAfterSeconds(ip);
    if (retryAfter === null) return true;
    await this.limiter.recordFailure(ip);
    http.getResponse<Response>().setHeader('Retry-After', String(retryAfter));
    throw new HttpException(
      'Too many failed requests from this address; try again later',
      HttpStatus.TOO_MANY_REQUESTS,
    );
  }
}
