import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { SchemaTypes, Types } from 'mongoose';

/** One summary generation attempt, the log the per-user hourly limit counts; expires after the hour. */
@Schema({ collection: 'summary_requests', versionKey: false })
export class SummaryRequest {
  @Prop({ required: true, type: SchemaTypes.ObjectId }) requesterId!: Types.ObjectId;
  @Prop({ required: true }) at!: Date;
}

export const SUMMARY_RATE_WINDOW_MS = 3600_000;
export const SummaryRequestSchema = SchemaFactory.createForClass(SummaryRequest);
SummaryRequestSchema.index({ requesterId: 1, at: 1, _id: 1 });
SummaryRequestSchema.index({ at: 1 }, { expireAfterSeconds: SUMMARY_RATE_WINDOW_MS / 1000 });
