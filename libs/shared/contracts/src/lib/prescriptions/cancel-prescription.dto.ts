import { IsOptional, IsString, MaxLength } from 'class-validator';
import { PRESCRIPTION_LIMITS } from './prescription-limits';

export class CancelPrescriptionDto {
  /** Why it is cancelled (shown to the patient). */
  @IsOptional()
  @IsString()
  @MaxLength(PRESCRIPTION_LIMITS.cancelReasonMaxLength)
  reason?: string;
}
