import type { UserDto } from '../users/user.dto';

/** A signed-in session: a short-lived access token and a rotating refresh token. */
export class AuthSessionDto {
  /** Bearer token for `Authorization: Bearer ...`. */
  accessToken!: string;
  /** Opaque, single-use refresh token (also set as the httpOnly `cv_refresh` cookie). */
  refreshToken!: string;
  /** Access token lifetime in seconds. @example 900 */
  expiresIn!: number;
  /** @example "Bearer" */
  tokenType!: 'Bearer';
  /** True when two-factor sign-in is mandatory for the role and not yet set up: only GET /api/me, the /api/me/mfa routes, refresh and logout are allowed. */
  mfaEnrolmentRequired!: boolean;
  user!: UserDto;
}

/** Login answer when the account has two-factor sign-in on: complete it with POST /api/auth/mfa. */
export class MfaChallengeDto {
  /** @example true */
  mfaRequired!: true;
  /** Short-lived token for POST /api/auth/mfa. */
  mfaToken!: string;
}

/** Answer to a successful sign-up. */
export class RegisteredDto {
  user!: UserDto;
}
