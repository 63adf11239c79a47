import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { NotificationsModule } from '../notifications/notifications.module';
import { Note, NoteSchema } from './note.schema';
import { NotesController } from './notes.controller';
import { NotesService } from './notes.service';

/** Doctors' notes. The doctor routes live in the doctor module; GET /api/notes (patient) lives here. */
@Module({
  imports: [MongooseModule.forFeature([{ name: Note.name, schema: NoteSchema }]), NotificationsModule],
  controllers: [NotesController],
  providers: [NotesService],
  exports: [NotesService],
})
export class NotesModule {}
