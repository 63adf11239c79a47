import { HttpException, HttpStatus } from '@nestjs/common';

/** 429 carrying how long to wait; SummaryRetryAfterInterceptor turns it into a `Retry-After` header. */
export class SummaryRateLimitException extends HttpException {
  constructor(readonly retryAfterSeconds: number) {
    super('Too many summaries requested in the last hour; try again later', HttpStatus.TOO_MANY_REQUESTS);
  }
}
