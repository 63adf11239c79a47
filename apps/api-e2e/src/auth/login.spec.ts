import * as argon2 from 'argon2';
import { Types } from 'mongoose';
import { startTestApp, type TestApp } from '../support/test-app';
import { signUp, type TestUser } from '../support/users';
import { allKeys, CREDENTIAL_KEYS } from '../support/credentials';
import { auditEvents, db } from '../support/database';

describe('auth: POST /api/auth/login', () => {
  let t: TestApp;
  let patient: TestUser;
  let doctor: TestUser;
  beforeAll(async () => {
    t = await startTestApp();
    patient = await signUp(t.http, 'patient');
    doctor = await signUp(t.http, 'doctor', { specialty: 'Dermatology' });
  });
  afterAll(() => t.close());

  it('answers tokens, expiry and the user, and sets the refresh cookie', async () => {
    const res = await t.http
      .post('/api/auth/login')
      .send({ email: patient.email, password: patient.password })
      .expect(200);
    expect(res.body).toEqual({
      accessToken: expect.any(String),
      refreshToken: expect.any(String),
      expiresIn: 900,
      tokenType: 'Bearer',
      mfaEnrolmentRequired: false,
      user: expect.objectContaining({ id: patient.id, email: patient.email, role: 'patient' }),
    });
    expect(allKeys(res.body).filter((k) => CREDENTIAL_KEYS.test(k))).toEqual([]);
    const cookie = ([] as string[]).concat(res.headers['set-cookie'] ?? []).find((c) => c.startsWith('cv_refresh='));
    expect(cookie).toBeDefined();
    expect(cookie).toContain(`cv_refresh=${res.body.refreshToken}`);
    expect(cookie).toMatch(/; HttpOnly/i);
    expect(cookie).toMatch(/; SameSite=Strict/i);
    expect(cookie).toMatch(/; Path=\/api\/auth(;|$)/);
    expect(cookie).not.toMatch(/; Secure/i); // Secure in production only
  });

  it('accepts the email in another case and with spaces', async () => {
    await t.http
      .post('/api/auth/login')
      .send({ email: `  ${doctor.email.toUpperCase()} `, password: doctor.password })
      .expect(200);
  });

  it('wrong password and unknown email give the identical 401', async () => {
    const wrong = await t.http
      .post('/api/auth/login')
      .send({ email: patient.email, password: 'not the right password' })
      .expect(401);
    const unknown = await t.http
      .post('/api/auth/login')
      .send({ email: 'nobody@nowhere.test', password: 'not the right password' })
      .expect(401);
    expect(wrong.body).toEqual({ statusCode: 401, error: 'Unauthorized', message: 'Invalid email or password' });
    expect(unknown.body).toEqual(wrong.body);
    expect(unknown.headers['set-cookie']).toBeUndefined();
  });

  it('records sign-in successes and failures', async () => {
    const before = new Date(Date.now() - 1000);
    await t.http.post('/api/auth/login').send({ email: doctor.email, password: doctor.password }).expect(200);
    await t.http.post('/api/auth/login').send({ email: doctor.email, password: 'definitely wrong pw' }).expect(401);
    await t.http
      .post('/api/auth/login')
      .send({ email: 'ghost@nowhere.test', password: 'definitely wrong pw' })
      .expect(401);
    const mine = (await auditEvents(t.app, { action: 'auth.login', actorId: new Types.ObjectId(doctor.id) })).slice(-2);
    expect(mine.map((e) => e.outcome)).toEqual(['success', 'failure']);
    expect(mine[0]).toMatchObject({ actorRole: 'doctor', resourceType: 'user', resourceId: doctor.id });
    const anonymous = await auditEvents(t.app, {
      action: 'auth.login',
      outcome: 'failure',
      actorId: { $exists: false },
      at: { $gte: before },
    });
    expect(anonymous.length).toBeGreaterThanOrEqual(1);
    expect(JSON.stringify(anonymous)).not.toContain('ghost@nowhere.test');
  });

  it.each([
    ['missing password', { email: 'x@y.test' }, 'password'],
    ['missing email', { password: 'whatever-long' }, 'email'],
    ['an operator object as email', { email: { $ne: null }, password: 'whatever-long' }, 'email'],
    ['an operator object as password', { email: 'x@y.test', password: { $gt: '' } }, 'password'],
    ['an extra field', { email: 'x@y.test', password: 'whatever-long', role: 'doctor' }, 'role'],
  ])('rejects %s with 400 and details', async (_label, body, field) => {
    const res = await t.http.post('/api/auth/login').send(body).expect(400);
    expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
  });

  it('re-hashes a password stored with older argon2 parameters on the next sign-in', async () => {
    const users = db(t.app).collection('users');
    const weak = await argon2.hash(patient.password, {
      type: argon2.argon2id,
      memoryCost: 8192,
      timeCost: 1,
      parallelism: 1,
    });
    await users.updateOne({ _id: new Types.ObjectId(patient.id) }, { $set: { passwordHash: weak } });
    await t.http.post('/api/auth/login').send({ email: patient.email, password: patient.password }).expect(200);
    const stored = await users.findOne({ _id: new Types.ObjectId(patient.id) });
    expect(stored?.['passwordHash']).not.toBe(weak);
    expect(stored?.['passwordHash']).toMatch(/^\$argon2id\$v=19\$m=19456,p=1,t=2\$/);
    await t.http.post('/api/auth/login').send({ email: patient.email, password: patient.password }).expect(200);
  });
});
