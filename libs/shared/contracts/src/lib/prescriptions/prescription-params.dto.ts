import { IsMongoId } from 'class-validator';

export class PatientPrescriptionParamsDto {
  /** The patient's user id. */
  @IsMongoId()
  patientId!: string;

  /** Prescription id. */
  @IsMongoId()
  id!: string;
}
