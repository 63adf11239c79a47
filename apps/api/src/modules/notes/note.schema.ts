import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { type HydratedDocument, SchemaTypes, Types } from 'mongoose';
import { NOTE_BODY_MAX_LENGTH, NOTE_VISIBILITY_VALUES, type NoteVisibility } from '@cloudvault/contracts';

/** A superseded version of a note, kept when its author edits it (clinical notes are never lost). */
@Schema({ _id: false, versionKey: false })
export class NoteRevision {
  @Prop({ required: true }) body!: string;
  @Prop({ required: true, enum: NOTE_VISIBILITY_VALUES }) visibility!: NoteVisibility;
  /** When this version was replaced. */
  @Prop({ required: true }) replacedAt!: Date;
}
const NoteRevisionSchema = SchemaFactory.createForClass(NoteRevision);

/** A doctor's note about a patient. Deleting hides it (deletedAt) but keeps it for the record. */
@Schema({ collection: 'notes', timestamps: true, versionKey: false })
export class Note {
  @Prop({ required: true, type: SchemaTypes.ObjectId }) patientId!: Types.ObjectId;
  @Prop({ required: true, type: SchemaTypes.ObjectId }) authorId!: Types.ObjectId;
  @Prop({ required: true, enum: NOTE_VISIBILITY_VALUES }) visibility!: NoteVisibility;
  @Prop({ required: true, maxlength: NOTE_BODY_MAX_LENGTH }) body!: string;
  @Prop({ type: [NoteRevisionSchema], default: [], select: false }) revisions!: NoteRevision[];
  @Prop() deletedAt?: Date;
  createdAt!: Date;
  updatedAt!: Date;
}

export type NoteDocument = HydratedDocument<Note>;
export const NoteSchema = SchemaFactory.createForClass(Note);
NoteSchema.index({ patientId: 1, createdAt: -1, _id: -1 });
