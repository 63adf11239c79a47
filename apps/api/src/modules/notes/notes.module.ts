import { Module } from '@nestjs/common';
import { UsersModule } from '../users/users.module';
import { NotesErasureParticipant } from './notes-erasure.participant';
import { MongooseModule } from '@nestjs/mongoose';
import { NotificationsModule } from '../notifications/notifications.module';
import { Note, NoteSchema } from './note.schema';
import { NotesController } from './notes.controller';
import { NotesService } from './notes.service';

/** Doctors' notes. The doctor routes live in the doctor module; GET /api/notes (patient) lives here. */
@Module({
  imports: [UsersModule, MongooseModule.forFeature([{ name: Note.name, schema: NoteSchema }]), NotificationsModule],
  controllers: [NotesController],
  providers: [NotesErasureParticipant, NotesService],
  exports: [NotesService],
})
export class NotesModule {}
