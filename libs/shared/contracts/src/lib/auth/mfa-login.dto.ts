import { Transform } from 'class-transformer';
import { IsString, Length } from 'class-validator';
import { trimString } from './transforms';

/** Second step of a sign-in that answered `{mfaRequired: true, mfaToken}`. */
export class MfaLoginDto {
  /** The `mfaToken` from the login answer (valid for 5 minutes). */
  @IsString()
  @Length(1, 2048)
  mfaToken!: string;

  /** A 6-digit code from the authenticator app, or one of the recovery codes. @example "123456" */
  @Transform(trimString)
  @IsString()
  @Length(6, 32)
  code!: string;
}
