import { IsMongoId } from 'class-validator';

export class PatientFileParamsDto {
  /** The patient's user id. */
  @IsMongoId()
  patientId!: string;

  /** File id. */
  @IsMongoId()
  fileId!: string;
}
