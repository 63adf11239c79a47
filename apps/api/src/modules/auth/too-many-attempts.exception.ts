import { RetryAfterException } from '../../common/http/retry-after.exception';

/** Too many failed sign-ins for this account from this address: 429 with `Retry-After`. */
export class TooManyAttemptsException extends RetryAfterException {
  constructor(retryAfterSeconds: number) {
    super('Too many failed sign-in attempts for this account; try again later', retryAfterSeconds);
  }
}
