import { Transform } from 'class-transformer';
import { IsString, Length, Matches } from 'class-validator';
import { trimString } from './transforms';

/** A not-yet-active TOTP secret: show `otpauthUrl` as a QR code, or let the user type `secret`. */
export class MfaSetupDto {
  /** Base32 secret. */
  secret!: string;
  /** `otpauth://totp/...` URL for authenticator apps. */
  otpauthUrl!: string;
}

export class MfaCodeDto {
  /** Current 6-digit code from the authenticator app. @example "123456" */
  @Transform(trimString)
  @IsString()
  @Matches(/^\d{6}$/, { message: 'code must be 6 digits' })
  code!: string;
}

/** Ten one-time recovery codes, shown once. */
export class MfaRecoveryCodesDto {
  recoveryCodes!: string[];
}

export class DisableMfaDto {
  @IsString()
  @Length(1, 1024)
  password!: string;

  /** A current TOTP code or an unused recovery code. */
  @Transform(trimString)
  @IsString()
  @Length(6, 32)
  code!: string;
}
