import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { type Model, type QueryFilter, Types } from 'mongoose';
import {
  DEFAULT_PAGE_LIMIT,
  type ListNotificationsQueryDto,
  type NotificationDto,
  type NotificationPageDto,
  type NotificationType,
} from '@cloudvault/contracts';
import type { AuthUser } from '../../common/http/auth-user';
import { afterPosition, decodeDateCursor, toPage } from '../../common/query/page-cursor';
import { NotificationEvents } from './notification-events';
import { Notification } from './notification.schema';
import { toNotificationDto } from './notifications.mapper';

/** What a feature asks to tell someone. Title and body carry no more PHI than the recipient may read. */
export interface NotificationInput {
  type: NotificationType;
  title: string;
  body?: string;
  /** SPA path of the record concerned. */
  link?: string;
  /** At most one notification per recipient and key (e.g. `vital.alert:<patient>:<type>:<hour>`). */
  dedupeKey?: string;
}

const DUPLICATE_KEY = 11000;
const oid = (id: string) => new Types.ObjectId(id);

/**
 * In-app notifications. Features call `notify` after their own write, in the same request, so a
 * notification is stored before the request answers; it is then published for live delivery.
 */
@Injectable()
export class NotificationsService {
  constructor(
    @InjectModel(Notification.name) private readonly notifications: Model<Notification>,
    private readonly events: NotificationEvents,
  ) {}

  /** Stores and publishes one notification; null when its dedupe key was already used for this recipient. */
  async notify(recipientId: string, input: NotificationInput): Promise<NotificationDto | null> {
    let created;
    try {
      created = await this.notifications.create({ recipientId: oid(recipientId), ...input });
    } catch (err) {
      if ((err as { code?: number }).code === DUPLICATE_KEY && input.dedupeKey) return null;
      throw err;
    }
    const notification = toNotificationDto(created.toObject());
    this.events.publish({ recipientId, notification });
    return notification;
  }

  /** The same notification to several recipients (e.g. every doctor in care). */
  async notifyAll(recipientIds: string[], input: NotificationInput): Promise<void> {
    for (const id of recipientIds) await this.notify(id, input);
  }

  async list(actor: AuthUser, query: ListNotificationsQueryDto): Promise<NotificationPageDto> {
    const limit = query.limit ?? DEFAULT_PAGE_LIMIT;
    const own: QueryFilter<Notification> = { recipientId: oid(actor.id) };
    const filter: QueryFilter<Notification> = query.unread ? { ...own, readAt: null } : { ...own };
    if (query.cursor) {
      const { at, id } = decodeDateCursor(query.cursor);
      filter.$and = [afterPosition('createdAt', at, id, 'desc')];
    }
    const [rows, unreadCount] = await Promise.all([
      this.notifications
        .find(filter)
        .sort({ createdAt: -1, _id: -1 })
        .limit(limit + 1)
        .lean<Array<Notification & { _id: Types.ObjectId }>>(),
      this.unreadCount(actor.id),
    ]);
    return { ...toPage(rows, limit, toNotificationDto, (r) => r.createdAt.toISOString()), unreadCount };
  }

  /** Whether the recipient already has the notification with this dedupe key. */
  async hasKey(recipientId: string, dedupeKey: string): Promise<boolean> {
    // asked on every doctor read of a record: through the driver, without Mongoose's query casting
    const found = await this.notifications.collection.findOne(
      { recipientId: oid(recipientId), dedupeKey },
      { projection: { _id: 1 } },
    );
    return found !== null;
  }

  unreadCount(recipientId: string): Promise<number> {
    return this.notifications.countDocuments({ recipientId: oid(recipientId), readAt: null });
  }

  /** Marks one of the caller's notifications read (idempotent: the first read time is kept). */
  async markRead(actor: AuthUser, id: string): Promise<NotificationDto> {
    const own = { _id: oid(id), recipientId: oid(actor.id) };
    await this.notifications.updateOne({ ...own, readAt: null }, { $set: { readAt: new Date() } });
    const row = await this.notifications.findOne(own).lean<Notification & { _id: Types.ObjectId }>();
    if (!row) throw new NotFoundException('Notification not found');
    return toNotificationDto(row);
  }

  async markAllRead(actor: AuthUser): Promise<void> {
    await this.notifications.updateMany({ recipientId: oid(actor.id), readAt: null }, { $set: { readAt: new Date() } });
  }

  /** Erases every notification of an account (account deletion). */
  async deleteAllFor(recipientId: string): Promise<void> {
    await this.notifications.deleteMany({ recipientId: oid(recipientId) });
  }
}
