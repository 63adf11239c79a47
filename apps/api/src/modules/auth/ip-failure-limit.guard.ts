import { type CanActivate, type ExecutionContext, HttpException, HttpStatus, Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import { IpFailureLimiterService } from './ip-failure-limiter.service';

/** Answers 429 with `Retry-After` while the caller's address has too many recent rejected auth requests. */
@Injectable()
export class IpFailureLimitGuard implements CanActivate {
  constructor(private readonly limiter: IpFailureLimiterService) {}

  canActivate(ctx: ExecutionContext): boolean {
    const http = ctx.switchToHttp();
    const retryAfter = this.limiter.retryAfterSeconds(http.getRequest<Request>().ip ?? 'unknown');
    if (retryAfter === null) return true;
    http.getResponse<Response>().setHeader('Retry-After', String(retryAfter));
    throw new HttpException(
      'Too many failed requests from this address; try again later',
      HttpStatus.TOO_MANY_REQUESTS,
    );
  }
}
