import { RetryAfterException } from '../../common/http/retry-after.exception';

/** Too many accounts created from this address in the last hour: 429 with `Retry-After`. */
export class RegistrationLimitException extends RetryAfterException {
  constructor(retryAfterSeconds: number) {
    super('Too many accounts created from this address; try again later', retryAfterSeconds);
  }
}
