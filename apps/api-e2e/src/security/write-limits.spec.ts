import { consultation } from '../support/care';
import { startTestApp, type TestApp } from '../support/test-app';
import { signUp, type TestUser } from '../support/users';

describe('per-user write limits (vitals, uploads, notes: 2 per hour here)', () => {
  let t: TestApp;
  let patient: TestUser;
  let other: TestUser;
  let doctor: TestUser;
  beforeAll(async () => {
    t = await startTestApp({
      VITALS_RATE_LIMIT_PER_HOUR: '2',
      UPLOADS_RATE_LIMIT_PER_HOUR: '2',
      NOTES_RATE_LIMIT_PER_HOUR: '2',
    });
    [patient, other, doctor] = await Promise.all([
      signUp(t.http, 'patient'),
      signUp(t.http, 'patient'),
      signUp(t.http, 'doctor'),
    ]);
    await consultation(t.http, patient, doctor, 'active');
  });
  afterAll(() => t.close());

  const expectLimited = (res: { status: number; body: unknown; headers: Record<string, string> }) => {
    expect(res.status).toBe(429);
    expect(res.body).toEqual({ statusCode: 429, error: 'Too Many Requests', message: expect.any(String) });
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(3500);
    expect(Number(res.headers['retry-after'])).toBeLessThanOrEqual(3600);
  };

  it('vitals: the third write in the hour is 429 with Retry-After and stores nothing; others are unaffected', async () => {
    const post = (u: TestUser) =>
      t.http.post('/api/vitals').set('authorization', u.auth).send({ type: 'heart_rate', value: 70 });
    await post(patient).expect(201);
    await post(patient).expect(201);
    expectLimited(await post(patient));
    const list = await t.http.get('/api/vitals').set('authorization', patient.auth).expect(200);
    expect(list.body.items).toHaveLength(2);
    await post(other).expect(201);
  });

  it('uploads: every attempt counts, then 429', async () => {
    const upload = () =>
      t.http.post('/api/files').set('authorization', patient.auth).set('content-type', 'application/json').send('{}');
    await upload().expect(400);
    await upload().expect(400);
    expectLimited(await upload());
  });

  it("notes: a doctor's writes are limited too", async () => {
    const write = () =>
      t.http
        .post(`/api/doctor/patients/${patient.id}/notes`)
        .set('authorization', doctor.auth)
        .send({ body: 'Follow-up in two weeks', visibility: 'shared' });
    await write().expect(201);
    await write().expect(201);
    expectLimited(await write());
  });

  it('documents the 429 in OpenAPI', async () => {
    const doc = (await t.http.get('/api/docs-json').expect(200)).body;
    expect(Object.keys(doc.paths['/api/vitals'].post.responses)).toContain('429');
    expect(Object.keys(doc.paths['/api/files'].post.responses)).toContain('429');
    expect(Object.keys(doc.paths['/api/doctor/patients/{patientId}/notes'].post.responses)).toContain('429');
  });
});
