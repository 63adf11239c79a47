import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { type Model, type PipelineStage, Types } from 'mongoose';
import { type DoctorPatientDto, type PatientProfileDto } from '@cloudvault/contracts';
import type { AuthUser } from '../../common/http/auth-user';
import { containsInsensitive } from '../../common/query/escape-regex';
import { type JoinedUser, lookupUser } from '../../common/query/user-lookup';
import { AuditService } from '../../infra/audit/audit.service';
import { ageOn } from '../clinical/clinical.mapper';
import { ClinicalService } from '../clinical/clinical.service';
import { UsersService } from '../users/users.service';
import { Consultation } from './consultation.schema';

type ActiveRow = Consultation & { _id: Types.ObjectId; patient?: Partial<JoinedUser> };

/** The largest care list one doctor's worklist handles (sorted and paged in memory). */
export const ACTIVE_PATIENTS_CAP = 5000;

/** A patient in care, before the worklist adds its figures. */
export type DoctorPatientBase = Pick<DoctorPatientDto, 'id' | 'name' | 'consultationId' | 'since'>;

function toDoctorPatientBase(r: ActiveRow): DoctorPatientBase {
  return {
    id: r.patientId.toHexString(),
    name: r.patient?.name ?? 'Deleted account',
    consultationId: r._id.toHexString(),
    since: (r.activatedAt ?? r.updatedAt).toISOString(),
  };
}

/** The doctor's side of care relationships: who they are treating now, and each patient's profile. */
@Injectable()
export class ActivePatientsService {
  constructor(
    @InjectModel(Consultation.name) private readonly consultations: Model<Consultation>,
    private readonly users: UsersService,
    private readonly audit: AuditService,
    private readonly clinical: ClinicalService,
  ) {}

  /**
   * Every patient with an active consultation with this doctor (one query; `q` matches the name literally),
   * capped at `ACTIVE_PATIENTS_CAP`; the worklist sorts and pages them.
   */
  async allActive(actor: AuthUser, q?: string): Promise<DoctorPatientBase[]> {
    const pipeline: PipelineStage[] = [
      { $match: { doctorId: new Types.ObjectId(actor.id), status: 'active' } },
      ...lookupUser('patientId', 'patient'),
    ];
    if (q) pipeline.push({ $match: { 'patient.name': containsInsensitive(q) } });
    pipeline.push({ $sort: { 'patient.name': 1, _id: 1 } }, { $limit: ACTIVE_PATIENTS_CAP });
    const rows = await this.consultations.aggregate<ActiveRow>(pipeline);
    return rows.map(toDoctorPatientBase);
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
    const clinical = await this.clinical.readForDoctor(actor, patientId);
    return {
      id: user.id,
      name: user.name,
      email: user.email,
      createdAt: user.createdAt,
      consultationId: consultation._id.toHexString(),
      since: (consultation.activatedAt ?? consultation.updatedAt).toISOString(),
      clinical,
      age: clinical.dateOfBirth ? ageOn(clinical.dateOfBirth, new Date()) : null,
    };
  }
}
