import { HttpException, HttpStatus } from '@nestjs/common';

/** A 429 that says how long to wait: AllExceptionsFilter sends it as the `Retry-After` header (seconds). */
export class RetryAfterException extends HttpException {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message, HttpStatus.TOO_MANY_REQUESTS);
  }
}
