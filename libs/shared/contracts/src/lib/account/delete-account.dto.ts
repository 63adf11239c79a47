import { Transform } from 'class-transformer';
import { IsOptional, IsString, Length } from 'class-validator';
import { trimString } from '../auth/transforms';

/** DELETE /api/me: the password, and a two-factor code (TOTP or recovery) when two-factor is on. */
export class DeleteAccountDto {
  @IsString()
  @Length(1, 1024)
  password!: string;

  /** Required when two-factor is on. @example "123456" */
  @Transform(trimString)
  @IsOptional()
  @IsString()
  @Length(6, 32)
  code?: string;
}
