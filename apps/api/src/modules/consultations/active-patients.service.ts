import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { type Model, type PipelineStage, Types } from 'mongoose';
import {
  DEFAULT_PAGE_LIMIT,
  type DoctorPatientDto,
  type DoctorPatientPageDto,
  type ListDoctorPatientsQueryDto,
  type PatientProfileDto,
} from '@cloudvault/contracts';
import type { AuthUser } from '../../common/http/auth-user';
import { containsInsensitive } from '../../common/query/escape-regex';
import { afterPosition, decodeCursor, toPage } from '../../common/query/page-cursor';
import { type JoinedUser, lookupUser } from '../../common/query/user-lookup';
import { AuditService } from '../../infra/audit/audit.service';
import { UnreadMessagesService } from '../messages/unread-messages.service';
import { UsersService } from '../users/users.service';
import { Consultation } from './consultation.schema';

type ActiveRow = Consultation & { _id: Types.ObjectId; patient?: Partial<JoinedUser> };

function toDoctorPatientDto(r: ActiveRow, unreadMessages: number): DoctorPatientDto {
  return {
    id: r.patientId.toHexString(),
    name: r.patient?.name ?? 'Deleted account',
    consultationId: r._id.toHexString(),
    since: (r.activatedAt ?? r.updatedAt).toISOString(),
    unreadMessages,
  };
}

/** The doctor's side of care relationships: who they are treating now, and each patient's profile. */
@Injectable()
export class ActivePatientsService {
  constructor(
    @InjectModel(Consultation.name) private readonly consultations: Model<Consultation>,
    private readonly users: UsersService,
    private readonly audit: AuditService,
    private readonly unread: UnreadMessagesService,
  ) {}

  /** Patients with an active consultation with this doctor, by name; `q` matches the name literally. */
  async list(actor: AuthUser, query: ListDoctorPatientsQueryDto): Promise<DoctorPatientPageDto> {
    const limit = query.limit ?? DEFAULT_PAGE_LIMIT;
    const pipeline: PipelineStage[] = [
      { $match: { doctorId: new Types.ObjectId(actor.id), status: 'active' } },
      ...lookupUser('patientId', 'patient'),
    ];
    if (query.q) pipeline.push({ $match: { 'patient.name': containsInsensitive(query.q) } });
    if (query.cursor) {
      const { key, id } = decodeCursor(query.cursor);
      pipeline.push({ $match: afterPosition('patient.name', key, id, 'asc') });
    }
    pipeline.push({ $sort: { 'patient.name': 1, _id: 1 } }, { $limit: limit + 1 });
    const rows = await this.consultations.aggregate<ActiveRow>(pipeline);
    const unread = await this.unread.countFor(
      actor.id,
      rows.slice(0, limit).map((r) => r._id),
    );
    await this.audit.record({ actor, action: 'patient.list', resourceType: 'patient' });
    return toPage(
      rows,
      limit,
      (r) => toDoctorPatientDto(r, unread.get(r._id.toHexString()) ?? 0),
      (r) => r.patient?.name ?? '',
    );
  }

  /** The profile of a patient the doctor is consulting (the guard has checked the relationship). */
  async profile(actor: AuthUser, patientId: string): Promise<PatientProfileDto> {
    const consultation = await this.consultations
      .findOne({ doctorId: new Types.ObjectId(actor.id), patientId: new Types.ObjectId(patientId), status: 'active' })
      .lean();
    const user = consultation ? await this.users.findById(patientId) : null;
    if (!consultation || user?.role !== 'patient') throw new NotFoundException('Patient not found');
    await this.audit.record({
      actor,
      action: 'patient.profile.read',
      resourceType: 'user',
      resourceId: patientId,
      patientId,
    });
    return {
      id: user.id,
      name: user.name,
      email: user.email,
      createdAt: user.createdAt,
      consultationId: consultation._id.toHexString(),
      since: (consultation.activatedAt ?? consultation.updatedAt).toISOString(),
    };
  }
}
