import { ConflictException, Injectable, Logger, NotFoundException, type OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { type Model, type QueryFilter, Types } from 'mongoose';
import type { AppointmentDto, CreateAppointmentDto, RescheduleAppointmentDto, Role } from '@cloudvault/contracts';
import type { AuthUser } from '../../common/http/auth-user';
import { AppConfigService } from '../../config/app-config.service';
import { AuditService } from '../../infra/audit/audit.service';
import { ConsultationLifecycle } from '../consultations/consultation-lifecycle';
import { NotificationsService } from '../notifications/notifications.service';
import { type AppointmentEvent, changeNotices } from './appointment-notices';
import { Appointment } from './appointment.schema';
import { AppointmentQueries } from './appointment-queries.service';
import { Availability } from './availability.schema';
import { AvailabilityService } from './availability.service';

const isDuplicateKey = (e: unknown): boolean => (e as { code?: unknown })?.code === 11000;
const oid = (id: string) => new Types.ObjectId(id);
const partyField = (role: Role): 'patientId' | 'doctorId' => (role === 'doctor' ? 'doctorId' : 'patientId');
const slotTaken = () => new ConflictException('This slot is already taken');

/** Booking, rescheduling and cancelling; the end of a consultation and account erasure cancel bookings too. */
@Injectable()
export class AppointmentsService implements OnModuleInit {
  private readonly logger = new Logger(AppointmentsService.name);

  constructor(
    @InjectModel(Appointment.name) private readonly appointments: Model<Appointment>,
    @InjectModel(Availability.name) private readonly availabilities: Model<Availability>,
    private readonly availability: AvailabilityService,
    private readonly queries: AppointmentQueries,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly lifecycle: ConsultationLifecycle,
    private readonly config: AppConfigService,
  ) {}

  onModuleInit(): void {
    this.lifecycle.onEnded((e) => this.cancelForEndedConsultation(e.patientId, e.doctorId, e.byRole));
  }

  /**
   * A patient in care books a free slot. The partial unique index on (doctor, start) of booked appointments
   * lets exactly one of several concurrent requests for one slot win (the others get 409).
   */
  async book(actor: AuthUser, dto: CreateAppointmentDto): Promise<AppointmentDto> {
    await this.availability.assertInCare(dto.doctorId, actor.id);
    const slot = await this.availability.bookableSlot(dto.doctorId, new Date(dto.start));
    const pair = { patientId: oid(actor.id), doctorId: oid(dto.doctorId) };
    await this.assertUnderLimit(pair);
    let id: Types.ObjectId;
    try {
      const created = await this.appointments.create({
        ...pair,
        start: slot.start,
        end: slot.end,
        timeZone: slot.timeZone,
        status: 'booked',
        reason: dto.reason,
      });
      id = created._id;
    } catch (e) {
      if (isDuplicateKey(e)) throw slotTaken();
      throw e;
    }
    // two concurrent bookings of different slots can both pass the check above: the later ones back out
    if ((await this.futureCount(pair, id)) > this.config.appointmentsMaxFuturePerPair) {
      await this.appointments.deleteOne({ _id: id });
      throw this.overLimit();
    }
    await this.audit.record({
      actor,
      action: 'appointment.book',
      resourceType: 'appointment',
      resourceId: id.toHexString(),
      patientId: actor.id,
    });
    return this.told(id, 'booked', actor.role);
  }

  /** Either party moves a booked, not yet started appointment to another free slot of the same doctor. */
  async reschedule(actor: AuthUser, id: string, dto: RescheduleAppointmentDto): Promise<AppointmentDto> {
    const current = await this.upcomingOwn(actor, id);
    const slot = await this.availability.bookableSlot(current.doctorId.toHexString(), new Date(dto.start), current._id);
    let updated;
    try {
      updated = await this.appointments.findOneAndUpdate(
        { _id: current._id, status: 'booked', start: current.start },
        { $set: { start: slot.start, end: slot.end, timeZone: slot.timeZone }, $unset: { reminders: 1 } },
        { returnDocument: 'after' },
      );
    } catch (e) {
      if (isDuplicateKey(e)) throw slotTaken();
      throw e;
    }
    if (!updated) throw new ConflictException('The appointment changed meanwhile; reload and try again');
    await this.record(actor, 'appointment.reschedule', current);
    return this.told(current._id, 'rescheduled', actor.role);
  }

  /** Either party cancels a booked appointment before it starts; its slot is free again at once. */
  async cancel(actor: AuthUser, id: string): Promise<AppointmentDto> {
    const current = await this.upcomingOwn(actor, id);
    const done = await this.markCancelled({ _id: current._id }, actor.role);
    if (!done) throw new ConflictException('The appointment changed meanwhile; reload and try again');
    await this.record(actor, 'appointment.cancel', current);
    return this.told(current._id, 'cancelled', actor.role);
  }

  /** Cancels the pair's future appointments when their consultation ends, and tells both parties. */
  async cancelForEndedConsultation(patientId: string, doctorId: string, byRole: Role): Promise<void> {
    const pair = { patientId: oid(patientId), doctorId: oid(doctorId) };
    await this.cancelFutureWhere(pair, 'consultation-ended', byRole);
  }

  /**
   * Account deletion: cancels every future appointment of the user (telling the other party), then erases
   * every appointment the user was a party to and their weekly hours.
   */
  async eraseAccount(userId: string): Promise<void> {
    const id = oid(userId);
    await this.cancelFutureWhere({ patientId: id }, 'cancelled', 'patient');
    await this.cancelFutureWhere({ doctorId: id }, 'cancelled', 'doctor');
    await this.appointments.deleteMany({ $or: [{ patientId: id }, { doctorId: id }] });
    await this.availabilities.deleteMany({ doctorId: id });
  }

  private async cancelFutureWhere(
    filter: QueryFilter<Appointment>,
    event: AppointmentEvent,
    byRole: Role,
  ): Promise<void> {
    const future = await this.appointments
      .find({ ...filter, status: 'booked', start: { $gt: new Date() } }, { _id: 1 })
      .lean();
    for (const { _id } of future) {
      if (await this.markCancelled({ _id }, byRole)) await this.told(_id, event, byRole);
    }
    this.logger.log(`Cancelled ${future.length} future appointment(s) (${event})`);
  }

  /** Atomically cancels a booked appointment that has not started; false when it no longer qualifies. */
  private async markCancelled(filter: QueryFilter<Appointment>, byRole: Role): Promise<boolean> {
    const now = new Date();
    const res = await this.appointments.updateOne(
      { ...filter, status: 'booked', start: { $gt: now } },
      { $set: { status: 'cancelled', cancelledAt: now, cancelledByRole: byRole } },
    );
    return res.modifiedCount === 1;
  }

  /** The caller's own appointment (else 404), still booked and not started (else 409). */
  private async upcomingOwn(actor: AuthUser, id: string) {
    const row = await this.appointments.findOne({ _id: oid(id), [partyField(actor.role)]: oid(actor.id) }).lean();
    if (!row) throw new NotFoundException('Appointment not found');
    if (row.status !== 'booked') throw new ConflictException('The appointment is cancelled');
    if (row.start <= new Date()) throw new ConflictException('The appointment has already started');
    return row;
  }

  private async assertUnderLimit(pair: { patientId: Types.ObjectId; doctorId: Types.ObjectId }): Promise<void> {
    if ((await this.futureCount(pair)) >= this.config.appointmentsMaxFuturePerPair) throw this.overLimit();
  }

  /** Future booked appointments of the pair; with `upTo`, only those created up to that one (id order). */
  private futureCount(pair: { patientId: Types.ObjectId; doctorId: Types.ObjectId }, upTo?: Types.ObjectId) {
    return this.appointments.countDocuments({
      ...pair,
      status: 'booked',
      start: { $gt: new Date() },
      ...(upTo ? { _id: { $lte: upTo } } : {}),
    });
  }

  private overLimit(): ConflictException {
    return new ConflictException(
      `At most ${this.config.appointmentsMaxFuturePerPair} future appointments with one doctor`,
    );
  }

  private record(actor: AuthUser, action: string, row: { _id: Types.ObjectId; patientId: Types.ObjectId }) {
    return this.audit.record({
      actor,
      action,
      resourceType: 'appointment',
      resourceId: row._id.toHexString(),
      patientId: row.patientId.toHexString(),
    });
  }

  private async told(id: Types.ObjectId, event: AppointmentEvent, byRole: Role): Promise<AppointmentDto> {
    const appointment = await this.queries.view(id);
    for (const n of changeNotices(appointment, event, byRole)) await this.notifications.notify(n.recipientId, n.input);
    return appointment;
  }
}
