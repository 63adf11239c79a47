import { consultation } from '../support/care';
import { startTestApp, type TestApp } from '../support/test-app';
import { signUp, type TestUser } from '../support/users';

interface Entry {
  id: string;
  at: string;
  actor: { id: string; name: string | null; role: string } | null;
  action: string;
  resourceType: string;
  resourceId?: string;
  outcome: string;
}

describe('GET /api/access-log: who did what to my records', () => {
  let t: TestApp;
  let patient: TestUser;
  let other: TestUser;
  let doctor: TestUser;
  let noteId: string;

  beforeAll(async () => {
    t = await startTestApp();
    [patient, other, doctor] = await Promise.all([
      signUp(t.http, 'patient'),
      signUp(t.http, 'patient'),
      signUp(t.http, 'doctor', { name: 'Dr. Watson', specialty: 'General Practice' }),
    ]);
    await t.http
      .post('/api/vitals')
      .set('authorization', patient.auth)
      .send({ type: 'heart_rate', value: 72 })
      .expect(201);
    await consultation(t.http, patient, doctor);
    await t.http.get(`/api/doctor/patients/${patient.id}/vitals`).set('authorization', doctor.auth).expect(200);
    noteId = (
      await t.http
        .post(`/api/doctor/patients/${patient.id}/notes`)
        .set('authorization', doctor.auth)
        .send({ body: 'Resting heart rate fine', visibility: 'private' })
        .expect(201)
    ).body.id;
  });
  afterAll(() => t.close());

  const log = (u: TestUser, q: Record<string, string | number> = {}) =>
    t.http.get('/api/access-log').query(q).set('authorization', u.auth);

  it('names the doctor (name and role), the action and the record, newest first, without network details', async () => {
    const res = await log(patient).expect(200);
    const items = res.body.items as Entry[];
    const times = items.map((e) => new Date(e.at).getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
    const byDoctor = items.filter((e) => e.actor?.id === doctor.id);
    expect(byDoctor.map((e) => e.action)).toEqual(expect.arrayContaining(['note.create', 'consultation.accept']));
    expect(byDoctor.some((e) => e.resourceType === 'vital')).toBe(true);
    const created = byDoctor.find((e) => e.action === 'note.create');
    expect(created).toMatchObject({
      actor: { id: doctor.id, name: 'Dr. Watson', role: 'doctor' },
      resourceType: 'note',
      resourceId: noteId,
      outcome: 'success',
    });
    // the private note's text is not in the log, nor IPs or user agents
    expect(JSON.stringify(res.body)).not.toMatch(/Resting heart rate|userAgent|"ip"|requestId/);
    // the patient's own actions appear too
    expect(items.some((e) => e.actor?.id === patient.id && e.action === 'consultation.request')).toBe(true);
  });

  it('shows only the caller’s own records and is for patients only', async () => {
    const res = await log(other).expect(200);
    expect((res.body.items as Entry[]).every((e) => e.actor?.id !== doctor.id)).toBe(true);
    await log(doctor).expect(403);
    await t.http.get('/api/access-log').expect(401);
  });

  it('pages with an opaque cursor, disjoint and complete; bad cursors are 400', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res: { body: { items: Entry[]; nextCursor: string | null } } = await log(patient, {
        limit: 2,
        ...(cursor ? { cursor } : {}),
      }).expect(200);
      expect(res.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...res.body.items.map((e) => e.id));
      cursor = res.body.nextCursor;
      pages += 1;
    } while (cursor && pages < 100);
    expect(pages).toBeGreaterThan(2);
    expect(new Set(seen).size).toBe(seen.length);
    // each page read is itself audited, so compare against a full read taken now, older than the first page read
    const full = (await log(patient, { limit: 500 }).expect(200)).body.items.map((e: Entry) => e.id);
    expect(full).toEqual(expect.arrayContaining(seen));
    await log(patient, { cursor: 'eyJ4IjoxfQ' }).expect(400);
    await log(patient, { limit: 501 }).expect(400);
  });
});
