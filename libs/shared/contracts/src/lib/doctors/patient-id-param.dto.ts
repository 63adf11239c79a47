import { IsMongoId } from 'class-validator';

export class PatientIdParamDto {
  /** The patient's user id. */
  @IsMongoId()
  patientId!: string;
}
