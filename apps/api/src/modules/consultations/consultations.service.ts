import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { type QueryFilter, type Model, type PipelineStage, Types } from 'mongoose';
import {
  DEFAULT_PAGE_LIMIT,
  type ConsultationDto,
  type ConsultationPageDto,
  type CreateConsultationDto,
  type ListConsultationsQueryDto,
} from '@cloudvault/contracts';
import type { AuthUser } from '../../common/http/auth-user';
import { isObjectId } from '../../common/query/object-id';
import { afterPosition, decodeDateCursor, toPage } from '../../common/query/page-cursor';
import { lookupUser } from '../../common/query/user-lookup';
import { AuditService } from '../../infra/audit/audit.service';
import { UnreadMessagesService } from '../messages/unread-messages.service';
import { NotificationsService } from '../notifications/notifications.service';
import { UsersService } from '../users/users.service';
import { ConsultationLifecycle } from './consultation-lifecycle';
import { type ConsultationNotice, requestNotice, transitionNotice } from './consultation-notices';
import { type ConsultationAction, transitionRule } from './consultation-state-machine';
import { Consultation } from './consultation.schema';
import { type ConsultationView, toConsultationDto } from './consultations.mapper';

const isDuplicateKey = (e: unknown): boolean => (e as { code?: unknown })?.code === 11000;

/** Care relationships: requests, the state machine, and the "is this doctor consulting this patient" check. */
@Injectable()
export class ConsultationsService {
  constructor(
    @InjectModel(Consultation.name) private readonly consultations: Model<Consultation>,
    private readonly users: UsersService,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly lifecycle: ConsultationLifecycle,
    private readonly unread: UnreadMessagesService,
  ) {}

  /** A patient asks a doctor; a second open request for the same pair is refused by the unique index. */
  async request(actor: AuthUser, dto: CreateConsultationDto): Promise<ConsultationDto> {
    const doctor = await this.users.findPublicProfile(dto.doctorId);
    if (doctor?.role !== 'doctor') throw new NotFoundException('Doctor not found');
    const patientId = new Types.ObjectId(actor.id);
    let id: Types.ObjectId;
    try {
      const created = await this.consultations.create({
        patientId,
        doctorId: new Types.ObjectId(dto.doctorId),
        status: 'pending',
        message: dto.message,
        history: [{ status: 'pending', at: new Date(), by: patientId, byRole: actor.role }],
      });
      id = created._id;
    } catch (e) {
      if (isDuplicateKey(e))
        throw new ConflictException('A pending or active consultation with this doctor already exists');
      throw e;
    }
    await this.audit.record({
      actor,
      action: 'consultation.request',
      resourceType: 'consultation',
      resourceId: id.toHexString(),
      patientId: actor.id,
    });
    const consultation = await this.view({ _id: id });
    await this.tell(requestNotice(consultation));
    return consultation;
  }

  /** The caller's own consultations (as patient or as doctor), newest first. */
  async list(actor: AuthUser, query: ListConsultationsQueryDto): Promise<ConsultationPageDto> {
    const limit = query.limit ?? DEFAULT_PAGE_LIMIT;
    const filter: QueryFilter<Consultation> = { [this.partyField(actor)]: new Types.ObjectId(actor.id) };
    if (query.status) filter.status = query.status;
    if (query.cursor) {
      const { at, id } = decodeDateCursor(query.cursor);
      Object.assign(filter, afterPosition('createdAt', at, id, 'desc'));
    }
    const rows = await this.consultations.aggregate<ConsultationView>([
      { $match: filter },
      { $sort: { createdAt: -1, _id: -1 } },
      { $limit: limit + 1 },
      ...this.joins(),
    ]);
    const unread = await this.unread.countFor(
      actor.id,
      rows.slice(0, limit).map((r) => r._id),
    );
    await this.audit.record({ actor, action: 'consultation.list', resourceType: 'consultation' });
    return toPage(
      rows,
      limit,
      (r) => ({ ...toConsultationDto(r), unreadMessages: unread.get(r._id.toHexString()) ?? 0 }),
      (r) => r.createdAt.toISOString(),
    );
  }

  /** One of the caller's consultations (as patient or doctor), with both names; anyone else's → 404. */
  findOwn(actor: AuthUser, id: string): Promise<ConsultationDto> {
    return this.view({ _id: new Types.ObjectId(id), [this.partyField(actor)]: new Types.ObjectId(actor.id) });
  }

  /**
   * Applies a state-machine action atomically: the update's filter holds the caller's party field and the
   * required current status, so two racing transitions cannot both win. Not a party → 404; wrong state → 409.
   */
  async transition(actor: AuthUser, id: string, action: ConsultationAction): Promise<ConsultationDto> {
    const rule = transitionRule(action);
    const own = { _id: new Types.ObjectId(id), [this.partyField(actor)]: new Types.ObjectId(actor.id) };
    const now = new Date();
    const updated = rule.by.includes(actor.role)
      ? await this.consultations
          .findOneAndUpdate(
            { ...own, status: rule.from },
            {
              $set: { status: rule.to, ...(rule.to === 'active' ? { activatedAt: now } : {}) },
              $push: { history: { status: rule.to, at: now, by: new Types.ObjectId(actor.id), byRole: actor.role } },
            },
            { returnDocument: 'after' },
          )
          .lean()
      : null;
    if (!updated) {
      const current = await this.consultations.findOne(own, { status: 1 }).lean();
      if (!current) throw new NotFoundException('Consultation not found');
      throw new ConflictException(
        `Only a ${rule.from} consultation can be ${rule.done}; this one is ${current.status}`,
      );
    }
    await this.audit.record({
      actor,
      action: `consultation.${action}`,
      resourceType: 'consultation',
      resourceId: id,
      patientId: updated.patientId.toHexString(),
    });
    const consultation = await this.view({ _id: updated._id });
    await this.tell(transitionNotice(consultation, action, actor.role));
    if (rule.to === 'ended')
      await this.lifecycle.ended({
        consultationId: id,
        patientId: consultation.patientId,
        doctorId: consultation.doctorId,
        byRole: actor.role,
      });
    return consultation;
  }

  /** The access check behind ConsultingPatientGuard: read from the database on every call, never cached. */
  async hasActiveConsultation(doctorId: string, patientId: string): Promise<boolean> {
    if (!isObjectId(doctorId) || !isObjectId(patientId)) return false;
    // checked on every doctor request: through the driver, without Mongoose's query casting
    const found = await this.consultations.collection.findOne(
      { doctorId: new Types.ObjectId(doctorId), patientId: new Types.ObjectId(patientId), status: 'active' },
      { projection: { _id: 1 } },
    );
    return found !== null;
  }

  /** The doctors with an active consultation with this patient (for alerts about the patient). */
  async activeDoctorIds(patientId: string): Promise<string[]> {
    const rows = await this.consultations
      .find({ patientId: new Types.ObjectId(patientId), status: 'active' }, { doctorId: 1 })
      .lean();
    return rows.map((r) => r.doctorId.toHexString());
  }

  private async tell(notice: ConsultationNotice | null): Promise<void> {
    if (notice) await this.notifications.notify(notice.recipientId, notice.input);
  }

  private partyField(actor: AuthUser): 'patientId' | 'doctorId' {
    return actor.role === 'doctor' ? 'doctorId' : 'patientId';
  }

  private joins(): PipelineStage[] {
    return [...lookupUser('patientId', 'patient'), ...lookupUser('doctorId', 'doctor')];
  }

  private async view(match: QueryFilter<Consultation>): Promise<ConsultationDto> {
    const [row] = await this.consultations.aggregate<ConsultationView>([
      { $match: match },
      { $limit: 1 },
      ...this.joins(),
    ]);
    if (!row) throw new NotFoundException('Consultation not found');
    return toConsultationDto(row);
  }
}
