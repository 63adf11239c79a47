import { IsMongoId, IsOptional, IsString, MaxLength } from 'class-validator';
import { CONSULTATION_MESSAGE_MAX_LENGTH } from './consultation-status';

/** A patient asks a doctor to take them on. */
export class CreateConsultationDto {
  /** The doctor's user id (from GET /api/doctors). @example "665f1c2e8b3a4d0012345678" */
  @IsMongoId()
  doctorId!: string;

  /** A short message for the doctor (reason for the request). */
  @IsOptional()
  @IsString()
  @MaxLength(CONSULTATION_MESSAGE_MAX_LENGTH)
  message?: string;
}
