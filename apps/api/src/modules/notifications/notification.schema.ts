import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { type HydratedDocument, SchemaTypes, Types } from 'mongoose';
import {
  NOTIFICATION_BODY_MAX_LENGTH,
  NOTIFICATION_TITLE_MAX_LENGTH,
  NOTIFICATION_TYPES,
  type NotificationType,
} from '@cloudvault/contracts';

/** An in-app notification for one recipient, stored before it is emitted so none is lost. */
@Schema({ collection: 'notifications', timestamps: { createdAt: true, updatedAt: false }, versionKey: false })
export class Notification {
  @Prop({ required: true, type: SchemaTypes.ObjectId }) recipientId!: Types.ObjectId;
  @Prop({ required: true, enum: NOTIFICATION_TYPES }) type!: NotificationType;
  @Prop({ required: true, maxlength: NOTIFICATION_TITLE_MAX_LENGTH }) title!: string;
  @Prop({ maxlength: NOTIFICATION_BODY_MAX_LENGTH }) body?: string;
  @Prop() link?: string;
  @Prop() readAt?: Date;
  /**
   * Set for notifications that must be sent once per period (e.g. `vital.alert` once per patient, type and
   * hour): a second one with the same key for the same recipient is refused by the unique index.
   */
  @Prop() dedupeKey?: string;
  createdAt!: Date;
}

export type NotificationDocument = HydratedDocument<Notification>;
export const NotificationSchema = SchemaFactory.createForClass(Notification);
// the list (newest first) and the unread list/count of one recipient
NotificationSchema.index({ recipientId: 1, createdAt: -1, _id: -1 });
NotificationSchema.index({ recipientId: 1, readAt: 1, createdAt: -1, _id: -1 });
NotificationSchema.index(
  { recipientId: 1, dedupeKey: 1 },
  { unique: true, partialFilterExpression: { dedupeKey: { $type: 'string' } } },
);
