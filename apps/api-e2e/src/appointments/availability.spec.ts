import { DateTime } from 'luxon';
import { consultation } from '../support/care';
import { startTestApp, type TestApp } from '../support/test-app';
import { signUp, type TestUser } from '../support/users';
import { allWeek, booked, freeSlots, setHours } from './appointments-kit';

const PARIS = 'Europe/Paris';

/** The next last Sunday of `month` (3 = March, 10 = October) that is still ahead. */
function nextLastSunday(month: number): DateTime {
  for (let year = DateTime.now().year; ; year++) {
    const endOfMonth = DateTime.fromObject({ year, month }, { zone: PARIS }).endOf('month').startOf('day');
    const sunday = endOfMonth.minus({ days: endOfMonth.weekday % 7 });
    if (sunday.minus({ days: 2 }) > DateTime.now()) return sunday;
  }
}

describe('availability: weekly hours in the doctor time zone, free slots', () => {
  let t: TestApp;
  let doctor: TestUser;
  let patient: TestUser;

  beforeAll(async () => {
    t = await startTestApp();
    [doctor, patient] = await Promise.all([signUp(t.http, 'doctor'), signUp(t.http, 'patient')]);
    await consultation(t.http, patient, doctor, 'active');
  });
  afterAll(() => t.close());

  it('answers the default (no hours) before any are set, then the saved object', async () => {
    const none = await t.http.get('/api/doctor/availability').set('authorization', doctor.auth).expect(200);
    expect(none.body).toEqual({ timeZone: 'UTC', slotMinutes: 30, weekly: [], exceptions: [] });
    expect(await freeSlots(t.http, patient, doctor.id)).toEqual([]);
    const hours = {
      timeZone: PARIS,
      slotMinutes: 30,
      weekly: [
        { weekday: 1, start: '09:00', end: '12:00' },
        { weekday: 1, start: '14:00', end: '17:30' },
      ],
      exceptions: [{ date: '2030-01-07', available: false }],
    };
    await setHours(t.http, doctor, hours);
    const saved = await t.http.get('/api/doctor/availability').set('authorization', doctor.auth).expect(200);
    expect(saved.body).toEqual(hours);
  });

  it.each([
    ['an unknown time zone', { timeZone: 'Mars/Olympus', slotMinutes: 30, weekly: [] }, 'timeZone'],
    ['a slot under 10 minutes', { timeZone: PARIS, slotMinutes: 5, weekly: [] }, 'slotMinutes'],
    ['a slot over 120 minutes', { timeZone: PARIS, slotMinutes: 121, weekly: [] }, 'slotMinutes'],
    [
      'weekday 8',
      { timeZone: PARIS, slotMinutes: 30, weekly: [{ weekday: 8, start: '09:00', end: '10:00' }] },
      'weekly.0.weekday',
    ],
    [
      'a time 25:00',
      { timeZone: PARIS, slotMinutes: 30, weekly: [{ weekday: 1, start: '09:00', end: '25:00' }] },
      'weekly.0.end',
    ],
    [
      'an end before the start',
      { timeZone: PARIS, slotMinutes: 30, weekly: [{ weekday: 1, start: '11:00', end: '10:00' }] },
      'weekly.0.end',
    ],
    [
      'overlapping ranges',
      {
        timeZone: PARIS,
        slotMinutes: 30,
        weekly: [
          { weekday: 2, start: '09:00', end: '11:00' },
          { weekday: 2, start: '10:30', end: '12:00' },
        ],
      },
      'weekly.1.start',
    ],
    [
      'a malformed exception',
      { timeZone: PARIS, slotMinutes: 30, weekly: [], exceptions: [{ date: '2030-13-01', available: false }] },
      'exceptions.0.date',
    ],
  ])('refuses %s with 400 naming the field, keeping the saved hours', async (_what, body, field) => {
    const before = (await t.http.get('/api/doctor/availability').set('authorization', doctor.auth)).body as object;
    const res = await t.http.put('/api/doctor/availability').set('authorization', doctor.auth).send(body).expect(400);
    expect(res.body).toMatchObject({
      statusCode: 400,
      details: expect.arrayContaining([expect.objectContaining({ field })]),
    });
    expect((await t.http.get('/api/doctor/availability').set('authorization', doctor.auth)).body).toEqual(before);
  });

  it.each([
    ['spring (last Sunday of March: UTC+1 → UTC+2)', 3, ['08:00', '08:30', '07:00', '07:30', '07:00', '07:30']],
    ['autumn (last Sunday of October: UTC+2 → UTC+1)', 10, ['07:00', '07:30', '08:00', '08:30', '08:00', '08:30']],
  ])('keeps a 09:00 slot at 09:00 local across the %s change', async (_what, month, utcTimes) => {
    await setHours(t.http, doctor, { timeZone: PARIS, slotMinutes: 30, weekly: allWeek('09:00', '10:00') });
    const sunday = nextLastSunday(month as number);
    const slots = await freeSlots(t.http, patient, doctor.id, {
      from: sunday.minus({ days: 1 }).toUTC().toISO() ?? '',
      to: sunday.plus({ days: 2 }).toUTC().toISO() ?? '',
    });
    const local = slots.map((s) => DateTime.fromISO(s.start, { zone: PARIS }));
    expect(local.map((d) => d.toFormat('HH:mm'))).toEqual(['09:00', '09:30', '09:00', '09:30', '09:00', '09:30']);
    expect(local.map((d) => d.toISODate())).toEqual(
      [-1, -1, 0, 0, 1, 1].map((days) => sunday.plus({ days }).toISODate()),
    );
    expect(slots.map((s) => DateTime.fromISO(s.start, { zone: 'UTC' }).toFormat('HH:mm'))).toEqual(utcTimes);
    expect(slots.every((s) => Date.parse(s.end) - Date.parse(s.start) === 30 * 60_000)).toBe(true);

    // booking the Sunday's 09:00 keeps it 09:00 local, and takes it out of the free slots
    const sundayNine = slots[2]?.start ?? '';
    const appointment = await booked(t.http, patient, doctor.id, sundayNine);
    expect(DateTime.fromISO(appointment.start, { zone: PARIS }).toFormat('yyyy-MM-dd HH:mm')).toBe(
      `${sunday.toISODate()} 09:00`,
    );
    const after = await freeSlots(t.http, patient, doctor.id, { from: slots[0]?.start, to: slots[5]?.end });
    expect(after.map((s) => s.start)).not.toContain(sundayNine);
    await t.http.post(`/api/appointments/${appointment.id}/cancel`).set('authorization', patient.auth).expect(200);
  });

  it('leaves out days off, past slots, and answers only future slots', async () => {
    const tomorrow = DateTime.now().setZone(PARIS).plus({ days: 1 }).startOf('day');
    await setHours(t.http, doctor, {
      timeZone: PARIS,
      slotMinutes: 60,
      weekly: allWeek('10:00', '12:00'),
      exceptions: [{ date: tomorrow.toISODate() ?? '', available: false }],
    });
    const slots = await freeSlots(t.http, patient, doctor.id, {
      from: DateTime.now().minus({ days: 3 }).toUTC().toISO() ?? '',
      to: tomorrow.plus({ days: 2 }).toUTC().toISO() ?? '',
    });
    const days = slots.map((s) => DateTime.fromISO(s.start, { zone: PARIS }).toISODate());
    expect(days).not.toContain(tomorrow.toISODate());
    expect(days).toContain(tomorrow.plus({ days: 1 }).toISODate());
    expect(slots.every((s) => Date.parse(s.start) > Date.now() - 1000)).toBe(true);
  });

  it('refuses a window over 31 days or inverted with 400, and a patient not in care with 403', async () => {
    const from = DateTime.now().toUTC();
    const slotsOf = (who: TestUser, query: object) =>
      t.http.get(`/api/doctors/${doctor.id}/slots`).query(query).set('authorization', who.auth);
    await slotsOf(patient, { from: from.toISO(), to: from.plus({ days: 31 }).toISO() }).expect(200);
    const tooWide = await slotsOf(patient, { from: from.toISO(), to: from.plus({ days: 32 }).toISO() }).expect(400);
    expect(tooWide.body.details).toEqual([{ field: 'to', message: expect.stringContaining('31 days') }]);
    await slotsOf(patient, { from: from.toISO(), to: from.minus({ days: 1 }).toISO() }).expect(400);
    await slotsOf(patient, { from: 'yesterday' }).expect(400);
    const stranger = await signUp(t.http, 'patient');
    await slotsOf(stranger, {}).expect(403);
    await t.http.get('/api/doctors/not-an-id/slots').set('authorization', patient.auth).expect(400);
  });
});
