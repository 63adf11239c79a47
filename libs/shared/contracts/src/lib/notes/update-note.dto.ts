import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { NOTE_BODY_MAX_LENGTH, NOTE_VISIBILITY_VALUES, type NoteVisibility } from './note-visibility';

/** Author-only edit; at least one field. */
export class UpdateNoteDto {
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(NOTE_BODY_MAX_LENGTH)
  body?: string;

  @IsOptional()
  @IsIn(NOTE_VISIBILITY_VALUES)
  visibility?: NoteVisibility;
}
