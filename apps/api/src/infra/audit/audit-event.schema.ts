import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { type HydratedDocument, SchemaTypes, Types } from 'mongoose';

export type AuditOutcome = 'success' | 'failure' | 'denied';

/** Append-only: written by AuditService.record and never updated or deleted by the application. */
@Schema({ collection: 'audit_events', versionKey: false, timestamps: { createdAt: 'at', updatedAt: false } })
export class AuditEvent {
  @Prop({ type: SchemaTypes.ObjectId }) actorId?: Types.ObjectId;
  @Prop() actorRole?: string;
  @Prop({ required: true }) action!: string;
  @Prop({ required: true }) resourceType!: string;
  @Prop() resourceId?: string;
  /** Set whenever the resource belongs to a patient: drives the patient's access log. */
  @Prop({ type: SchemaTypes.ObjectId }) patientId?: Types.ObjectId;
  @Prop({ required: true }) outcome!: AuditOutcome;
  @Prop() ip?: string;
  @Prop() userAgent?: string;
  @Prop() requestId?: string;
  /** Patient data sent outside the server (e.g. to an AI provider): the recipient and the categories of data. */
  @Prop({ type: { recipient: String, categories: [String] }, _id: false, default: undefined })
  disclosure?: { recipient: string; categories: string[] };
  at!: Date;
}

export type AuditEventDocument = HydratedDocument<AuditEvent>;
export const AuditEventSchema = SchemaFactory.createForClass(AuditEvent);
AuditEventSchema.index({ patientId: 1, at: -1, _id: -1 });
AuditEventSchema.index({ actorId: 1, at: -1 });
