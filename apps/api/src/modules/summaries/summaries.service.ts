import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { type Model, type QueryFilter, Types } from 'mongoose';
import {
  type CreateSummaryDto,
  DEFAULT_PAGE_LIMIT,
  type PageQueryDto,
  type SummaryDto,
  type SummaryPageDto,
} from '@cloudvault/contracts';
import type { AuthUser } from '../../common/http/auth-user';
import { afterPosition, decodeDateCursor, toPage } from '../../common/query/page-cursor';
import { SummaryGeneratorService } from '../../infra/ai/summary-generator.service';
import { AuditService } from '../../infra/audit/audit.service';
import { NotificationsService } from '../notifications/notifications.service';
import { UsersService } from '../users/users.service';
import { toSummaryDto } from './summaries.mapper';
import { SummaryFactsBuilder } from './summary-facts.builder';
import { resolvePeriod } from './summary-period';
import { summaryReadyNotice } from './summary-notices';
import { SummaryRateLimiterService } from './summary-rate-limiter.service';
import { Summary, type StoredSummary } from './summary.schema';

const RESOURCE = 'summary';
const oid = (id: string) => new Types.ObjectId(id);

/**
 * Health summaries of one patient. Callers pass a patient the actor may read: the patient themself, or one
 * their ConsultingPatientGuard has checked. Who sees which summary:
 * - the patient: every summary about them, except a doctor's summary built on that doctor's private notes;
 * - a doctor: the summaries they requested, and the ones the patient requested (never another doctor's).
 */
@Injectable()
export class SummariesService {
  constructor(
    @InjectModel(Summary.name) private readonly summaries: Model<Summary>,
    private readonly facts: SummaryFactsBuilder,
    private readonly generator: SummaryGeneratorService,
    private readonly rateLimiter: SummaryRateLimiterService,
    private readonly users: UsersService,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
  ) {}

  async generate(actor: AuthUser, patientId: string, dto: CreateSummaryDto): Promise<SummaryDto> {
    const period = resolvePeriod(dto);
    await this.rateLimiter.acquire(actor, patientId);
    const [patient, facts] = await Promise.all([
      this.users.findById(patientId),
      this.facts.build(actor, patientId, period),
    ]);
    const generated = await this.generator.generate({
      facts,
      identity: { name: patient?.name, email: patient?.email },
      freeTextConsent: patient?.preferences.aiFreeTextConsent === true,
    });
    const doc = await this.summaries.create({
      patientId: oid(patientId),
      requester: { id: oid(actor.id), role: actor.role },
      provider: generated.provider,
      model: generated.model,
      facts,
      text: generated.text,
      ...(generated.fallbackReason ? { fallbackReason: generated.fallbackReason } : {}),
      includesPrivateNotes: facts.notes.some((n) => n.visibility === 'private'),
    });
    await this.audit.record({
      actor,
      action: 'summary.create',
      resourceType: RESOURCE,
      resourceId: doc.id,
      patientId,
      ...(generated.disclosure ? { disclosure: generated.disclosure } : {}),
    });
    const names = await this.users.findNamesByIds([actor.id]);
    if (actor.role === 'doctor' && !doc.includesPrivateNotes) {
      await this.notifications.notify(patientId, summaryReadyNotice(names.get(actor.id) ?? 'Your doctor'));
    }
    return toSummaryDto(doc.toObject<StoredSummary>(), names);
  }

  async list(actor: AuthUser, patientId: string, query: PageQueryDto): Promise<SummaryPageDto> {
    const limit = query.limit ?? DEFAULT_PAGE_LIMIT;
    const filters: QueryFilter<Summary>[] = [this.visibleTo(actor, patientId)];
    if (query.cursor) {
      const { at, id } = decodeDateCursor(query.cursor);
      filters.push(afterPosition('createdAt', at, id, 'desc'));
    }
    const rows = await this.summaries
      .find({ $and: filters })
      .sort({ createdAt: -1, _id: -1 })
      .limit(limit + 1)
      .lean<StoredSummary[]>();
    const names = await this.users.findNamesByIds(rows.map((r) => r.requester.id.toHexString()));
    const page = toPage(
      rows,
      limit,
      (r) => toSummaryDto(r, names),
      (r) => r.createdAt.toISOString(),
    );
    await this.audit.record({ actor, action: 'summary.list', resourceType: RESOURCE, patientId });
    return page;
  }

  private visibleTo(actor: AuthUser, patientId: string): QueryFilter<Summary> {
    if (actor.role === 'patient') return { patientId: oid(actor.id), includesPrivateNotes: false };
    return { patientId: oid(patientId), $or: [{ 'requester.id': oid(actor.id) }, { 'requester.role': 'patient' }] };
  }
}
