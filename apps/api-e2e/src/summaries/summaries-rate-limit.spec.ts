import { getConnectionToken } from '@nestjs/mongoose';
import { type Connection, Types } from 'mongoose';
import { consultation } from '../support/care';
import { startTestApp, type TestApp } from '../support/test-app';
import { signUp, type TestUser } from '../support/users';

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
    expect(statuses.filter((s) => s === 201).length).toBeLessThanOrEqual(2);
    expect(statuses.every((s) => s === 201 || s === 429)).toBe(true);
    expect(
      await conn.collection('summaries').countDocuments({ 'requester.id': new Types.ObjectId(other.id) }),
    ).toBeLessThanOrEqual(2);
  });

  it('the window slides: once the oldest request is over an hour old, one more is allowed', async () => {
    const [oldest] = await conn
      .collection('summary_requests')
      .find({ requesterId: new Types.ObjectId(patient.id) })
      .sort({ at: 1 })
      .limit(1)
      .toArray();
    await conn
      .collection('summary_requests')
      .updateOne({ _id: oldest?._id }, { $set: { at: new Date(Date.now() - 3601_000) } });
    await t.http.post('/api/summaries').set('authorization', patient.auth).send({}).expect(201);
    await t.http.post('/api/summaries').set('authorization', patient.auth).send({}).expect(429);
  });
});
