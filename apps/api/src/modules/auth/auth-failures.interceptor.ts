import {
  type CallHandler,
  type ExecutionContext,
  HttpException,
  Injectable,
  type NestInterceptor,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { catchError, type Observable, throwError } from 'rxjs';
import { IpFailureLimiterService } from './ip-failure-limiter.service';
import { MissingRefreshTokenException } from './missing-refresh-token.exception';
import { TooManyAttemptsException } from './too-many-attempts.exception';

/** Statuses that signal guessing: wrong credentials or tokens (401), probing for taken emails (409). */
const COUNTED = new Set([401, 409]);

/**
 * On the auth routes: every answer that signals guessing counts against the caller's address (invalid
 * bodies do not: they cost nothing and reveal nothing), and a per-account lock-out gets `Retry-After`.
 */
@Injectable()
export class AuthFailuresInterceptor implements NestInterceptor {
  constructor(private readonly limiter: IpFailureLimiterService) {}

  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = ctx.switchToHttp();
    return next.handle().pipe(
      catchError((err: unknown) => {
        if (
          err instanceof HttpException &&
          COUNTED.has(err.getStatus()) &&
          !(err instanceof MissingRefreshTokenException)
        ) {
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
