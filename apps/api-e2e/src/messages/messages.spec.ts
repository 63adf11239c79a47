import type { ConsultationDto, DoctorPatientDto, MessageDto } from '@cloudvault/contracts';
import { MessagesService } from '../../../api/src/modules/messages/messages.service';
import { consultation } from '../support/care';
import { receivedBeforeMarker } from '../support/sentinel';
import { Inbox, listenOnLoopback } from '../support/sockets';
import { startTestApp, type TestApp } from '../support/test-app';
import { signUp, type TestUser } from '../support/users';

interface Page {
  items: MessageDto[];
  nextCursor: string | null;
}

describe('secure messaging within a consultation', () => {
  let t: TestApp;
  let patient: TestUser;
  let doctor: TestUser;
  let otherPatient: TestUser;
  let otherDoctor: TestUser;
  let active: string;

  const path = (id: string) => `/api/consultations/${id}/messages`;
  const send = (who: TestUser, id: string, body: unknown) =>
    t.http
      .post(path(id))
      .set('authorization', who.auth)
      .send(body as object);
  const list = (who: TestUser, id: string, query: Record<string, string | number> = {}) =>
    t.http.get(path(id)).query(query).set('authorization', who.auth);
  const markRead = (who: TestUser, id: string) => t.http.post(`${path(id)}/read`).set('authorization', who.auth);
  const unreadIn = async (who: TestUser, id: string) => {
    const res = await t.http.get('/api/consultations').set('authorization', who.auth).expect(200);
    return (res.body as { items: ConsultationDto[] }).items.find((c) => c.id === id)?.unreadMessages;
  };

  beforeAll(async () => {
    t = await startTestApp();
    [patient, doctor, otherPatient, otherDoctor] = await Promise.all([
      signUp(t.http, 'patient', { name: 'Mia Message' }),
      signUp(t.http, 'doctor', { name: 'Dr. Reply' }),
      signUp(t.http, 'patient'),
      signUp(t.http, 'doctor'),
    ]);
    active = await consultation(t.http, patient, doctor, 'active');
    await consultation(t.http, otherPatient, otherDoctor, 'active');
  });
  afterAll(() => t.close());

  it('lets both parties write and read, newest first with a cursor; bodies stay plain text', async () => {
    const first = await send(patient, active, { body: 'Hello doctor <b>bold</b>' }).expect(201);
    expect(first.body).toMatchObject({
      consultationId: active,
      senderId: patient.id,
      senderName: 'Mia Message',
      senderRole: 'patient',
      body: 'Hello doctor <b>bold</b>',
    });
    expect((first.body as MessageDto).readAt).toBeUndefined();
    await send(doctor, active, { body: 'Hello Mia' }).expect(201);
    await send(patient, active, { body: 'x'.repeat(4000) }).expect(201);
    const page1 = (await list(doctor, active, { limit: 2 }).expect(200)).body as Page;
    expect(page1.items.map((m) => m.senderName)).toEqual(['Mia Message', 'Dr. Reply']);
    const page2 = (await list(patient, active, { limit: 2, cursor: page1.nextCursor ?? '' }).expect(200)).body as Page;
    expect(page2.items.map((m) => m.body)).toEqual(['Hello doctor <b>bold</b>']);
    expect(page2.nextCursor).toBeNull();
  });

  it('refuses empty, blank, too long, non-string and extra-field bodies with a 400 and stores nothing', async () => {
    const before = ((await list(patient, active).expect(200)).body as Page).items.length;
    for (const body of [
      {},
      { body: '' },
      { body: '  \n ' },
      { body: 'x'.repeat(4001) },
      { body: 42 },
      { body: 'a', x: 1 },
    ]) {
      const res = await send(patient, active, body).expect(400);
      expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
    }
    await list(patient, 'not-an-id').expect(400);
    expect(((await list(patient, active).expect(200)).body as Page).items).toHaveLength(before);
  });

  it('counts unread messages per consultation for each side and marks the other side read', async () => {
    expect(await unreadIn(doctor, active)).toBe(2);
    expect(await unreadIn(patient, active)).toBe(1);
    const worklist = await t.http.get('/api/doctor/patients').set('authorization', doctor.auth).expect(200);
    const row = (worklist.body as { items: DoctorPatientDto[] }).items.find((p) => p.id === patient.id);
    expect(row?.unreadMessages).toBe(2);
    await markRead(doctor, active).expect(204);
    expect(await unreadIn(doctor, active)).toBe(0);
    expect(await unreadIn(patient, active)).toBe(1);
    const seen = ((await list(patient, active).expect(200)).body as Page).items;
    // read receipts: the patient's messages carry readAt, the doctor's own reply does not
    expect(seen.map((m) => [m.senderRole, typeof m.readAt])).toEqual([
      ['patient', 'string'],
      ['doctor', 'undefined'],
      ['patient', 'string'],
    ]);
  });

  it('answers 404 to anyone who is not a party, and changes nothing', async () => {
    for (const who of [otherPatient, otherDoctor]) {
      await list(who, active).expect(404);
      await send(who, active, { body: 'intrusion' }).expect(404);
      await markRead(who, active).expect(404);
    }
    await list(patient, '0123456789abcdef01234567').expect(404);
    const items = ((await list(patient, active).expect(200)).body as Page).items;
    expect(items.map((m) => m.body)).not.toContain('intrusion');
    expect(await unreadIn(patient, active)).toBe(1);
  });

  it('keeps an ended conversation read-only for the patient; the doctor out of care gets 403, writes 409', async () => {
    const c = await consultation(t.http, patient, otherDoctor, 'active');
    await send(otherDoctor, c, { body: 'Before the end' }).expect(201);
    await t.http.post(`/api/consultations/${c}/end`).set('authorization', patient.auth).expect(200);
    expect(((await list(patient, c).expect(200)).body as Page).items.map((m) => m.body)).toEqual(['Before the end']);
    await markRead(patient, c).expect(204);
    await send(patient, c, { body: 'After the end' }).expect(409);
    await send(otherDoctor, c, { body: 'After the end' }).expect(409);
    await list(otherDoctor, c).expect(403);
    await markRead(otherDoctor, c).expect(403);
    const pending = await consultation(t.http, otherPatient, doctor, 'pending');
    await send(otherPatient, pending, { body: 'Too early' }).expect(409);
    const log = await t.http.get('/api/access-log').query({ limit: 100 }).set('authorization', patient.auth);
    const actions = (log.body as { items: { action: string; outcome?: string }[] }).items.map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['message.create', 'message.list', 'message.read']));
  });

  it('tells the other party of a new message, live and in the list, without the text', async () => {
    const base = await listenOnLoopback(t);
    const [patientInbox, doctorInbox, strangerInbox] = await Promise.all([
      Inbox.open(base, patient.accessToken),
      Inbox.open(base, doctor.accessToken),
      Inbox.open(base, otherPatient.accessToken),
    ]);
    try {
      await send(doctor, active, { body: 'Your results are in' }).expect(201);
      const live = await patientInbox.waitFor((n) => n.type === 'message.received');
      expect(live).toMatchObject({
        title: 'New message from Dr. Reply',
        link: `/patient/consultations/${active}/messages`,
      });
      expect(JSON.stringify(live)).not.toContain('results');
      await send(patient, active, { body: 'Thanks' }).expect(201);
      const back = await doctorInbox.waitFor((n) => n.type === 'message.received');
      expect(back).toMatchObject({
        title: 'New message from Mia Message',
        link: `/doctor/patients/${patient.id}/messages`,
      });
      expect(await receivedBeforeMarker(t.app, otherPatient.id, strangerInbox)).toEqual([]);
    } finally {
      for (const i of [patientInbox, doctorInbox, strangerInbox]) i.close();
    }
  });

  it('erases every message of an account (for account deletion)', async () => {
    await t.app.get(MessagesService).eraseAccount(patient.id);
    expect(((await list(doctor, active).expect(200)).body as Page).items).toEqual([]);
  });
});
