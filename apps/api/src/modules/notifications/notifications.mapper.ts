import type { NotificationDto } from '@cloudvault/contracts';
import type { Types } from 'mongoose';
import type { Notification } from './notification.schema';

export function toNotificationDto(n: Notification & { _id: Types.ObjectId }): NotificationDto {
  return {
    id: n._id.toHexString(),
    type: n.type,
    title: n.title,
    ...(n.body ? { body: n.body } : {}),
    ...(n.link ? { link: n.link } : {}),
    createdAt: n.createdAt.toISOString(),
    ...(n.readAt ? { readAt: n.readAt.toISOString() } : {}),
  };
}
