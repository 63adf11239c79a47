import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  Length,
  Matches,
  ValidateNested,
} from 'class-validator';
import { trimString } from '../auth/transforms';
import {
  ALLERGY_SEVERITY_VALUES,
  type AllergySeverity,
  CLINICAL_LIST_MAX,
  CLINICAL_PHONE_MAX_LENGTH,
  CLINICAL_TEXT_MAX_LENGTH,
  SEX_VALUES,
  type Sex,
} from './clinical-limits';
import { IsPastCalendarDate } from './not-in-future.validator';

const trimEach = ({ value }: { value: unknown }): unknown =>
  Array.isArray(value) ? value.map((v) => (typeof v === 'string' ? v.trim() : v)) : value;

export class AllergyDto {
  /** @example "Penicillin" */
  @Transform(trimString)
  @IsString()
  @Length(1, CLINICAL_TEXT_MAX_LENGTH)
  substance!: string;

  /** @example "Hives" */
  @IsOptional()
  @Transform(trimString)
  @IsString()
  @Length(1, CLINICAL_TEXT_MAX_LENGTH)
  reaction?: string;

  @IsOptional()
  @IsIn(ALLERGY_SEVERITY_VALUES)
  severity?: AllergySeverity;
}

export class EmergencyContactDto {
  @Transform(trimString)
  @IsString()
  @Length(1, CLINICAL_TEXT_MAX_LENGTH)
  name!: string;

  /** @example "+33 6 12 34 56 78" */
  @Transform(trimString)
  @IsString()
  @Length(3, CLINICAL_PHONE_MAX_LENGTH)
  @Matches(/^[+0-9 ().-]+$/, { message: 'phone may contain digits, spaces, +, (, ), . and - only' })
  phone!: string;

  /** @example "Daughter" */
  @IsOptional()
  @Transform(trimString)
  @IsString()
  @Length(1, CLINICAL_TEXT_MAX_LENGTH)
  relation?: string;
}

/** The patient's clinical profile, as written with PUT /api/me/clinical (the whole object each time). */
export class UpdateClinicalProfileDto {
  /** YYYY-MM-DD, not in the future. @example "1961-04-12" */
  @IsOptional()
  @IsPastCalendarDate()
  dateOfBirth?: string;

  @IsOptional()
  @IsIn(SEX_VALUES)
  sex?: Sex;

  @IsArray()
  @ArrayMaxSize(CLINICAL_LIST_MAX)
  @ValidateNested({ each: true })
  @Type(() => AllergyDto)
  allergies!: AllergyDto[];

  /** True when the patient states they have no known allergies (only with an empty `allergies`). */
  @IsOptional()
  @IsBoolean()
  noKnownAllergies?: boolean;

  /** @example ["Type 2 diabetes"] */
  @IsArray()
  @ArrayMaxSize(CLINICAL_LIST_MAX)
  @Transform(trimEach)
  @IsString({ each: true })
  @Length(1, CLINICAL_TEXT_MAX_LENGTH, { each: true })
  conditions!: string[];

  /** @example ["Metformin 500 mg twice daily"] */
  @IsArray()
  @ArrayMaxSize(CLINICAL_LIST_MAX)
  @Transform(trimEach)
  @IsString({ each: true })
  @Length(1, CLINICAL_TEXT_MAX_LENGTH, { each: true })
  medications!: string[];

  @IsOptional()
  @ValidateNested()
  @Type(() => EmergencyContactDto)
  emergencyContact?: EmergencyContactDto;
}

/** The clinical profile as read; `updatedAt` is null while the patient has never saved one. */
export class ClinicalProfileDto {
  dateOfBirth?: string;
  sex?: Sex;
  allergies!: AllergyDto[];
  noKnownAllergies?: boolean;
  conditions!: string[];
  medications!: string[];
  emergencyContact?: EmergencyContactDto;
  /** ISO-8601 UTC of the last save; null before the first. */
  updatedAt!: string | null;
}
