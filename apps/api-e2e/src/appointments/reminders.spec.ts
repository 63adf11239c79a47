import { EmbeddedMongoServer } from '@cloudvault/embedded-mongo';
import { AppointmentReminders } from '../../../api/src/modules/appointments/appointment-reminders.service';
import { consultation } from '../support/care';
import { startTestApp, type TestApp } from '../support/test-app';
import { signUp, type TestUser } from '../support/users';
import { allWeek, booked, freeSlots, setHours } from './appointments-kit';

interface Listed {
  items: { type: string; title: string; body?: string }[];
}

/**
 * Two API instances (in-process apps) on one database, each sweeping for due reminders every 100 ms:
 * each reminder is sent once, and a restarted instance does not send it again.
 */
describe('appointment reminders: 24 h and 1 h before, once across instances and restarts', () => {
  let server: EmbeddedMongoServer;
  const apps: TestApp[] = [];
  let doctor: TestUser;
  let patient: TestUser;

  const start = async () => {
    const app = await startTestApp({
      MONGO_URI: `${server.uri}/reminders`,
      APPOINTMENT_REMINDER_SWEEP_MS: '100',
    });
    apps.push(app);
    return app;
  };
  const reminders = async (app: TestApp, who: TestUser) =>
    (
      (await app.http.get('/api/notifications').query({ limit: 500 }).set('authorization', who.auth).expect(200))
        .body as Listed
    ).items.filter((n) => n.type === 'appointment.reminder');
  /** Polls (bounded) until `done` holds; the sweeps run on their own timers. */
  const eventually = async (done: () => Promise<boolean>) => {
    for (let i = 0; i < 300; i++) {
      if (await done()) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('condition not reached');
  };

  beforeAll(async () => {
    server = await EmbeddedMongoServer.start({ port: 0, host: '127.0.0.1', inMemory: true });
  });
  afterAll(async () => {
    for (const app of apps) await app.close();
    await server.stop();
    delete process.env['MONGO_URI'];
    delete process.env['APPOINTMENT_REMINDER_SWEEP_MS'];
  });

  it('sends each reminder once to both parties, however many instances sweep', async () => {
    const [a, b] = [await start(), await start()];
    [doctor, patient] = await Promise.all([
      signUp(a.http, 'doctor', { name: 'Dr. Remind' }),
      signUp(a.http, 'patient', { name: 'Rita Reminded' }),
    ]);
    await consultation(a.http, patient, doctor, 'active');
    await setHours(a.http, doctor, { timeZone: 'UTC', slotMinutes: 10, weekly: allWeek() });
    const now = Date.now();
    const slots = await freeSlots(b.http, patient, doctor.id, {
      from: new Date(now).toISOString(),
      to: new Date(now + 5 * 3_600_000).toISOString(),
    });
    const withinHour = slots.find((s) => Date.parse(s.start) > now + 20 * 60_000);
    const withinDay = slots.find((s) => Date.parse(s.start) > now + 3 * 3_600_000);
    // booked through the second instance; either may send the reminders
    const soon = await booked(b.http, patient, doctor.id, withinHour?.start ?? '');
    const later = await booked(b.http, patient, doctor.id, withinDay?.start ?? '');
    expect(Date.parse(soon.start) - now).toBeLessThan(3_600_000);

    await eventually(async () => (await reminders(a, patient)).length >= 2 && (await reminders(b, doctor)).length >= 2);
    // both instances sweep again, concurrently, several times: nothing new is sent
    const sweepers = [a, b].map((x) => x.app.get(AppointmentReminders));
    const again = await Promise.all(Array.from({ length: 5 }, () => sweepers.map((s) => s.sweep())).flat());
    expect(again.reduce((x, y) => x + y, 0)).toBe(0);

    for (const who of [patient, doctor]) {
      const got = await reminders(a, who);
      expect(got.map((n) => n.body).sort()).toEqual(['Starts within 24 hours.', 'Starts within the hour.']);
    }
    const toPatient = await reminders(a, patient);
    expect(toPatient.every((n) => n.title.startsWith('Reminder: appointment with Dr. Remind on '))).toBe(true);
    expect(soon.id).not.toBe(later.id);
  });

  it('a restarted instance sends nothing already sent', async () => {
    await apps.shift()?.close();
    const c = await start();
    expect(await c.app.get(AppointmentReminders).sweep()).toBe(0);
    expect(await reminders(c, patient)).toHaveLength(2);
    expect(await reminders(c, doctor)).toHaveLength(2);
  });
});
