import { consultation } from '../support/care';
import { startTestApp, type TestApp } from '../support/test-app';
import { signUp, type TestUser } from '../support/users';

describe('GET /api/doctor/patients: the doctor’s active patients', () => {
  let t: TestApp;
  let doctor: TestUser;
  let ann: TestUser;
  let bob: TestUser;
  let cy: TestUser;

  beforeAll(async () => {
    t = await startTestApp();
    [doctor, ann, bob, cy] = await Promise.all([
      signUp(t.http, 'doctor'),
      signUp(t.http, 'patient', { name: 'Ann (A.) Smith' }),
      signUp(t.http, 'patient', { name: 'Bob Jones' }),
      signUp(t.http, 'patient', { name: 'Cy Smithers' }),
    ]);
    await Promise.all([
      consultation(t.http, ann, doctor),
      consultation(t.http, bob, doctor),
      consultation(t.http, cy, doctor, 'pending'),
    ]);
  });
  afterAll(() => t.close());

  const list = (q: Record<string, string | number> = {}) =>
    t.http.get('/api/doctor/patients').query(q).set('authorization', doctor.auth);

  it('lists patients with an active consultation only, by name, searchable literally and case-insensitively', async () => {
    const all = await list().expect(200);
    expect(all.body.items.map((p: { name: string }) => p.name)).toEqual(['Ann (A.) Smith', 'Bob Jones']);
    expect(all.body.items[0]).toEqual({
      id: ann.id,
      name: 'Ann (A.) Smith',
      consultationId: expect.any(String),
      since: expect.any(String),
      latest: {},
      flags7d: 0,
      lastActivityAt: null,
      unreadMessages: 0,
    });
    expect((await list({ q: 'SMITH' }).expect(200)).body.items.map((p: { id: string }) => p.id)).toEqual([ann.id]);
    expect((await list({ q: '(A.)' }).expect(200)).body.items.map((p: { id: string }) => p.id)).toEqual([ann.id]);
    expect((await list({ q: '.*' }).expect(200)).body.items).toEqual([]);
    const first = await list({ limit: 1 }).expect(200);
    const second = await list({ limit: 1, cursor: first.body.nextCursor }).expect(200);
    expect([...first.body.items, ...second.body.items].map((p: { id: string }) => p.id)).toEqual([ann.id, bob.id]);
    expect(second.body.nextCursor).toBeNull();
    await t.http.get('/api/doctor/patients').set('authorization', ann.auth).expect(403);
  });

  it("shows a consulted patient's profile, and refuses one still pending", async () => {
    const res = await t.http.get(`/api/doctor/patients/${ann.id}`).set('authorization', doctor.auth).expect(200);
    expect(res.body).toMatchObject({
      id: ann.id,
      name: 'Ann (A.) Smith',
      email: ann.email,
      consultationId: expect.any(String),
    });
    expect(JSON.stringify(res.body)).not.toMatch(/password|mfa/i);
    await t.http.get(`/api/doctor/patients/${cy.id}`).set('authorization', doctor.auth).expect(403);
  });
});
