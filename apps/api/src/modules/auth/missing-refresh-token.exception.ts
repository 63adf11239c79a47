import { UnauthorizedException } from '@nestjs/common';

/**
 * A refresh with no token at all (a visitor's page load): 401, but not a guess, so it is not counted
 * against the caller's address by the per-IP failure limit.
 */
export class MissingRefreshTokenException extends UnauthorizedException {
  constructor() {
    super('Missing refresh token');
  }
}
