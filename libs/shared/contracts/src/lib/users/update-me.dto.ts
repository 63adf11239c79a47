import { Transform, Type } from 'class-transformer';
import { IsOptional, IsString, Length, Matches, ValidateNested } from 'class-validator';
import { BIO_MAX_LENGTH, NAME_MAX_LENGTH, NAME_PATTERN, SPECIALTY_MAX_LENGTH } from '../auth/auth-limits';
import { trimString } from '../auth/transforms';
import { UpdatePreferencesDto } from './preferences.dto';

/** Profile changes; `specialty` and `bio` are for doctors only; `preferences` changes only the fields sent. */
export class UpdateMeDto {
  @IsOptional()
  @Transform(trimString)
  @IsString()
  @Length(1, NAME_MAX_LENGTH)
  @Matches(NAME_PATTERN, { message: 'name must not contain control characters' })
  name?: string;

  @IsOptional()
  @Transform(trimString)
  @IsString()
  @Length(1, SPECIALTY_MAX_LENGTH)
  specialty?: string;

  /** An empty string clears the biography. */
  @IsOptional()
  @Transform(trimString)
  @IsString()
  @Length(0, BIO_MAX_LENGTH)
  bio?: string;

  /** Display preferences: units, time zone, locale. */
  @IsOptional()
  @ValidateNested()
  @Type(() => UpdatePreferencesDto)
  preferences?: UpdatePreferencesDto;
}
