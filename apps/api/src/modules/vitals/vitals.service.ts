import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { type Model, Types } from 'mongoose';
import {
  type CreateVitalDto,
  DEFAULT_PAGE_LIMIT,
  type ListVitalsQueryDto,
  type VitalCategoryDto,
  type VitalDto,
  type VitalPageDto,
  type VitalsSummaryDto,
  type VitalsSummaryQueryDto,
} from '@cloudvault/contracts';
import type { AuthUser } from '../../common/http/auth-user';
import { afterPosition, decodeDateCursor, toPage } from '../../common/query/page-cursor';
import { AuditService } from '../../infra/audit/audit.service';
import { classifyReading } from '@cloudvault/contracts';
import { VitalAlertsService } from './vital-alerts.service';
import { codeVital } from './vital-coding';
import { VitalLatestService } from './vital-latest.service';
import { Vital, type StoredVital } from './vital.schema';
import { toVitalDto } from './vitals.mapper';
import { VitalRollupsService } from './vital-rollups.service';
import { VitalsSummaryService } from './vitals-summary.service';

const RESOURCE = 'vital';

/**
 * A patient's measurements. Every read and write is audited with the patient's id. Reads take the patient
 * id explicitly: patient routes pass the actor's own id, the doctor workspace passes a patient its guard
 * has checked for an active consultation.
 */
/** A reading as exported: the wire shape and its guideline category (null for weight). */
export interface CategorisedVital {
  vital: VitalDto;
  category: VitalCategoryDto | null;
}

@Injectable()
export class VitalsService {
  constructor(
    @InjectModel(Vital.name) private readonly vitals: Model<Vital>,
    private readonly summaries: VitalsSummaryService,
    private readonly rollups: VitalRollupsService,
    private readonly audit: AuditService,
    private readonly alerts: VitalAlertsService,
    private readonly latest: VitalLatestService,
  ) {}

  /** Stores the reading and adds it to its day's rollup; if the rollup cannot be updated the reading is removed. */
  async create(actor: AuthUser, dto: CreateVitalDto): Promise<VitalDto> {
    const patientId = new Types.ObjectId(actor.id);
    const coded = codeVital(dto);
    const doc = await this.vitals.create({
      patientId,
      takenAt: dto.takenAt ? new Date(dto.takenAt) : new Date(),
      ...(dto.note !== undefined ? { note: dto.note } : {}),
      ...coded,
      flagged: (classifyReading(coded)?.code ?? 'normal') !== 'normal',
    });
    try {
      await this.rollups.add(patientId, doc);
    } catch (err) {
      await this.vitals.deleteOne({ _id: doc._id });
      throw err;
    }
    const stored = doc.toObject<StoredVital>();
    await this.latest.record(stored);
    const id = doc._id.toHexString();
    await this.audit.record({
      actor,
      action: 'vital.create',
      resourceType: RESOURCE,
      resourceId: id,
      patientId: actor.id,
    });
    await this.alerts.afterReading(stored);
    return toVitalDto(stored);
  }

  /** Newest first, keyset-paginated on (takenAt, _id) so pages stay disjoint while readings are added. */
  async list(actor: AuthUser, patientId: string, query: ListVitalsQueryDto): Promise<VitalPageDto> {
    const limit = query.limit ?? DEFAULT_PAGE_LIMIT;
    const filter: Record<string, unknown> = { patientId: new Types.ObjectId(patientId) };
    if (query.type) filter['type'] = query.type;
    const takenAt: Record<string, Date> = {};
    if (query.from) takenAt['$gte'] = new Date(query.from);
    if (query.to) takenAt['$lte'] = new Date(query.to);
    if (Object.keys(takenAt).length) filter['takenAt'] = takenAt;
    if (query.cursor) {
      const { at, id } = decodeDateCursor(query.cursor);
      Object.assign(filter, afterPosition('takenAt', at, id, 'desc'));
    }
    // through the driver: the filter is built of typed values already (ObjectId, Date), so Mongoose's query
    // casting and lean() wrapping would only add CPU to the most frequent read
    const rows = await this.vitals.collection
      .find<StoredVital>(filter, { sort: { takenAt: -1, _id: -1 }, limit: limit + 1 })
      .toArray();
    await this.audit.record({ actor, action: 'vital.list', resourceType: RESOURCE, patientId });
    return toPage(rows, limit, toVitalDto, (r) => r.takenAt.toISOString());
  }

  /** Every reading of the patient with its guideline category, oldest first, streamed through a cursor. */
  async *streamAll(patientId: string): AsyncGenerator<CategorisedVital> {
    const rows = this.vitals
      .find({ patientId: new Types.ObjectId(patientId) })
      .sort({ takenAt: 1, _id: 1 })
      .lean<StoredVital[]>()
      .cursor({ batchSize: 500 });
    for await (const row of rows) {
      const v = row as StoredVital;
      yield { vital: toVitalDto(v), category: classifyReading(v) };
    }
  }

  async summary(actor: AuthUser, patientId: string, query: VitalsSummaryQueryDto): Promise<VitalsSummaryDto> {
    const from = query.from ? new Date(query.from) : undefined;
    const to = query.to ? new Date(query.to) : undefined;
    const items = await this.summaries.summarise(new Types.ObjectId(patientId), { from, to });
    await this.audit.record({ actor, action: 'vital.summary', resourceType: RESOURCE, patientId });
    const byType = Object.fromEntries(items.map(({ series, bucketMs, ...stats }) => [stats.type, stats]));
    return {
      from: from?.toISOString() ?? null,
      to: to?.toISOString() ?? null,
      generatedAt: new Date().toISOString(),
      items,
      ...byType,
    };
  }

  /**
   * Owner only: the filter holds both the id and the owner, so someone else's id is a plain 404. The day's
   * rollup is recomputed; if that fails the reading is put back, so nothing changes.
   */
  async remove(actor: AuthUser, id: string): Promise<void> {
    const patientId = new Types.ObjectId(actor.id);
    const deleted = await this.vitals.findOneAndDelete({ _id: new Types.ObjectId(id), patientId }).lean<StoredVital>();
    if (!deleted) {
      await this.audit.record({
        actor,
        action: 'vital.delete',
        resourceType: RESOURCE,
        resourceId: id,
        outcome: 'failure',
      });
      throw new NotFoundException('Vital not found');
    }
    try {
      await this.rollups.recomputeDay(patientId, deleted.type, deleted.takenAt);
    } catch (err) {
      await this.vitals.collection.insertOne(deleted);
      throw err;
    }
    await this.latest.refresh(patientId, deleted.type);
    await this.audit.record({
      actor,
      action: 'vital.delete',
      resourceType: RESOURCE,
      resourceId: id,
      patientId: actor.id,
    });
  }
}
