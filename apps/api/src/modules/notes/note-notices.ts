import type { NoteDto } from '@cloudvault/contracts';
import type { NotificationInput } from '../notifications/notifications.service';

/** The patient is told that a doctor shared a note (the note itself stays in the notes list). */
export function noteSharedNotice(note: NoteDto): NotificationInput {
  return { type: 'note.shared', title: `${note.author.name} shared a note with you`, link: '/patient/notes' };
}
