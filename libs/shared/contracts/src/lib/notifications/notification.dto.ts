import type { NotificationType } from './notification-type';

/** One notification, as listed and as emitted over the socket (event `notification`). */
export class NotificationDto {
  id!: string;
  type!: NotificationType;
  /** Short line shown in the bell's list; never more PHI than the recipient may already read. */
  title!: string;
  body?: string;
  /** SPA path of the record the notification is about, e.g. `/patient/consultations`. */
  link?: string;
  /** ISO-8601 UTC. */
  createdAt!: string;
  /** ISO-8601 UTC; absent while unread. */
  readAt?: string;
}

export class NotificationPageDto {
  items!: NotificationDto[];
  /** Pass back as `cursor` for the next page; null on the last page. */
  nextCursor!: string | null;
  /** How many of the caller's notifications are unread (all pages). */
  unreadCount!: number;
}
