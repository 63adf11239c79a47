import { BadRequestException, Injectable } from '@nestjs/common';
import { Types } from 'mongoose';
import {
  DEFAULT_PAGE_LIMIT,
  type DoctorPatientDto,
  type DoctorPatientPageDto,
  type ListDoctorPatientsQueryDto,
} from '@cloudvault/contracts';
import type { AuthUser } from '../../common/http/auth-user';
import { decodeCursor, encodeCursor } from '../../common/query/page-cursor';
import { AuditService } from '../../infra/audit/audit.service';
import { ActivePatientsService } from '../consultations/active-patients.service';
import { UnreadMessagesService } from '../messages/unread-messages.service';
import { VitalsWorklistService } from '../vitals/vitals-worklist.service';
import { worklistComparator } from './worklist-order';

function offsetOf(cursor: string | undefined): number {
  if (!cursor) return 0;
  const offset = Number(decodeCursor(cursor).key);
  if (!Number.isInteger(offset) || offset < 0) {
    throw new BadRequestException({
      message: 'Validation failed',
      details: [{ field: 'cursor', message: 'cursor is invalid' }],
    });
  }
  return offset;
}

/**
 * The doctor's worklist: patients in care with their latest readings, 7-day flags and last activity,
 * sorted by who needs attention. The figures of the whole care list cost a fixed number of queries (no
 * per-patient query), then the list is sorted and paged in memory (an offset cursor).
 */
@Injectable()
export class DoctorWorklistService {
  constructor(
    private readonly patients: ActivePatientsService,
    private readonly vitals: VitalsWorklistService,
    private readonly audit: AuditService,
    private readonly unread: UnreadMessagesService,
  ) {}

  async list(actor: AuthUser, query: ListDoctorPatientsQueryDto): Promise<DoctorPatientPageDto> {
    const limit = query.limit ?? DEFAULT_PAGE_LIMIT;
    const offset = offsetOf(query.cursor);
    const inCare = await this.patients.allActive(actor, query.q);
    const [figures, unread] = await Promise.all([
      this.vitals.figures(inCare.map((p) => p.id)),
      this.unread.countFor(
        actor.id,
        inCare.map((p) => new Types.ObjectId(p.consultationId)),
      ),
    ]);
    const rows: DoctorPatientDto[] = inCare.map((p) => {
      const f = figures.get(p.id);
      return {
        ...p,
        latest: f?.latest ?? {},
        flags7d: f?.flags7d ?? 0,
        lastActivityAt: f?.lastReadingAt?.toISOString() ?? null,
        unreadMessages: unread.get(p.consultationId) ?? 0,
      };
    });
    rows.sort(worklistComparator(query.sort ?? 'attention'));
    const items = rows.slice(offset, offset + limit);
    const last = items[items.length - 1];
    await this.audit.record({ actor, action: 'patient.list', resourceType: 'patient' });
    return {
      items,
      nextCursor:
        offset + limit < rows.length && last ? encodeCursor(String(offset + limit), new Types.ObjectId(last.id)) : null,
    };
  }
}
