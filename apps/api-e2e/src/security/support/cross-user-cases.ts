import type TestAgent from 'supertest/lib/agent';
import { consultation } from '../../support/care';
import { signUp, type TestUser } from '../../support/users';

/** One attempt to reach another user's resource by its id, and how to read that resource back as its owner. */
export interface CrossUserCase {
  /** `METHOD /api/path/:param` as registered. */
  route: string;
  who: string;
  attacker: TestUser;
  path: string;
  /** A body the owner could send (so only the ownership decides the answer). */
  body?: object;
  /** The victim's view of the resource (as its owner sees it), compared before and after the attempt. */
  snapshot: () => Promise<unknown>;
}

async function created(res: Promise<{ status: number; body: { id?: string } }>, what: string): Promise<string> {
  const r = await res;
  if (r.status !== 201 || !r.body.id) throw new Error(`${what} failed: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body.id;
}

/**
 * Builds a victim patient with a vital, a file, consultations, a note and a prescription, and attackers of
 * both roles who are legitimately signed in (and, for the doctor, consulting their own patient).
 */
export async function crossUserCases(http: TestAgent): Promise<CrossUserCase[]> {
  const [victim, otherPatient, pendingDoctor, treatingDoctor, otherDoctor] = await Promise.all([
    signUp(http, 'patient'),
    signUp(http, 'patient'),
    signUp(http, 'doctor'),
    signUp(http, 'doctor'),
    signUp(http, 'doctor'),
  ]);
  const pending = await consultation(http, victim, pendingDoctor, 'pending');
  const active = await consultation(http, victim, treatingDoctor, 'active');
  await consultation(http, otherPatient, otherDoctor, 'active');

  const as = (u: TestUser, path: string) => http.get(path).set('authorization', u.auth);
  const vital = await created(
    http.post('/api/vitals').set('authorization', victim.auth).send({ type: 'heart_rate', value: 61 }),
    'vital',
  );
  const ws = `/api/doctor/patients/${victim.id}`;
  const note = await created(
    http
      .post(`${ws}/notes`)
      .set('authorization', treatingDoctor.auth)
      .send({ body: 'Victim note', visibility: 'private' }),
    'note',
  );
  const rx = await created(
    http
      .post(`${ws}/prescriptions`)
      .set('authorization', treatingDoctor.auth)
      .send({ medications: [{ name: 'Amlodipine', dose: '5 mg', frequency: 'once daily' }], instructions: 'Morning' }),
    'prescription',
  );
  const upload = await http
    .post('/api/files')
    .set('authorization', victim.auth)
    .attach('file', Buffer.from('date,systolic\n2026-01-01,128\n'), {
      filename: 'victim.csv',
      contentType: 'text/csv',
    });
  const file = upload.status === 201 ? (upload.body as { id: string }).id : 'no-files-route';

  const consultations = async () => (await as(victim, '/api/consultations')).body;
  const vitals = async () => (await as(victim, '/api/vitals?limit=500')).body;
  const fileMeta = async () => {
    const meta = await as(victim, `/api/files/${file}`);
    const bytes = await as(victim, `/api/files/${file}/content`).buffer(true);
    return { status: meta.status, meta: meta.body, bytes: String(bytes.body) };
  };
  const notes = async () => (await as(treatingDoctor, `${ws}/notes`)).body;
  const prescriptions = async () => (await as(treatingDoctor, `${ws}/prescriptions`)).body;
  const theirs = `/api/doctor/patients/${otherPatient.id}`;
  const victimNotifications = async () => (await as(victim, '/api/notifications')).body as { items: { id: string }[] };
  const [notification] = (await victimNotifications()).items;
  const { appointment, freeStart } = await bookedAppointment(http, victim, treatingDoctor);
  const appointments = async () => (await as(victim, '/api/appointments')).body;
  const appointmentCase = (route: string, path: string, attacker: TestUser, who: string, body?: object) => ({
    route,
    who,
    attacker,
    path,
    body,
    snapshot: appointments,
  });
  const conversation = `/api/consultations/${active}/messages`;
  await created(http.post(conversation).set('authorization', victim.auth).send({ body: 'Victim message' }), 'message');
  const messages = async () => (await as(victim, conversation)).body;

  return [
    ...[
      [otherPatient, 'another patient'],
      [otherDoctor, 'another doctor'],
    ].flatMap(([attacker, who]) => [
      appointmentCase(
        'POST /api/appointments/:id/cancel',
        `/api/appointments/${appointment}/cancel`,
        attacker as TestUser,
        who as string,
      ),
      appointmentCase(
        'POST /api/appointments/:id/reschedule',
        `/api/appointments/${appointment}/reschedule`,
        attacker as TestUser,
        who as string,
        { start: freeStart },
      ),
      appointmentCase(
        'GET /api/appointments/:id/ics',
        `/api/appointments/${appointment}/ics`,
        attacker as TestUser,
        who as string,
      ),
    ]),
    {
      route: 'POST /api/notifications/:id/read',
      who: 'another patient',
      attacker: otherPatient,
      path: `/api/notifications/${notification?.id ?? 'none'}/read`,
      snapshot: victimNotifications,
    },
    {
      route: 'DELETE /api/vitals/:id',
      who: 'another patient',
      attacker: otherPatient,
      path: `/api/vitals/${vital}`,
      snapshot: vitals,
    },
    {
      route: 'GET /api/files/:id',
      who: 'another patient',
      attacker: otherPatient,
      path: `/api/files/${file}`,
      snapshot: fileMeta,
    },
    {
      route: 'GET /api/files/:id/content',
      who: 'another patient',
      attacker: otherPatient,
      path: `/api/files/${file}/content`,
      snapshot: fileMeta,
    },
    {
      route: 'DELETE /api/files/:id',
      who: 'another patient',
      attacker: otherPatient,
      path: `/api/files/${file}`,
      snapshot: fileMeta,
    },
    {
      route: 'POST /api/consultations/:id/accept',
      who: 'another doctor',
      attacker: otherDoctor,
      path: `/api/consultations/${pending}/accept`,
      snapshot: consultations,
    },
    {
      route: 'POST /api/consultations/:id/reject',
      who: 'another doctor',
      attacker: otherDoctor,
      path: `/api/consultations/${pending}/reject`,
      snapshot: consultations,
    },
    {
      route: 'POST /api/consultations/:id/cancel',
      who: 'another patient',
      attacker: otherPatient,
      path: `/api/consultations/${pending}/cancel`,
      snapshot: consultations,
    },
    {
      route: 'POST /api/consultations/:id/end',
      who: 'another patient',
      attacker: otherPatient,
      path: `/api/consultations/${active}/end`,
      snapshot: consultations,
    },
    {
      route: 'POST /api/consultations/:id/end',
      who: 'another doctor',
      attacker: otherDoctor,
      path: `/api/consultations/${active}/end`,
      snapshot: consultations,
    },
    {
      route: 'PATCH /api/doctor/patients/:patientId/notes/:noteId',
      who: "another doctor, under their own patient's path",
      attacker: otherDoctor,
      path: `${theirs}/notes/${note}`,
      body: { body: 'Overwritten by an attacker' },
      snapshot: notes,
    },
    {
      route: 'DELETE /api/doctor/patients/:patientId/notes/:noteId',
      who: "another doctor, under their own patient's path",
      attacker: otherDoctor,
      path: `${theirs}/notes/${note}`,
      snapshot: notes,
    },
    {
      route: 'POST /api/doctor/patients/:patientId/prescriptions/:id/cancel',
      who: "another doctor, under their own patient's path",
      attacker: otherDoctor,
      path: `${theirs}/prescriptions/${rx}/cancel`,
      snapshot: prescriptions,
    },
    {
      route: 'GET /api/doctor/patients/:patientId/files/:fileId/content',
      who: "another doctor, under their own patient's path",
      attacker: otherDoctor,
      path: `${theirs}/files/${file}/content`,
      snapshot: fileMeta,
    },
    {
      route: 'GET /api/consultations/:id/messages',
      who: 'another patient',
      attacker: otherPatient,
      path: conversation,
      snapshot: messages,
    },
    {
      route: 'POST /api/consultations/:id/messages',
      who: 'a doctor of another patient',
      attacker: otherDoctor,
      path: conversation,
      body: { body: 'Not yours' },
      snapshot: messages,
    },
    {
      route: 'POST /api/consultations/:id/messages/read',
      who: 'a doctor of another patient',
      attacker: otherDoctor,
      path: `${conversation}/read`,
      snapshot: messages,
    },
  ];
}

/** The doctor opens hours every day; the patient books the first free slot two days ahead. */
async function bookedAppointment(
  http: TestAgent,
  patient: TestUser,
  doctor: TestUser,
): Promise<{ appointment: string; freeStart: string }> {
  const weekly = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '08:00', end: '18:00' }));
  await http
    .put('/api/doctor/availability')
    .set('authorization', doctor.auth)
    .send({ timeZone: 'UTC', slotMinutes: 30, weekly })
    .expect(200);
  const from = new Date(Date.now() + 2 * 86_400_000).toISOString();
  const slots = await http.get(`/api/doctors/${doctor.id}/slots`).query({ from }).set('authorization', patient.auth);
  const [first, second] = (slots.body as { items: { start: string }[] }).items;
  const appointment = await created(
    http
      .post('/api/appointments')
      .set('authorization', patient.auth)
      .send({ doctorId: doctor.id, start: first?.start }),
    'appointment',
  );
  return { appointment, freeStart: second?.start ?? '' };
}
