import { Transform } from 'class-transformer';
import { IsString, Length, Matches } from 'class-validator';
import { EMAIL_MAX_LENGTH, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../auth/auth-limits';
import { normaliseEmail } from '../auth/transforms';

/** Validity of a password reset link. */
export const PASSWORD_RESET_TTL_MINUTES = 30;

/** POST /api/auth/password/forgot. Any string up to the email length is accepted (answer is the same). */
export class ForgotPasswordDto {
  /** @example "ada@example.org" */
  @Transform(normaliseEmail)
  @IsString()
  @Length(1, EMAIL_MAX_LENGTH)
  email!: string;
}

/** POST /api/auth/password/reset. */
export class ResetPasswordDto {
  /** The token from the emailed link (base64url). */
  @IsString()
  @Length(20, 100)
  @Matches(/^[A-Za-z0-9_-]+$/, { message: 'token is malformed' })
  token!: string;

  /** 10-128 characters, not a common password (the registration rules). */
  @IsString()
  @Length(PASSWORD_MIN_LENGTH, PASSWORD_MAX_LENGTH)
  newPassword!: string;
}

/** The 202 answer of the forgot route: the same whether or not the account exists. */
export class ForgotPasswordAcceptedDto {
  /** @example "If an account exists for this address, we sent a link to reset its password." */
  message!: string;
}
