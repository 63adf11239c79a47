import type { NoteVisibility } from './note-visibility';

export class NoteAuthorDto {
  id!: string;
  name!: string;
  specialty?: string;
}

export class NoteDto {
  id!: string;
  patientId!: string;
  author!: NoteAuthorDto;
  visibility!: NoteVisibility;
  body!: string;
  /** ISO-8601 UTC. */
  createdAt!: string;
  /** ISO-8601 UTC; later than createdAt once edited. */
  updatedAt!: string;
}

export class NotePageDto {
  items!: NoteDto[];
  /** Pass back as `cursor` for the next page; null on the last page. */
  nextCursor!: string | null;
}
