import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { type HydratedDocument, Schema as MongooseSchema, type Types } from 'mongoose';

/**
 * Metadata of a stored medical file; the bytes live in object storage under `storageKey`. A document is
 * written only after its object is stored, and `deleting` marks one whose object is being removed.
 */
@Schema({ collection: 'medical_files', versionKey: false, timestamps: { createdAt: true, updatedAt: false } })
export class MedicalFile {
  @Prop({ type: MongooseSchema.Types.ObjectId, required: true }) patientId!: Types.ObjectId;
  /** Sanitised original name. */
  @Prop({ required: true, maxlength: 200 }) name!: string;
  @Prop({ maxlength: 1000 }) description?: string;
  /** Decided from the bytes. */
  @Prop({ required: true }) contentType!: string;
  @Prop({ required: true }) size!: number;
  @Prop({ required: true }) sha256!: string;
  @Prop({ required: true }) storageDriver!: 'local' | 's3';
  @Prop({ required: true }) storageKey!: string;
  @Prop() deleting?: boolean;
  createdAt!: Date;
}

export type MedicalFileDocument = HydratedDocument<MedicalFile>;
export type StoredMedicalFile = MedicalFile & { _id: Types.ObjectId };
export const MedicalFileSchema = SchemaFactory.createForClass(MedicalFile);
MedicalFileSchema.index({ patientId: 1, createdAt: -1, _id: -1 });
MedicalFileSchema.index({ storageKey: 1 }, { unique: true });
