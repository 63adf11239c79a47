import { Transform } from 'class-transformer';
import { IsString, Length } from 'class-validator';
import { EMAIL_MAX_LENGTH } from './auth-limits';
import { normaliseEmail } from './transforms';

/** Password sign-in. */
export class LoginDto {
  /** @example "ada@example.org" */
  @Transform(normaliseEmail)
  @IsString()
  @Length(1, EMAIL_MAX_LENGTH)
  email!: string;

  /** @example "correct horse battery staple" */
  @IsString()
  @Length(1, 1024)
  password!: string;
}
