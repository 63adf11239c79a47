import { IsMongoId } from 'class-validator';

export class PatientNoteParamsDto {
  /** The patient's user id. */
  @IsMongoId()
  patientId!: string;

  /** Note id. */
  @IsMongoId()
  noteId!: string;
}
