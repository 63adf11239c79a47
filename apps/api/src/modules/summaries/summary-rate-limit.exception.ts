import { RetryAfterException } from '../../common/http/retry-after.exception';

/** Too many summaries requested in the last hour: 429 with `Retry-After`. */
export class SummaryRateLimitException extends RetryAfterException {
  constructor(retryAfterSeconds: number) {
    super('Too many summaries requested in the last hour; try again later', retryAfterSeconds);
  }
}
