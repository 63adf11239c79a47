import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { type Model, type QueryFilter, Types } from 'mongoose';
import { DEFAULT_PAGE_LIMIT, type AccessLogPageDto, type ListAccessLogQueryDto } from '@cloudvault/contracts';
import type { AuthUser } from '../../common/http/auth-user';
import { afterPosition, decodeDateCursor, toPage } from '../../common/query/page-cursor';
import { lookupUser } from '../../common/query/user-lookup';
import { AuditEvent } from '../../infra/audit/audit-event.schema';
import { AuditService } from '../../infra/audit/audit.service';
import { type AccessLogRow, toAccessLogEntryDto } from './access-log.mapper';

/**
 * The patient's accounting of disclosures: every audited read or change of their records, newest first,
 * with who did it. Names are joined in the same aggregation (one query per page, no N+1).
 */
@Injectable()
export class AccessLogService {
  constructor(
    @InjectModel(AuditEvent.name) private readonly events: Model<AuditEvent>,
    private readonly audit: AuditService,
  ) {}

  async list(actor: AuthUser, query: ListAccessLogQueryDto): Promise<AccessLogPageDto> {
    const limit = query.limit ?? DEFAULT_PAGE_LIMIT;
    const match: QueryFilter<AuditEvent> = { patientId: new Types.ObjectId(actor.id) };
    if (query.cursor) {
      const { at, id } = decodeDateCursor(query.cursor);
      match.$and = [afterPosition('at', at, id, 'desc')];
    }
    const rows = await this.events.aggregate<AccessLogRow>([
      { $match: match },
      { $sort: { at: -1, _id: -1 } },
      { $limit: limit + 1 },
      ...lookupUser('actorId', 'actor'),
    ]);
    await this.audit.record({ actor, action: 'access-log.read', resourceType: 'access-log', patientId: actor.id });
    return toPage(rows, limit, toAccessLogEntryDto, (r) => r.at.toISOString());
  }
}
