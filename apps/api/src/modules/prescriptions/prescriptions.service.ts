import { ConflictException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { type Model, type QueryFilter, Types } from 'mongoose';
import {
  DEFAULT_PAGE_LIMIT,
  type CancelPrescriptionDto,
  type CreatePrescriptionDto,
  type ListPrescriptionsQueryDto,
  type PrescriptionDto,
  type PrescriptionPageDto,
} from '@cloudvault/contracts';
import type { AuthUser } from '../../common/http/auth-user';
import { afterPosition, decodeDateCursor, toPage } from '../../common/query/page-cursor';
import { lookupUser } from '../../common/query/user-lookup';
import { AuditService } from '../../infra/audit/audit.service';
import { NotificationsService } from '../notifications/notifications.service';
import { prescriptionIssuedNotice } from './prescription-notices';
import { Prescription } from './prescription.schema';
import { type PrescriptionView, toPrescriptionDto } from './prescriptions.mapper';

const oid = (id: string) => new Types.ObjectId(id);

/**
 * Prescriptions. Doctors (behind ConsultingPatientGuard) issue, list and cancel their own; the patient
 * reads theirs. Every query is scoped by patient; cancelling also by issuer.
 */
@Injectable()
export class PrescriptionsService {
  constructor(
    @InjectModel(Prescription.name) private readonly prescriptions: Model<Prescription>,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
  ) {}

  async issue(actor: AuthUser, patientId: string, dto: CreatePrescriptionDto): Promise<PrescriptionDto> {
    const created = await this.prescriptions.create({
      patientId: oid(patientId),
      doctorId: oid(actor.id),
      status: 'active',
      medications: dto.medications,
      instructions: dto.instructions,
    });
    await this.audit.record({
      actor,
      action: 'prescription.create',
      resourceType: 'prescription',
      resourceId: created.id,
      patientId,
    });
    const prescription = await this.view(created._id);
    await this.notifications.notify(patientId, prescriptionIssuedNotice(prescription));
    return prescription;
  }

  /** Every prescription of the patient (all doctors' — for medication reconciliation), newest first. */
  async listForPatient(
    actor: AuthUser,
    patientId: string,
    query: ListPrescriptionsQueryDto,
  ): Promise<PrescriptionPageDto> {
    const page = await this.page({ patientId: oid(patientId) }, query);
    await this.audit.record({ actor, action: 'prescription.list', resourceType: 'prescription', patientId });
    return page;
  }

  /** GET /api/prescriptions: the calling patient's own prescriptions with each doctor's name. */
  async listOwn(actor: AuthUser, query: ListPrescriptionsQueryDto): Promise<PrescriptionPageDto> {
    return this.listForPatient(actor, actor.id, query);
  }

  /** The patient's active prescriptions, newest first, for other services (which audit their own use). */
  async listActive(patientId: string): Promise<PrescriptionDto[]> {
    const rows = await this.prescriptions.aggregate<PrescriptionView>([
      { $match: { patientId: oid(patientId), status: 'active' } },
      { $sort: { createdAt: -1, _id: -1 } },
      ...lookupUser('doctorId', 'doctor'),
    ]);
    return rows.map(toPrescriptionDto);
  }

  /** Every prescription of the patient, oldest first, streamed (the FHIR export audits its use). */
  async *streamAll(patientId: string): AsyncGenerator<PrescriptionDto> {
    const rows = this.prescriptions
      .aggregate<PrescriptionView>([
        { $match: { patientId: oid(patientId) } },
        { $sort: { createdAt: 1, _id: 1 } },
        ...lookupUser('doctorId', 'doctor'),
      ])
      .cursor({ batchSize: 100 });
    for await (const row of rows) yield toPrescriptionDto(row as PrescriptionView);
  }

  /** Issuer only: another doctor's prescription → 403, already cancelled → 409, not this patient's → 404. */
  async cancel(actor: AuthUser, patientId: string, id: string, dto: CancelPrescriptionDto): Promise<PrescriptionDto> {
    const mine = { _id: oid(id), patientId: oid(patientId), doctorId: oid(actor.id) };
    const res = await this.prescriptions.updateOne(
      { ...mine, status: 'active' },
      { $set: { status: 'cancelled', cancelledAt: new Date(), ...(dto.reason ? { cancelReason: dto.reason } : {}) } },
    );
    if (res.matchedCount === 0) {
      if (await this.prescriptions.exists(mine)) throw new ConflictException('This prescription is already cancelled');
      if (await this.prescriptions.exists({ _id: oid(id), patientId: oid(patientId) })) {
        throw new ForbiddenException('Only the prescribing doctor can cancel this prescription');
      }
      throw new NotFoundException('Prescription not found');
    }
    await this.audit.record({
      actor,
      action: 'prescription.cancel',
      resourceType: 'prescription',
      resourceId: id,
      patientId,
    });
    return this.view(oid(id));
  }

  private async page(
    filter: QueryFilter<Prescription>,
    query: ListPrescriptionsQueryDto,
  ): Promise<PrescriptionPageDto> {
    const limit = query.limit ?? DEFAULT_PAGE_LIMIT;
    const match: QueryFilter<Prescription> = { ...filter, ...(query.status ? { status: query.status } : {}) };
    if (query.cursor) {
      const { at, id } = decodeDateCursor(query.cursor);
      match.$and = [afterPosition('createdAt', at, id, 'desc')];
    }
    const rows = await this.prescriptions.aggregate<PrescriptionView>([
      { $match: match },
      { $sort: { createdAt: -1, _id: -1 } },
      { $limit: limit + 1 },
      ...lookupUser('doctorId', 'doctor'),
    ]);
    return toPage(rows, limit, toPrescriptionDto, (r) => r.createdAt.toISOString());
  }

  private async view(id: Types.ObjectId): Promise<PrescriptionDto> {
    const [row] = await this.prescriptions.aggregate<PrescriptionView>([
      { $match: { _id: id } },
      ...lookupUser('doctorId', 'doctor'),
    ]);
    if (!row) throw new NotFoundException('Prescription not found');
    return toPrescriptionDto(row);
  }
}
