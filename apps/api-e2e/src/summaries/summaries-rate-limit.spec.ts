import { getConnectionToken } from '@nestjs/mongoose';
import { type Connection, Types } from 'mongoose';
import { consultation } from '../support/care';
import { setClock } from '../support/clock';
import { startTestApp, type TestApp } from '../support/test-app';
import { signUp, type TestUser } from '../support/users';

const HOUR = 3_600_000;
const HALF_HOUR = HOUR / 2;

describe('summary generation is rate-limited per user (SUMMARY_RATE_LIMIT_PER_HOUR)', () => {
  let t: TestApp;
  let conn: Connection;
  let patient: TestUser;
  let doctor: TestUser;

  beforeAll(async () => {
    t = await startTestApp({ SUMMARY_RATE_LIMIT_PER_HOUR: '2' });
    conn = t.app.get<Connection>(getConnectionToken());
    [patient, doctor] = await Promise.all([signUp(t.http, 'patient'), signUp(t.http, 'doctor')]);
    await consultation(t.http, patient, doctor, 'active');
  });
  afterEach(() => jest.useRealTimers());
  afterAll(() => t.close());

  it('answers 429 with Retry-After in the error shape once the hourly limit is used, storing nothing', async () => {
    for (let i = 0; i < 2; i++)
      await t.http.post('/api/summaries').set('authorization', patient.auth).send({}).expect(201);
    const res = await t.http.post('/api/summaries').set('authorization', patient.auth).send({}).expect(429);
    expect(res.body).toEqual({
      statusCode: 429,
      error: 'Too Many Requests',
      message: expect.stringMatching(/try again later/),
    });
    const retryAfter = Number(res.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(3000);
    expect(retryAfter).toBeLessThanOrEqual(3600);
    expect(await conn.collection('summaries').countDocuments({ 'requester.id': new Types.ObjectId(patient.id) })).toBe(
      2,
    );
    const denied = await conn
      .collection('audit_events')
      .find({ action: 'summary.create', outcome: 'denied' })
      .toArray();
    expect(denied).toEqual([
      expect.objectContaining({ actorId: new Types.ObjectId(patient.id), patientId: new Types.ObjectId(patient.id) }),
    ]);
  });

  it('counts per requester: the doctor still has their own allowance, then is limited too', async () => {
    const path = `/api/doctor/patients/${patient.id}/summaries`;
    for (let i = 0; i < 2; i++) await t.http.post(path).set('authorization', doctor.auth).send({}).expect(201);
    const res = await t.http.post(path).set('authorization', doctor.auth).send({}).expect(429);
    expect(res.headers['retry-after']).toMatch(/^\d+$/);
  });

  it('reading summaries is not limited', async () => {
    await t.http.get('/api/summaries').set('authorization', patient.auth).expect(200);
  });

  it('parallel requests cannot slip past the limit together', async () => {
    const other = await signUp(t.http, 'patient');
    const results = await Promise.all(
      Array.from({ length: 6 }, () => t.http.post('/api/summaries').set('authorization', other.auth).send({})),
    );
    const statuses = results.map((r) => r.status).sort();
    // check and add are one atomic step: exactly the allowance goes ahead
    expect(statuses.filter((s) => s === 201).length).toBe(2);
    expect(statuses.every((s) => s === 201 || s === 429)).toBe(true);
    expect(
      await conn.collection('summaries').countDocuments({ 'requester.id': new Types.ObjectId(other.id) }),
    ).toBeLessThanOrEqual(2);
  });

  it('the window slides: once the oldest request is over an hour old, one more is allowed', async () => {
    const u = await signUp(t.http, 'patient');
    const start = Date.now();
    // at each moment a fresh sign-in (an access token lives 15 minutes), then one request
    const summarize = async (at: number) => {
      setClock(at);
      const signedIn = await t.http.post('/api/auth/login').send({ email: u.email, password: u.password }).expect(200);
      return t.http.post('/api/summaries').set('authorization', `Bearer ${signedIn.body.accessToken}`).send({});
    };
    expect((await summarize(start)).status).toBe(201);
    expect((await summarize(start + HALF_HOUR)).status).toBe(201);
    const limited = await summarize(start + HALF_HOUR);
    expect(limited.status).toBe(429);
    // the oldest request leaves the window half an hour later
    expect(limited.headers['retry-after']).toBe(String(HALF_HOUR / 1000));
    expect((await summarize(start + HOUR + 1)).status).toBe(201);
    expect((await summarize(start + HOUR + 1)).status).toBe(429);
  });
});
