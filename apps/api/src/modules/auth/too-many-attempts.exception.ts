import { HttpException, HttpStatus } from '@nestjs/common';

/** 429 that carries how long to wait; AuthFailuresInterceptor turns it into a `Retry-After` header. */
export class TooManyAttemptsException extends HttpException {
  constructor(readonly retryAfterSeconds: number) {
    super('Too many failed sign-in attempts for this account; try again later', HttpStatus.TOO_MANY_REQUESTS);
  }
}
