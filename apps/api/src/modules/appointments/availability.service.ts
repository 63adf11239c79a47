import { BadRequestException, ForbiddenException, Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { type Model, Types } from 'mongoose';
import {
  SLOT_QUERY_DEFAULT_DAYS,
  SLOT_QUERY_MAX_DAYS,
  type AvailabilityDto,
  type ListSlotsQueryDto,
  type SlotListDto,
} from '@cloudvault/contracts';
import type { AuthUser } from '../../common/http/auth-user';
import { ConsultationsService } from '../consultations/consultations.service';
import { Appointment } from './appointment.schema';
import { Availability } from './availability.schema';
import { type Slot, slotAt, slotsBetween, weeklyHoursProblems, type WeeklyHours } from './slot-calendar';

const DAY_MS = 86_400_000;
const NO_HOURS: AvailabilityDto = { timeZone: 'UTC', slotMinutes: 30, weekly: [], exceptions: [] };

const invalid = (field: string, message: string) =>
  new BadRequestException({ message: 'Validation failed', details: [{ field, message }] });

/** A doctor's weekly hours, and the free slots they leave once booked appointments are taken out. */
@Injectable()
export class AvailabilityService {
  constructor(
    @InjectModel(Availability.name) private readonly availabilities: Model<Availability>,
    @InjectModel(Appointment.name) private readonly appointments: Model<Appointment>,
    private readonly consultations: ConsultationsService,
  ) {}

  /** The doctor's own hours (none set: no weekly ranges). */
  async get(actor: AuthUser): Promise<AvailabilityDto> {
    return (await this.hours(actor.id)) ?? NO_HOURS;
  }

  /** Replaces the doctor's hours; booked appointments are kept even when they fall outside the new hours. */
  async put(actor: AuthUser, dto: AvailabilityDto): Promise<AvailabilityDto> {
    const problems = weeklyHoursProblems(dto);
    if (problems.length) throw new BadRequestException({ message: 'Validation failed', details: problems });
    const exceptions = [...new Set((dto.exceptions ?? []).map((e) => e.date))].sort().map((date) => ({ date }));
    await this.availabilities.updateOne(
      { doctorId: new Types.ObjectId(actor.id) },
      { $set: { timeZone: dto.timeZone, slotMinutes: dto.slotMinutes, weekly: dto.weekly, exceptions } },
      { upsert: true },
    );
    return this.get(actor);
  }

  async hours(doctorId: string): Promise<AvailabilityDto | null> {
    const row = await this.availabilities.findOne({ doctorId: new Types.ObjectId(doctorId) }).lean();
    if (!row) return null;
    return {
      timeZone: row.timeZone,
      slotMinutes: row.slotMinutes,
      weekly: row.weekly.map((r) => ({ weekday: r.weekday, start: r.start, end: r.end })),
      exceptions: row.exceptions.map((e) => ({ date: e.date, available: false })),
    };
  }

  /** Free future slots of a doctor, for a patient in their care (else 403); at most 31 days per query. */
  async freeSlots(actor: AuthUser, doctorId: string, query: ListSlotsQueryDto): Promise<SlotListDto> {
    await this.assertInCare(doctorId, actor.id);
    const now = new Date();
    const requestedFrom = query.from ? new Date(query.from) : now;
    const to = query.to ? new Date(query.to) : new Date(requestedFrom.getTime() + SLOT_QUERY_DEFAULT_DAYS * DAY_MS);
    if (to <= requestedFrom) throw invalid('to', 'to must be after from');
    if (to.getTime() - requestedFrom.getTime() > SLOT_QUERY_MAX_DAYS * DAY_MS)
      throw invalid('to', `the window must not exceed ${SLOT_QUERY_MAX_DAYS} days`);
    const from = requestedFrom < now ? now : requestedFrom;
    const hours = await this.hours(doctorId);
    if (!hours || from >= to) return { items: [] };
    const taken = await this.bookedBetween(doctorId, from, to);
    const free = slotsBetween(hours, from, to).filter((s) => !taken.some((t) => overlaps(s, t)));
    return { items: free.map((s) => ({ start: s.start.toISOString(), end: s.end.toISOString() })) };
  }

  /**
   * The doctor's slot at `start` when it is in the future, inside their hours and not overlapping another
   * booked appointment (`except` ignores the one being moved); 400 otherwise. The exact-start race between
   * two requests is settled by the unique index, not here.
   */
  async bookableSlot(doctorId: string, start: Date, except?: Types.ObjectId): Promise<Slot & { timeZone: string }> {
    if (start <= new Date()) throw invalid('start', 'start must be in the future');
    const hours = await this.hours(doctorId);
    const slot = hours ? slotAt(hours as WeeklyHours, start) : undefined;
    if (!hours || !slot) throw invalid('start', "start is not one of the doctor's slots");
    const taken = (await this.bookedBetween(doctorId, slot.start, slot.end)).filter(
      (t) => !except || !t._id.equals(except),
    );
    const clash = taken.find((t) => overlaps(slot, t) && t.start.getTime() !== slot.start.getTime());
    if (clash) throw invalid('start', 'start overlaps another appointment');
    return { ...slot, timeZone: hours.timeZone };
  }

  async assertInCare(doctorId: string, patientId: string): Promise<void> {
    if (!(await this.consultations.hasActiveConsultation(doctorId, patientId)))
      throw new ForbiddenException('An active consultation with this doctor is required');
  }

  private bookedBetween(doctorId: string, from: Date, to: Date) {
    return this.appointments
      .find(
        { doctorId: new Types.ObjectId(doctorId), status: 'booked', start: { $lt: to }, end: { $gt: from } },
        { start: 1, end: 1 },
      )
      .lean<Array<{ _id: Types.ObjectId; start: Date; end: Date }>>();
  }
}

const overlaps = (a: { start: Date; end: Date }, b: { start: Date; end: Date }) => a.start < b.end && b.start < a.end;
