import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { type HydratedDocument, SchemaTypes, Types } from 'mongoose';
import { MESSAGE_BODY_MAX_LENGTH, ROLE_VALUES, type Role } from '@cloudvault/contracts';

/** One message in a consultation; both parties' ids are kept so account deletion erases by party. */
@Schema({ collection: 'messages', timestamps: { createdAt: true, updatedAt: false }, versionKey: false })
export class Message {
  @Prop({ required: true, type: SchemaTypes.ObjectId }) consultationId!: Types.ObjectId;
  @Prop({ required: true, type: SchemaTypes.ObjectId }) patientId!: Types.ObjectId;
  @Prop({ required: true, type: SchemaTypes.ObjectId }) doctorId!: Types.ObjectId;
  @Prop({ required: true, type: SchemaTypes.ObjectId }) senderId!: Types.ObjectId;
  @Prop({ required: true, enum: ROLE_VALUES }) senderRole!: Role;
  @Prop({ required: true, maxlength: MESSAGE_BODY_MAX_LENGTH }) body!: string;
  /** Set when the other party marks the conversation read. */
  @Prop() readAt?: Date;
  createdAt!: Date;
}

export type MessageDocument = HydratedDocument<Message>;
export type StoredMessage = Message & { _id: Types.ObjectId };
export const MessageSchema = SchemaFactory.createForClass(Message);
// the conversation, newest first
MessageSchema.index({ consultationId: 1, createdAt: -1, _id: -1 });
// unread counts and "mark read": the other party's unread messages of a consultation
MessageSchema.index({ consultationId: 1, readAt: 1, senderId: 1 });
// account deletion
MessageSchema.index({ patientId: 1 });
MessageSchema.index({ doctorId: 1 });
