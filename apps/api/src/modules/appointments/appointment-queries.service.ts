import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { type Model, type QueryFilter, Types } from 'mongoose';
import {
  DEFAULT_PAGE_LIMIT,
  type AppointmentDto,
  type AppointmentPageDto,
  type ListAppointmentsQueryDto,
} from '@cloudvault/contracts';
import type { AuthUser } from '../../common/http/auth-user';
import { afterPosition, decodeDateCursor, toPage } from '../../common/query/page-cursor';
import { AuditService } from '../../infra/audit/audit.service';
import { appointmentIcs } from './appointment-ics';
import { Appointment } from './appointment.schema';
import { partyJoins } from './appointment-views';
import { type AppointmentView, toAppointmentDto } from './appointments.mapper';

const oid = (id: string) => new Types.ObjectId(id);

/** Reading appointments: each party's calendar, one appointment, its calendar file. Reads are audited. */
@Injectable()
export class AppointmentQueries {
  constructor(
    @InjectModel(Appointment.name) private readonly appointments: Model<Appointment>,
    private readonly audit: AuditService,
  ) {}

  /** The caller's own appointments, soonest first (`start`, then id). */
  async list(actor: AuthUser, query: ListAppointmentsQueryDto): Promise<AppointmentPageDto> {
    const limit = query.limit ?? DEFAULT_PAGE_LIMIT;
    const filter: QueryFilter<Appointment> = { [this.partyField(actor)]: oid(actor.id) };
    if (query.from || query.to)
      filter.start = {
        ...(query.from ? { $gte: new Date(query.from) } : {}),
        ...(query.to ? { $lt: new Date(query.to) } : {}),
      };
    if (query.status) filter.status = query.status;
    if (query.cursor) {
      const { at, id } = decodeDateCursor(query.cursor);
      filter.$and = [afterPosition('start', at, id, 'asc')];
    }
    const rows = await this.appointments.aggregate<AppointmentView>([
      { $match: filter },
      { $sort: { start: 1, _id: 1 } },
      { $limit: limit + 1 },
      ...partyJoins(),
    ]);
    await this.audit.record({
      actor,
      action: 'appointment.list',
      resourceType: 'appointment',
      ...(actor.role === 'patient' ? { patientId: actor.id } : {}),
    });
    return toPage(rows, limit, toAppointmentDto, (r) => r.start.toISOString());
  }

  /** One of the caller's appointments as an RFC 5545 calendar; anyone else's is a 404. */
  async ics(actor: AuthUser, id: string): Promise<string> {
    const appointment = await this.view(oid(id), { [this.partyField(actor)]: oid(actor.id) });
    await this.audit.record({
      actor,
      action: 'appointment.ics',
      resourceType: 'appointment',
      resourceId: id,
      patientId: appointment.patientId,
    });
    return appointmentIcs(appointment, actor.role);
  }

  async view(id: Types.ObjectId, own: QueryFilter<Appointment> = {}): Promise<AppointmentDto> {
    const [row] = await this.appointments.aggregate<AppointmentView>([
      { $match: { _id: id, ...own } },
      { $limit: 1 },
      ...partyJoins(),
    ]);
    if (!row) throw new NotFoundException('Appointment not found');
    return toAppointmentDto(row);
  }

  private partyField(actor: AuthUser): 'patientId' | 'doctorId' {
    return actor.role === 'doctor' ? 'doctorId' : 'patientId';
  }
}
