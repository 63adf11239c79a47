import { FORMER_DOCTOR } from '../users/former-account';
import type { NoteDto } from '@cloudvault/contracts';
import type { Types } from 'mongoose';
import type { JoinedUser } from '../../common/query/user-lookup';
import type { Note } from './note.schema';

/** A note row joined with its author's display fields. */
export type NoteView = Note & { _id: Types.ObjectId; author?: Partial<JoinedUser> };

export function toNoteDto(n: NoteView): NoteDto {
  return {
    id: n._id.toHexString(),
    patientId: n.patientId.toHexString(),
    author: {
      id: n.authorId.toHexString(),
      name: n.author?.name ?? FORMER_DOCTOR,
      ...(n.author?.specialty ? { specialty: n.author.specialty } : {}),
    },
    visibility: n.visibility,
    body: n.body,
    createdAt: n.createdAt.toISOString(),
    updatedAt: n.updatedAt.toISOString(),
  };
}
