import type { AppointmentDto, Role } from '@cloudvault/contracts';
import { createEvent } from 'ics';

/**
 * One appointment as an RFC 5545 calendar (a VEVENT with UID, DTSTAMP, DTSTART, DTEND, SUMMARY), for the
 * party `forRole`: the summary names the other party; the reason is the patient's own text, seen by both.
 */
export function appointmentIcs(a: AppointmentDto, forRole: Role): string {
  const { error, value } = createEvent({
    uid: `${a.id}@cloudvault`,
    productId: 'cloudvault/appointments',
    start: Date.parse(a.start),
    startInputType: 'utc',
    startOutputType: 'utc',
    end: Date.parse(a.end),
    endInputType: 'utc',
    endOutputType: 'utc',
    title: forRole === 'doctor' ? `Appointment with ${a.patientName}` : `Appointment with ${a.doctorName}`,
    ...(a.reason ? { description: a.reason } : {}),
    status: a.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED',
    created: Date.parse(a.createdAt),
  });
  if (error || !value) throw error ?? new Error('calendar could not be built');
  return value;
}
