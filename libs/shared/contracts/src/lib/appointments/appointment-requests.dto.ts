import { IsIn, IsISO8601, IsMongoId, IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQueryDto } from '../common/page-query.dto';
import { APPOINTMENT_REASON_MAX_LENGTH, APPOINTMENT_STATUS_VALUES, type AppointmentStatus } from './appointment-limits';

/** A patient books one of a doctor's free slots. */
export class CreateAppointmentDto {
  /** The doctor's user id. @example "665f1c2e8b3a4d0012345678" */
  @IsMongoId()
  doctorId!: string;

  /** Start of a free slot (from GET /api/doctors/:id/slots), ISO-8601. @example "2026-12-07T08:00:00.000Z" */
  @IsISO8601({ strict: true })
  start!: string;

  /** Why the patient wants to be seen. */
  @IsOptional()
  @IsString()
  @MaxLength(APPOINTMENT_REASON_MAX_LENGTH)
  reason?: string;
}

/** Moves an appointment to another free slot of the same doctor. */
export class RescheduleAppointmentDto {
  /** Start of a free slot, ISO-8601. @example "2026-12-08T08:00:00.000Z" */
  @IsISO8601({ strict: true })
  start!: string;
}

/** `?from=&to=&status=`: the caller's own appointments, soonest first. */
export class ListAppointmentsQueryDto extends PageQueryDto {
  /** Appointments starting at or after this time (ISO-8601). */
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  /** Appointments starting before this time (ISO-8601). */
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;

  /** Only appointments in this status. */
  @IsOptional()
  @IsIn(APPOINTMENT_STATUS_VALUES)
  status?: AppointmentStatus;
}

export class AppointmentIdParamDto {
  /** Appointment id. */
  @IsMongoId()
  id!: string;
}

export class DoctorIdParamDto {
  /** The doctor's user id. */
  @IsMongoId()
  id!: string;
}
