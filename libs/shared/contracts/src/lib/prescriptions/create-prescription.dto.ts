import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { MEDICATION_ROUTE_VALUES, PRESCRIPTION_LIMITS, type MedicationRoute } from './prescription-limits';

export class MedicationDto {
  /** Medicine name (generic name preferred). @example "Amlodipine" */
  @IsString()
  @IsNotEmpty()
  @MaxLength(PRESCRIPTION_LIMITS.nameMaxLength)
  name!: string;

  /** Amount per intake, with its unit. @example "5 mg" */
  @IsString()
  @IsNotEmpty()
  @MaxLength(PRESCRIPTION_LIMITS.doseMaxLength)
  dose!: string;

  /** How often. @example "once daily" */
  @IsString()
  @IsNotEmpty()
  @MaxLength(PRESCRIPTION_LIMITS.frequencyMaxLength)
  frequency!: string;

  /** Route of administration. */
  @IsOptional()
  @IsIn(MEDICATION_ROUTE_VALUES)
  route?: MedicationRoute;

  /** Treatment length in days; omit for ongoing treatment. @example 30 */
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(PRESCRIPTION_LIMITS.durationDaysMax)
  durationDays?: number;
}

export class CreatePrescriptionDto {
  /** One to 20 medications. */
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(PRESCRIPTION_LIMITS.medicationsMax)
  @ValidateNested({ each: true })
  @Type(() => MedicationDto)
  medications!: MedicationDto[];

  /** Instructions for the patient. @example "Take in the morning with water." */
  @IsString()
  @MaxLength(PRESCRIPTION_LIMITS.instructionsMaxLength)
  instructions!: string;
}
