import type TestAgent from 'supertest/lib/agent';
import type { TestUser } from '../support/users';

export interface WeeklyRange {
  weekday: number;
  start: string;
  end: string;
}
export interface Slot {
  start: string;
  end: string;
}
export interface Appointment extends Slot {
  id: string;
  doctorId: string;
  patientId: string;
  doctorName: string;
  patientName: string;
  status: 'booked' | 'cancelled';
  reason?: string;
}

/** Every day, all day: slots from midnight to midnight in `timeZone`. */
export const allWeek = (start = '00:00', end = '24:00'): WeeklyRange[] =>
  [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start, end }));

/** PUTs the doctor's weekly hours (expects 200). */
export async function setHours(
  http: TestAgent,
  doctor: TestUser,
  body: { timeZone: string; slotMinutes: number; weekly: WeeklyRange[]; exceptions?: object[] },
): Promise<void> {
  const res = await http.put('/api/doctor/availability').set('authorization', doctor.auth).send(body);
  if (res.status !== 200) throw new Error(`availability failed: ${res.status} ${JSON.stringify(res.body)}`);
}

/** The doctor's free slots as the patient sees them (expects 200). */
export async function freeSlots(
  http: TestAgent,
  patient: TestUser,
  doctorId: string,
  query: { from?: string; to?: string } = {},
): Promise<Slot[]> {
  const res = await http.get(`/api/doctors/${doctorId}/slots`).query(query).set('authorization', patient.auth);
  if (res.status !== 200) throw new Error(`slots failed: ${res.status} ${JSON.stringify(res.body)}`);
  return (res.body as { items: Slot[] }).items;
}

export const book = (http: TestAgent, patient: TestUser, doctorId: string, start: string, reason?: string) =>
  http
    .post('/api/appointments')
    .set('authorization', patient.auth)
    .send({ doctorId, start, ...(reason ? { reason } : {}) });

/** Books and returns the appointment (expects 201). */
export async function booked(
  http: TestAgent,
  patient: TestUser,
  doctorId: string,
  start: string,
): Promise<Appointment> {
  const res = await book(http, patient, doctorId, start);
  if (res.status !== 201) throw new Error(`booking failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as Appointment;
}

export async function notificationsOf(http: TestAgent, who: TestUser): Promise<{ type: string; title: string }[]> {
  const res = await http.get('/api/notifications').query({ limit: 500 }).set('authorization', who.auth).expect(200);
  return (res.body as { items: { type: string; title: string }[] }).items;
}

/** Midnight UTC `days` from today, ISO. */
export const daysAhead = (days: number): string => {
  const d = new Date();
  d.setUTCHours(0, 0, 0, 0);
  return new Date(d.getTime() + days * 86_400_000).toISOString();
};
