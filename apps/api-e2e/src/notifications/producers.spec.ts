import { type NotificationDto, VITAL_TYPE_LABELS } from '@cloudvault/contracts';
import { consultation } from '../support/care';
import { receivedBeforeMarker } from '../support/sentinel';
import { Inbox, listenOnLoopback } from '../support/sockets';
import { startTestApp, type TestApp } from '../support/test-app';
import { signUp, type TestUser } from '../support/users';

/** Each event of the contract's list (besides consultations, messages and appointments) stores and emits a notification. */
describe('notification producers: note, prescription, summary, vital alert, record access', () => {
  let t: TestApp;
  let base: string;
  let patient: TestUser;
  let doctor: TestUser;
  let colleague: TestUser;
  let outsider: TestUser;
  const inboxes: Record<string, Inbox> = {};

  const listed = async (who: TestUser, type: string): Promise<NotificationDto[]> => {
    const res = await t.http.get('/api/notifications').query({ limit: 100 }).set('authorization', who.auth).expect(200);
    return (res.body as { items: NotificationDto[] }).items.filter((n) => n.type === type);
  };
  const as = (who: TestUser) => ({
    get: (path: string) => t.http.get(path).set('authorization', who.auth),
    post: (path: string, body: object = {}) => t.http.post(path).set('authorization', who.auth).send(body),
    patch: (path: string, body: object) => t.http.patch(path).set('authorization', who.auth).send(body),
  });
  /** What each of `others` received so far, proven complete with a marker. */
  const othersReceived = async (others: TestUser[]) =>
    Promise.all(others.map((u) => receivedBeforeMarker(t.app, u.id, inboxes[u.id] as Inbox)));

  beforeAll(async () => {
    t = await startTestApp();
    base = await listenOnLoopback(t);
    [patient, doctor, colleague, outsider] = await Promise.all([
      signUp(t.http, 'patient', { name: 'Pat Producer' }),
      signUp(t.http, 'doctor', { name: 'Dr. Author' }),
      signUp(t.http, 'doctor', { name: 'Dr. Colleague' }),
      signUp(t.http, 'doctor', { name: 'Dr. Outside' }),
    ]);
    await consultation(t.http, patient, doctor, 'active');
    await consultation(t.http, patient, colleague, 'active');
    await consultation(t.http, patient, outsider, 'ended');
    for (const u of [patient, doctor, colleague, outsider]) inboxes[u.id] = await Inbox.open(base, u.accessToken);
  });
  afterAll(async () => {
    for (const i of Object.values(inboxes)) i.close();
    await t.close();
  });

  it('note.shared: the patient is told of a shared note (or one made shared), never of a private one', async () => {
    const notes = `/api/doctor/patients/${patient.id}/notes`;
    const privateNote = await as(doctor).post(notes, { body: 'Private thought', visibility: 'private' }).expect(201);
    await as(doctor).post(notes, { body: 'Drink more water', visibility: 'shared' }).expect(201);
    const live = await inboxes[patient.id]?.waitFor((n) => n.type === 'note.shared');
    expect(live).toMatchObject({ title: 'Dr. Author shared a note with you', link: '/patient/notes' });
    expect(JSON.stringify(live)).not.toContain('Drink more water');
    expect(await listed(patient, 'note.shared')).toHaveLength(1);
    await as(doctor)
      .patch(`${notes}/${(privateNote.body as { id: string }).id}`, { visibility: 'shared' })
      .expect(200);
    expect(await listed(patient, 'note.shared')).toHaveLength(2);
    expect((await othersReceived([doctor, colleague, outsider])).flat()).toEqual([]);
  });

  it('prescription.issued: the patient is told, with the count of medications only', async () => {
    await as(doctor)
      .post(`/api/doctor/patients/${patient.id}/prescriptions`, {
        medications: [{ name: 'Amlodipine', dose: '5 mg', frequency: 'once daily' }],
        instructions: 'Take in the morning',
      })
      .expect(201);
    const live = await inboxes[patient.id]?.waitFor((n) => n.type === 'prescription.issued');
    expect(live).toMatchObject({
      title: 'Dr. Author issued you a prescription',
      body: '1 medication',
      link: '/patient/prescriptions',
    });
    expect(JSON.stringify(live)).not.toContain('Amlodipine');
    expect((await othersReceived([doctor, colleague, outsider])).flat()).toEqual([]);
  });

  it("summary.ready: the patient is told of a doctor's summary they may read, not of their own", async () => {
    await as(patient).post('/api/summaries', {}).expect(201);
    await as(doctor).post(`/api/doctor/patients/${patient.id}/summaries`, {}).expect(201);
    const live = await inboxes[patient.id]?.waitFor((n) => n.type === 'summary.ready');
    expect(live).toMatchObject({ title: 'Dr. Author prepared a health summary for you', link: '/patient/summaries' });
    expect(await listed(patient, 'summary.ready')).toHaveLength(1);
    expect((await othersReceived([doctor, colleague, outsider])).flat()).toEqual([]);
  });

  it('vital.alert: an urgent reading alerts every doctor in care, once per patient, type and hour', async () => {
    await as(patient).post('/api/vitals', { type: 'blood_pressure', systolic: 150, diastolic: 95 }).expect(201);
    await as(patient).post('/api/vitals', { type: 'blood_pressure', systolic: 192, diastolic: 126 }).expect(201);
    await as(patient).post('/api/vitals', { type: 'blood_pressure', systolic: 200, diastolic: 130 }).expect(201);
    await as(patient).post('/api/vitals', { type: 'spo2', value: 86 }).expect(201);
    for (const d of [doctor, colleague]) {
      const alert = await inboxes[d.id]?.waitFor((n) => n.type === 'vital.alert' && n.body?.includes('%') === true);
      expect(alert?.link).toBe(`/doctor/patients/${patient.id}/vitals`);
      const alerts = await listed(d, 'vital.alert');
      expect(alerts.map((a) => [a.title, a.body])).toEqual([
        ['Urgent reading from Pat Producer', `${VITAL_TYPE_LABELS.spo2} 86 %: Low`],
        ['Urgent reading from Pat Producer', `${VITAL_TYPE_LABELS.blood_pressure} 192/126 mm[Hg]: Hypertensive crisis`],
      ]);
    }
    expect(await listed(outsider, 'vital.alert')).toEqual([]);
    expect((await othersReceived([patient, outsider])).flat()).not.toContain('vital.alert');
  });

  it("record.accessed: a doctor's read tells the patient once a day per doctor; the access log keeps every read", async () => {
    await as(doctor).get(`/api/doctor/patients/${patient.id}/vitals`).expect(200);
    await as(doctor).get(`/api/doctor/patients/${patient.id}/notes`).expect(200);
    await as(outsider).get(`/api/doctor/patients/${patient.id}/vitals`).expect(403);
    const first = await inboxes[patient.id]?.waitFor((n) => n.type === 'record.accessed');
    expect(first).toMatchObject({ title: 'Dr. Author viewed your record', link: '/patient/access-log' });
    await as(colleague).get(`/api/doctor/patients/${patient.id}`).expect(200);
    await inboxes[patient.id]?.waitFor((n) => n.title === 'Dr. Colleague viewed your record');
    expect((await listed(patient, 'record.accessed')).map((n) => n.title)).toEqual([
      'Dr. Colleague viewed your record',
      'Dr. Author viewed your record',
    ]);
    const log = await as(patient).get('/api/access-log').query({ limit: 100 }).expect(200);
    const reads = (log.body as { items: { action: string }[] }).items.filter((e) => e.action.includes('list'));
    expect(reads.length).toBeGreaterThanOrEqual(2);
    expect((await othersReceived([doctor, colleague, outsider])).flat()).not.toContain('record.accessed');
  });
});
