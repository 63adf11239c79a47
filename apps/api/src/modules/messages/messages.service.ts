import { ConflictException, ForbiddenException, Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { type Model, type QueryFilter, Types } from 'mongoose';
import {
  type ConsultationDto,
  type CreateMessageDto,
  DEFAULT_PAGE_LIMIT,
  type MessageDto,
  type MessagePageDto,
  type PageQueryDto,
} from '@cloudvault/contracts';
import type { AuthUser } from '../../common/http/auth-user';
import { afterPosition, decodeDateCursor, toPage } from '../../common/query/page-cursor';
import { AuditService } from '../../infra/audit/audit.service';
import { ConsultationsService } from '../consultations/consultations.service';
import { NotificationsService } from '../notifications/notifications.service';
import { messageReceivedNotice } from './message-notices';
import { Message, type StoredMessage } from './message.schema';
import { toMessageDto } from './messages.mapper';
import { UnreadMessagesService } from './unread-messages.service';

const RESOURCE = 'message';

/**
 * Secure messaging within a consultation, with the notes' rules: only the two parties (anyone else: 404);
 * a doctor reads only while in care of the patient (else 403, as the doctor workspace); writing needs the
 * consultation to be active (else 409), so an ended one keeps its history read-only. Every use is audited.
 */
@Injectable()
export class MessagesService {
  constructor(
    @InjectModel(Message.name) private readonly messages: Model<Message>,
    private readonly consultations: ConsultationsService,
    private readonly notifications: NotificationsService,
    private readonly unread: UnreadMessagesService,
    private readonly audit: AuditService,
  ) {}

  async list(actor: AuthUser, consultationId: string, query: PageQueryDto): Promise<MessagePageDto> {
    const c = await this.readable(actor, consultationId, 'message.list');
    const limit = query.limit ?? DEFAULT_PAGE_LIMIT;
    const filter: QueryFilter<Message> = { consultationId: new Types.ObjectId(c.id) };
    if (query.cursor) {
      const { at, id } = decodeDateCursor(query.cursor);
      filter.$and = [afterPosition('createdAt', at, id, 'desc')];
    }
    const rows = await this.messages
      .find(filter)
      .sort({ createdAt: -1, _id: -1 })
      .limit(limit + 1)
      .lean<StoredMessage[]>();
    await this.audit.record({ actor, action: 'message.list', resourceType: RESOURCE, patientId: c.patientId });
    return toPage(
      rows,
      limit,
      (m) => toMessageDto(m, c),
      (m) => m.createdAt.toISOString(),
    );
  }

  async send(actor: AuthUser, consultationId: string, dto: CreateMessageDto): Promise<MessageDto> {
    const c = await this.consultations.findOwn(actor, consultationId);
    if (c.status !== 'active') {
      throw new ConflictException(`Messages can be sent in an active consultation only; this one is ${c.status}`);
    }
    const created = await this.messages.create({
      consultationId: new Types.ObjectId(c.id),
      patientId: new Types.ObjectId(c.patientId),
      doctorId: new Types.ObjectId(c.doctorId),
      senderId: new Types.ObjectId(actor.id),
      senderRole: actor.role,
      body: dto.body,
    });
    await this.audit.record({
      actor,
      action: 'message.create',
      resourceType: RESOURCE,
      resourceId: created.id,
      patientId: c.patientId,
    });
    const notice = messageReceivedNotice(c, actor.role);
    await this.notifications.notify(notice.recipientId, notice.input);
    return toMessageDto(created.toObject<StoredMessage>(), c);
  }

  /** Marks the other party's messages of the consultation read (the first read time is kept). */
  async markRead(actor: AuthUser, consultationId: string): Promise<void> {
    const c = await this.readable(actor, consultationId, 'message.read');
    await this.messages.updateMany(
      { consultationId: new Types.ObjectId(c.id), readAt: null, senderId: { $ne: new Types.ObjectId(actor.id) } },
      { $set: { readAt: new Date() } },
    );
    await this.audit.record({ actor, action: 'message.read', resourceType: RESOURCE, patientId: c.patientId });
  }

  /** Erases every message of the user's consultations (account deletion). */
  eraseAccount(userId: string): Promise<void> {
    return this.unread.eraseAccount(userId);
  }

  /** The caller's consultation (else 404); a doctor must be in care of its patient now (else 403, audited). */
  private async readable(actor: AuthUser, consultationId: string, action: string): Promise<ConsultationDto> {
    const c = await this.consultations.findOwn(actor, consultationId);
    if (actor.role === 'doctor' && !(await this.consultations.hasActiveConsultation(actor.id, c.patientId))) {
      await this.audit.record({ actor, action, resourceType: RESOURCE, patientId: c.patientId, outcome: 'denied' });
      throw new ForbiddenException('No active consultation with this patient');
    }
    return c;
  }
}
