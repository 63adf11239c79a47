import type { AppointmentStatus } from './appointment-limits';

export class AppointmentDto {
  id!: string;
  doctorId!: string;
  patientId!: string;
  doctorName!: string;
  patientName!: string;
  /** ISO-8601 UTC. */
  start!: string;
  /** ISO-8601 UTC. */
  end!: string;
  status!: AppointmentStatus;
  /** The patient's reason for the visit. */
  reason?: string;
  /** The doctor's time zone (from their availability), for display. */
  timeZone?: string;
  createdAt!: string;
  /** When it was cancelled. */
  cancelledAt?: string;
}

export class AppointmentPageDto {
  items!: AppointmentDto[];
  /** Pass back as `cursor` for the next page; null on the last page. */
  nextCursor!: string | null;
}
