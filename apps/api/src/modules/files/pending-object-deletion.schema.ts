import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { HydratedDocument } from 'mongoose';

/**
 * An object whose file was erased (the metadata is already gone) and whose bytes must still leave the store.
 * Written before the metadata is deleted, removed once the store confirms; the sweeper retries the rest.
 */
@Schema({ collection: 'pending_object_deletions', versionKey: false })
export class PendingObjectDeletion {
  @Prop({ required: true }) storageKey!: string;
  @Prop({ required: true, default: 0 }) attempts!: number;
  @Prop({ required: true }) nextAttemptAt!: Date;
}

export type PendingObjectDeletionDocument = HydratedDocument<PendingObjectDeletion>;
export const PendingObjectDeletionSchema = SchemaFactory.createForClass(PendingObjectDeletion);
PendingObjectDeletionSchema.index({ storageKey: 1 }, { unique: true });
PendingObjectDeletionSchema.index({ nextAttemptAt: 1 });
