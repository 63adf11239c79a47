import type { AppointmentDto, Role } from '@cloudvault/contracts';
import { DateTime } from 'luxon';
import type { NotificationInput } from '../notifications/notifications.service';

/** Whom an appointment event is told to, and what: names and times only, never the reason. */
export interface AppointmentNotice {
  recipientId: string;
  input: NotificationInput;
}

export type AppointmentEvent = 'booked' | 'cancelled' | 'rescheduled' | 'consultation-ended';
export type ReminderKind = 'h24' | 'h1';

const PATIENT_LINK = '/patient/appointments';
const DOCTOR_LINK = '/doctor/agenda';

/** "Mon 7 Dec 2026, 09:00 (Europe/Paris)": the doctor's local time, with its zone. */
export function when(a: Pick<AppointmentDto, 'start' | 'timeZone'>): string {
  const zone = a.timeZone ?? 'UTC';
  return `${DateTime.fromISO(a.start, { zone }).toFormat('ccc d LLL yyyy, HH:mm')} (${zone})`;
}

const toPatient = (a: AppointmentDto, title: string, type: NotificationInput['type']): AppointmentNotice => ({
  recipientId: a.patientId,
  input: { type, title, link: PATIENT_LINK },
});
const toDoctor = (a: AppointmentDto, title: string, type: NotificationInput['type']): AppointmentNotice => ({
  recipientId: a.doctorId,
  input: { type, title, link: DOCTOR_LINK },
});

/** The notices for a change made by `byRole`: the other party hears of it (both, when a consultation ended). */
export function changeNotices(a: AppointmentDto, event: AppointmentEvent, byRole: Role): AppointmentNotice[] {
  const other = (forPatient: string, forDoctor: string, type: NotificationInput['type']) =>
    byRole === 'doctor' ? [toPatient(a, forPatient, type)] : [toDoctor(a, forDoctor, type)];
  switch (event) {
    case 'booked':
      return [toDoctor(a, `${a.patientName} booked an appointment on ${when(a)}`, 'appointment.booked')];
    case 'rescheduled':
      return other(
        `${a.doctorName} moved your appointment to ${when(a)}`,
        `${a.patientName} moved their appointment to ${when(a)}`,
        'appointment.rescheduled',
      );
    case 'cancelled':
      return other(
        `${a.doctorName} cancelled your appointment on ${when(a)}`,
        `${a.patientName} cancelled their appointment on ${when(a)}`,
        'appointment.cancelled',
      );
    case 'consultation-ended':
      return [
        toPatient(
          a,
          `Your appointment with ${a.doctorName} on ${when(a)} was cancelled: the consultation ended`,
          'appointment.cancelled',
        ),
        toDoctor(
          a,
          `The appointment with ${a.patientName} on ${when(a)} was cancelled: the consultation ended`,
          'appointment.cancelled',
        ),
      ];
  }
}

/** Reminders to both parties; the dedupe key makes a second send of the same reminder a no-op. */
export function reminderNotices(a: AppointmentDto, kind: ReminderKind): AppointmentNotice[] {
  const dedupeKey = `appointment.reminder:${a.id}:${kind}:${a.start}`;
  const soon = kind === 'h1' ? 'within the hour' : 'within 24 hours';
  return [
    { ...toPatient(a, `Reminder: appointment with ${a.doctorName} on ${when(a)}`, 'appointment.reminder') },
    { ...toDoctor(a, `Reminder: appointment with ${a.patientName} on ${when(a)}`, 'appointment.reminder') },
  ].map((n) => ({ ...n, input: { ...n.input, body: `Starts ${soon}.`, dedupeKey } }));
}
