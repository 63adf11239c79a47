import { IsIn, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { NOTE_BODY_MAX_LENGTH, NOTE_VISIBILITY_VALUES, type NoteVisibility } from './note-visibility';

export class CreateNoteDto {
  /** The note text. */
  @IsString()
  @IsNotEmpty()
  @MaxLength(NOTE_BODY_MAX_LENGTH)
  body!: string;

  /** `private` (only you) or `shared` (the patient sees it at GET /api/notes). */
  @IsIn(NOTE_VISIBILITY_VALUES)
  visibility!: NoteVisibility;
}
