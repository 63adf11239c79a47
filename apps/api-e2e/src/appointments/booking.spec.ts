import { AppointmentsService } from '../../../api/src/modules/appointments/appointments.service';
import { consultation } from '../support/care';
import { startTestApp, type TestApp } from '../support/test-app';
import { signUp, type TestUser } from '../support/users';
import {
  type Appointment,
  allWeek,
  book,
  booked,
  daysAhead,
  freeSlots,
  notificationsOf,
  setHours,
} from './appointments-kit';

describe('appointments: booking, rescheduling, cancelling, rules and authorisation', () => {
  let t: TestApp;
  let doctor: TestUser;
  let patient: TestUser;
  let otherPatient: TestUser;
  /** Free 30-minute slots of the doctor two to four days ahead (UTC, 08:00–18:00). */
  let slots: string[];

  const post = (who: TestUser, path: string, body: object = {}) =>
    t.http.post(path).set('authorization', who.auth).send(body);
  const listOf = async (who: TestUser, query: object = {}) =>
    (
      (await t.http.get('/api/appointments').query(query).set('authorization', who.auth).expect(200)).body as {
        items: Appointment[];
      }
    ).items;

  beforeAll(async () => {
    t = await startTestApp({ APPOINTMENTS_MAX_FUTURE_PER_PAIR: '3' });
    [doctor, patient, otherPatient] = await Promise.all([
      signUp(t.http, 'doctor', { name: 'Dr. Agenda' }),
      signUp(t.http, 'patient', { name: 'Paula Patient' }),
      signUp(t.http, 'patient', { name: 'Otto Other' }),
    ]);
    await consultation(t.http, patient, doctor, 'active');
    await consultation(t.http, otherPatient, doctor, 'active');
    await setHours(t.http, doctor, { timeZone: 'UTC', slotMinutes: 30, weekly: allWeek('08:00', '18:00') });
    slots = (await freeSlots(t.http, patient, doctor.id, { from: daysAhead(2), to: daysAhead(4) })).map((s) => s.start);
    expect(slots).toHaveLength(40);
  });
  afterAll(() => t.close());

  it('of 20 concurrent bookings of one slot exactly one gets 201, the others 409', async () => {
    const patients = await Promise.all(Array.from({ length: 20 }, () => signUp(t.http, 'patient')));
    for (const p of patients) await consultation(t.http, p, doctor, 'active');
    const target = slots[0] ?? '';
    const answers = await Promise.all(patients.map((p) => book(t.http, p, doctor.id, target)));
    const statuses = answers.map((r) => r.status).sort();
    expect(statuses).toEqual([201, ...Array<number>(19).fill(409)]);
    for (const r of answers.filter((x) => x.status === 409))
      expect(r.body).toEqual({ statusCode: 409, error: 'Conflict', message: expect.any(String) });
    const taken = await listOf(doctor, { status: 'booked' });
    expect(taken.filter((a) => a.start === target)).toHaveLength(1);
    expect(
      (await freeSlots(t.http, patient, doctor.id, { from: daysAhead(2), to: daysAhead(4) })).map((s) => s.start),
    ).not.toContain(target);
    // clean up: the winner cancels, which frees the slot again
    const winner = answers.find((r) => r.status === 201)?.body as Appointment;
    const owner = patients.find((p) => p.id === winner.patientId) as TestUser;
    await post(owner, `/api/appointments/${winner.id}/cancel`).expect(200);
    expect(
      (await freeSlots(t.http, patient, doctor.id, { from: daysAhead(2), to: daysAhead(4) })).map((s) => s.start),
    ).toContain(target);
  }, 180_000);

  it('books with a reason, shows it on both calendars, and tells the doctor', async () => {
    const res = await book(t.http, patient, doctor.id, slots[1] ?? '', 'Follow-up on blood pressure').expect(201);
    const a = res.body as Appointment;
    expect(a).toMatchObject({
      doctorId: doctor.id,
      patientId: patient.id,
      doctorName: 'Dr. Agenda',
      patientName: 'Paula Patient',
      start: slots[1],
      end: new Date(Date.parse(slots[1] ?? '') + 30 * 60_000).toISOString(),
      status: 'booked',
      reason: 'Follow-up on blood pressure',
    });
    expect(res.headers['cache-control']).toContain('no-store');
    expect((await listOf(patient)).map((x) => x.id)).toContain(a.id);
    expect((await listOf(doctor)).find((x) => x.id === a.id)?.reason).toBe('Follow-up on blood pressure');
    expect((await listOf(otherPatient)).map((x) => x.id)).not.toContain(a.id);
    const told = await notificationsOf(t.http, doctor);
    expect(told[0]).toMatchObject({
      type: 'appointment.booked',
      title: expect.stringContaining('Paula Patient booked'),
    });
    expect(told[0]?.title).not.toContain('blood pressure');
    await post(patient, `/api/appointments/${a.id}/cancel`).expect(200);
  });

  it('reschedule takes the new slot and frees the old one; cancel frees it; the other party is told', async () => {
    const a = await booked(t.http, patient, doctor.id, slots[2] ?? '');
    const moved = await post(doctor, `/api/appointments/${a.id}/reschedule`, { start: slots[3] }).expect(200);
    expect(moved.body).toMatchObject({ id: a.id, start: slots[3], status: 'booked' });
    const free = (await freeSlots(t.http, patient, doctor.id, { from: daysAhead(2), to: daysAhead(4) })).map(
      (s) => s.start,
    );
    expect(free).toContain(slots[2]);
    expect(free).not.toContain(slots[3]);
    expect((await notificationsOf(t.http, patient))[0]).toMatchObject({ type: 'appointment.rescheduled' });

    // the old slot can be booked by someone else now; the new one cannot
    const other = await booked(t.http, otherPatient, doctor.id, slots[2] ?? '');
    await book(t.http, otherPatient, doctor.id, slots[3] ?? '').expect(409);
    // moving onto a taken slot is a 409 and changes nothing
    await post(patient, `/api/appointments/${a.id}/reschedule`, { start: slots[2] }).expect(409);
    expect((await listOf(patient)).find((x) => x.id === a.id)?.start).toBe(slots[3]);

    const cancelled = await post(patient, `/api/appointments/${a.id}/cancel`).expect(200);
    expect(cancelled.body).toMatchObject({ id: a.id, status: 'cancelled', cancelledAt: expect.any(String) });
    expect((await notificationsOf(t.http, doctor))[0]).toMatchObject({ type: 'appointment.cancelled' });
    const again = await booked(t.http, otherPatient, doctor.id, slots[3] ?? '');
    expect(again.start).toBe(slots[3]);
    // a cancelled appointment cannot be cancelled or moved again
    await post(patient, `/api/appointments/${a.id}/cancel`).expect(409);
    await post(patient, `/api/appointments/${a.id}/reschedule`, { start: slots[4] }).expect(409);
    await post(otherPatient, `/api/appointments/${other.id}/cancel`).expect(200);
    await post(otherPatient, `/api/appointments/${again.id}/cancel`).expect(200);
  });

  it('refuses a past slot, a time outside the hours or off the grid with 400, and changes nothing', async () => {
    const before = await listOf(patient);
    const yesterdayTen = new Date(Date.parse(daysAhead(-1)) + 10 * 3_600_000).toISOString();
    const cases: [string, string][] = [
      ['past', yesterdayTen],
      ['outside the hours', new Date(Date.parse(daysAhead(2)) + 20 * 3_600_000).toISOString()],
      ['off the slot grid', new Date(Date.parse(slots[5] ?? '') + 10 * 60_000).toISOString()],
    ];
    for (const [what, start] of cases) {
      const res = await book(t.http, patient, doctor.id, start);
      expect({ what, status: res.status }).toEqual({ what, status: 400 });
      expect(res.body.details).toEqual([{ field: 'start', message: expect.any(String) }]);
    }
    await book(t.http, patient, doctor.id, 'tomorrow at ten').expect(400);
    await post(patient, '/api/appointments', { doctorId: doctor.id, start: slots[5], reason: 'x'.repeat(501) }).expect(
      400,
    );
    await post(patient, '/api/appointments', { doctorId: doctor.id, start: slots[5], extra: true }).expect(400);
    expect(await listOf(patient)).toEqual(before);
  });

  it('allows at most 3 future appointments per patient and doctor (409 beyond), then again after a cancel', async () => {
    const mine = [];
    for (const s of slots.slice(6, 9)) mine.push(await booked(t.http, patient, doctor.id, s));
    const fourth = await book(t.http, patient, doctor.id, slots[9] ?? '').expect(409);
    expect(fourth.body.message).toMatch(/At most 3/);
    // another patient is not affected by this patient's limit
    const others = await booked(t.http, otherPatient, doctor.id, slots[9] ?? '');
    await post(patient, `/api/appointments/${mine[0]?.id}/cancel`).expect(200);
    mine.push(await booked(t.http, patient, doctor.id, slots[10] ?? ''));
    for (const a of [...mine.slice(1)]) await post(patient, `/api/appointments/${a.id}/cancel`).expect(200);
    await post(otherPatient, `/api/appointments/${others.id}/cancel`).expect(200);
  });

  it('needs an active consultation (403) and hides other people’s appointments (404)', async () => {
    const stranger = await signUp(t.http, 'patient');
    const refused = await book(t.http, stranger, doctor.id, slots[11] ?? '').expect(403);
    expect(refused.body).toEqual({ statusCode: 403, error: 'Forbidden', message: expect.any(String) });
    await book(t.http, patient, stranger.id, slots[11] ?? '').expect(403);

    const a = await booked(t.http, patient, doctor.id, slots[11] ?? '');
    const otherDoctor = await signUp(t.http, 'doctor');
    for (const intruder of [otherPatient, otherDoctor]) {
      await post(intruder, `/api/appointments/${a.id}/cancel`).expect(404);
      await post(intruder, `/api/appointments/${a.id}/reschedule`, { start: slots[12] }).expect(404);
      await t.http.get(`/api/appointments/${a.id}/ics`).set('authorization', intruder.auth).expect(404);
    }
    expect((await listOf(patient)).find((x) => x.id === a.id)).toMatchObject({ status: 'booked', start: slots[11] });
    await post(patient, `/api/appointments/${a.id}/cancel`).expect(200);
  });

  it('ending the consultation cancels its future appointments and tells both parties', async () => {
    const p = await signUp(t.http, 'patient', { name: 'Ending Patient' });
    const id = await consultation(t.http, p, doctor, 'active');
    const a = await booked(t.http, p, doctor.id, slots[13] ?? '');
    const b = await booked(t.http, p, doctor.id, slots[14] ?? '');
    await post(doctor, `/api/consultations/${id}/end`).expect(200);
    const after = await listOf(p);
    expect(after.filter((x) => [a.id, b.id].includes(x.id)).map((x) => x.status)).toEqual(['cancelled', 'cancelled']);
    const toPatient = (await notificationsOf(t.http, p)).filter((n) => n.type === 'appointment.cancelled');
    expect(toPatient).toHaveLength(2);
    expect(toPatient[0]?.title).toMatch(/consultation ended/);
    // the slots are free again, and booking now needs a new consultation
    const free = (await freeSlots(t.http, patient, doctor.id, { from: daysAhead(2), to: daysAhead(4) })).map(
      (s) => s.start,
    );
    expect(free).toEqual(expect.arrayContaining([slots[13], slots[14]]));
    await book(t.http, p, doctor.id, slots[15] ?? '').expect(403);
  });

  it('erasing an account cancels its future appointments, tells the other party and deletes them', async () => {
    const leaving = await signUp(t.http, 'patient', { name: 'Leaving Patient' });
    await consultation(t.http, leaving, doctor, 'active');
    const a = await booked(t.http, leaving, doctor.id, slots[18] ?? '');
    await t.app.get(AppointmentsService).eraseAccount(leaving.id);
    expect((await notificationsOf(t.http, doctor))[0]).toMatchObject({
      type: 'appointment.cancelled',
      title: expect.stringContaining('Leaving Patient cancelled'),
    });
    expect((await listOf(doctor)).map((x) => x.id)).not.toContain(a.id);
    expect(await listOf(leaving)).toEqual([]);
    const free = (await freeSlots(t.http, patient, doctor.id, { from: daysAhead(2), to: daysAhead(4) })).map(
      (s) => s.start,
    );
    expect(free).toContain(slots[18]);
  });

  it('lists soonest first with a cursor and filters by status and dates', async () => {
    const a = await booked(t.http, patient, doctor.id, slots[17] ?? '');
    const b = await booked(t.http, patient, doctor.id, slots[16] ?? '');
    const page1 = await t.http
      .get('/api/appointments')
      .query({ status: 'booked', limit: 1 })
      .set('authorization', patient.auth)
      .expect(200);
    expect(page1.body.items.map((x: Appointment) => x.id)).toEqual([b.id]);
    const page2 = await t.http
      .get('/api/appointments')
      .query({ status: 'booked', limit: 1, cursor: page1.body.nextCursor })
      .set('authorization', patient.auth)
      .expect(200);
    expect(page2.body.items.map((x: Appointment) => x.id)).toEqual([a.id]);
    expect(page2.body.nextCursor).toBeNull();
    expect((await listOf(patient, { from: slots[17] })).map((x) => x.id)).toContain(a.id);
    expect((await listOf(patient, { from: slots[17] })).map((x) => x.id)).not.toContain(b.id);
    await t.http.get('/api/appointments').query({ status: 'maybe' }).set('authorization', patient.auth).expect(400);
  });
});
