import {
  type CallHandler,
  type ExecutionContext,
  HttpException,
  Injectable,
  type NestInterceptor,
} from '@nestjs/common';
import type { Request } from 'express';
import { catchError, from, type Observable, switchMap, throwError } from 'rxjs';
import { IpFailureLimiterService } from './ip-failure-limiter.service';
import { MissingRefreshTokenException } from './missing-refresh-token.exception';
import { RegistrationLimitException } from './registration-limit.exception';

/**
 * Statuses that signal guessing: wrong credentials or tokens (401), probing for taken emails (409), and
 * attempts refused for too many failures (429), so polling a throttled account costs the poller's address.
 */
const COUNTED = new Set([401, 409, 429]);

/**
 * On the auth routes: every answer that signals guessing counts against the caller's address (invalid
 * bodies do not: they cost nothing and reveal nothing). The registration limit's 429 is not guessing.
 */
@Injectable()
export class AuthFailuresInterceptor implements NestInterceptor {
  constructor(private readonly limiter: IpFailureLimiterService) {}

  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = ctx.switchToHttp();
    return next.handle().pipe(
      catchError((err: unknown) => {
        const counted =
          err instanceof HttpException &&
          COUNTED.has(err.getStatus()) &&
          !(err instanceof MissingRefreshTokenException) &&
          !(err instanceof RegistrationLimitException);
        if (!counted) return throwError(() => err);
        return from(this.limiter.recordFailure(http.getRequest<Request>().ip ?? 'unknown')).pipe(
          switchMap(() => throwError(() => err)),
        );
      }),
    );
  }
}
