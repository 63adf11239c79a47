import { consultation } from '../support/care';
import { startTestApp, type TestApp } from '../support/test-app';
import { signUp, type TestUser } from '../support/users';

interface Listed {
  items: { id: string; type: string; title: string; link?: string; readAt?: string }[];
  nextCursor: string | null;
  unreadCount: number;
}

describe('notifications: stored per recipient, listed, read', () => {
  let t: TestApp;
  let patient: TestUser;
  let doctor: TestUser;
  let stranger: TestUser;

  beforeAll(async () => {
    t = await startTestApp();
    [patient, doctor, stranger] = await Promise.all([
      signUp(t.http, 'patient', { name: 'Ada Patient' }),
      signUp(t.http, 'doctor', { name: 'Dr. Notify' }),
      signUp(t.http, 'patient'),
    ]);
  });
  afterAll(() => t.close());

  const list = async (who: TestUser, query: Record<string, string | number> = {}): Promise<Listed> =>
    (await t.http.get('/api/notifications').query(query).set('authorization', who.auth).expect(200)).body as Listed;

  it('tells each party of the consultation events meant for them, and no one else', async () => {
    await consultation(t.http, patient, doctor, 'ended');
    const toDoctor = await list(doctor);
    // newest first: the patient ended it, after the doctor was told of the request
    expect(toDoctor.items.map((n) => n.type)).toEqual(['consultation.ended', 'consultation.requested']);
    expect(toDoctor.items.map((n) => n.title)).toEqual([
      'Ada Patient ended their consultation',
      'New consultation request from Ada Patient',
    ]);
    const toPatient = await list(patient);
    // no one is told of their own action: the patient hears only of the doctor's acceptance
    expect(toPatient.items.map((n) => n.type)).toEqual(['consultation.accepted']);
    expect(toPatient.unreadCount).toBe(1);
    expect((await list(stranger)).items).toEqual([]);
  });

  it('pages newest first with a cursor, and filters unread ones', async () => {
    await consultation(t.http, patient, doctor, 'rejected');
    await consultation(t.http, patient, doctor, 'active');
    const first = await list(patient, { limit: 2 });
    expect(first.items.map((n) => n.type)).toEqual(['consultation.accepted', 'consultation.rejected']);
    expect(first.unreadCount).toBe(3);
    const second = await list(patient, { limit: 2, cursor: first.nextCursor ?? '' });
    expect(second.items.map((n) => n.type)).toEqual(['consultation.accepted']);
    expect(second.nextCursor).toBeNull();
    await t.http.get('/api/notifications').query({ unread: 'maybe' }).set('authorization', patient.auth).expect(400);
  });

  it('marks one read (owner only; others get 404), then all', async () => {
    const [newest] = (await list(patient)).items;
    await t.http.post(`/api/notifications/${newest?.id}/read`).set('authorization', stranger.auth).expect(404);
    await t.http.post(`/api/notifications/${newest?.id}/read`).set('authorization', doctor.auth).expect(404);
    const read = await t.http
      .post(`/api/notifications/${newest?.id}/read`)
      .set('authorization', patient.auth)
      .expect(200);
    expect(read.body).toMatchObject({ id: newest?.id, readAt: expect.any(String) });
    const unread = await list(patient, { unread: 'true' });
    expect(unread.items.map((n) => n.id)).not.toContain(newest?.id);
    expect(unread.unreadCount).toBe(2);
    await t.http.post('/api/notifications/read-all').set('authorization', patient.auth).expect(204);
    expect((await list(patient, { unread: 'true' })).items).toEqual([]);
    expect((await list(patient)).unreadCount).toBe(0);
    await t.http.post('/api/notifications/not-an-id/read').set('authorization', patient.auth).expect(400);
    await t.http.get('/api/notifications').expect(401);
  });
});
