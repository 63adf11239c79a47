import { type CallHandler, type ExecutionContext, HttpException, Injectable, type NestInterceptor } from '@nestjs/common';
import type { Request, Response } from 'express';
import { catchError, type Observable, throwError } from 'rxjs';
import { IpFailureLimiterService } from './ip-failure-limiter.service';
import { TooManyAttemptsException } from './too-many-attempts.exception';

/**
 * On the auth routes: every rejected request (4xx: invalid body, wrong credentials, lock-out) counts
 * against the caller's address, and a per-account lock-out gets its `Retry-After` header.
 */
@Injectable()
export class AuthFailuresInterceptor implements NestInterceptor {
  constructor(private readonly limiter: IpFailureLimiterService) {}

  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = ctx.switchToHttp();
    return next.handle().pipe(
      catchError((err: unknown) => {
        if (err instanceof HttpException && err.getStatus() >= 400 && err.getStatus() < 500) {
          this.limiter.recordFailure(http.getRequest<Request>().ip ?? 'unknown');
        }
        if (err instanceof TooManyAttemptsException) {
          http.getResponse<Response>().setHeader('Retry-After', String(err.retryAfterSeconds));
        }
        return throwError(() => err);
      }),
    );
  }
}
