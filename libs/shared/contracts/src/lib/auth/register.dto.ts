import { Transform } from 'class-transformer';
import { IsEmail, IsIn, IsString, Length, Matches, MaxLength } from 'class-validator';
import { ROLE_VALUES, type Role } from './role';
import {
  BIO_MAX_LENGTH,
  EMAIL_MAX_LENGTH,
  NAME_MAX_LENGTH,
  NAME_PATTERN,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  SPECIALTY_MAX_LENGTH,
} from './auth-limits';
import { DoctorOnly } from './doctor-only.validator';
import { normaliseEmail, trimString } from './transforms';

/** Sign-up. The email is trimmed and lower-cased; the password must not be a common one. */
export class RegisterDto {
  /** @example "ada@example.org" */
  @Transform(normaliseEmail)
  @IsEmail({}, { message: 'email must be a valid email address' })
  @MaxLength(EMAIL_MAX_LENGTH)
  email!: string;

  /** 10-128 characters, not in the list of common passwords. @example "correct horse battery staple" */
  @IsString()
  @Length(PASSWORD_MIN_LENGTH, PASSWORD_MAX_LENGTH)
  password!: string;

  /** Display name. @example "Ada Lovelace" */
  @Transform(trimString)
  @IsString()
  @Length(1, NAME_MAX_LENGTH)
  @Matches(NAME_PATTERN, { message: 'name must not contain control characters' })
  name!: string;

  /** @example "patient" */
  @IsIn(ROLE_VALUES)
  role!: Role;

  /** Required for doctors, not allowed for patients. @example "Cardiology" */
  @Transform(trimString)
  @DoctorOnly({ required: true, max: SPECIALTY_MAX_LENGTH })
  specialty?: string;

  /** Doctors only: a short public biography. */
  @Transform(trimString)
  @DoctorOnly({ required: false, max: BIO_MAX_LENGTH })
  bio?: string;
}
