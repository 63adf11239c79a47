import { startTestApp, type TestApp } from '../support/test-app';
import { signUp } from '../support/users';
import { totpCode } from '../support/credentials';

describe('auth: MFA_REQUIRED_ROLES=doctor', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ MFA_REQUIRED_ROLES: 'doctor' });
  });
  afterAll(() => t.close());

  it('a doctor without two-factor gets an enrolment-only session until enrolled', async () => {
    const doctor = await signUp(t.http, 'doctor');
    const login = await t.http
      .post('/api/auth/login')
      .send({ email: doctor.email, password: doctor.password })
      .expect(200);
    expect(login.body.mfaEnrolmentRequired).toBe(true);
    const bearer = `Bearer ${login.body.accessToken}`;

    await t.http.get('/api/me').set('authorization', bearer).expect(200);
    const blocked = await t.http
      .patch('/api/me')
      .set('authorization', bearer)
      .send({ name: 'Dr. Blocked' })
      .expect(403);
    expect(blocked.body).toEqual({
      statusCode: 403,
      error: 'Forbidden',
      message: expect.stringMatching(/two-factor/i),
    });
    await t.http
      .post('/api/me/password')
      .set('authorization', bearer)
      .send({ currentPassword: doctor.password, newPassword: 'another long passphrase' })
      .expect(403);

    const { secret } = (await t.http.post('/api/me/mfa/setup').set('authorization', bearer).expect(200)).body;
    await t.http
      .post('/api/me/mfa/enable')
      .set('authorization', bearer)
      .send({ code: totpCode(secret) })
      .expect(200);

    // the enrolment-only token stays limited; a refreshed session is a full one
    await t.http.patch('/api/me').set('authorization', bearer).send({ name: 'Dr. Still Blocked' }).expect(403);
    const refreshed = await t.http
      .post('/api/auth/refresh')
      .send({ refreshToken: login.body.refreshToken })
      .expect(200);
    expect(refreshed.body.mfaEnrolmentRequired).toBe(false);
    await t.http
      .patch('/api/me')
      .set('authorization', `Bearer ${refreshed.body.accessToken}`)
      .send({ name: 'Dr. Enrolled' })
      .expect(200);

    // from now on sign-in needs the second step, and two-factor cannot be turned off
    const next = await t.http
      .post('/api/auth/login')
      .send({ email: doctor.email, password: doctor.password })
      .expect(200);
    expect(next.body.mfaRequired).toBe(true);
    await t.http
      .post('/api/me/mfa/disable')
      .set('authorization', `Bearer ${refreshed.body.accessToken}`)
      .send({ password: doctor.password, code: totpCode(secret, 1) })
      .expect(403);
  });

  it('patients are not affected', async () => {
    const patient = await signUp(t.http, 'patient');
    const login = await t.http
      .post('/api/auth/login')
      .send({ email: patient.email, password: patient.password })
      .expect(200);
    expect(login.body.mfaEnrolmentRequired).toBe(false);
    await t.http
      .patch('/api/me')
      .set('authorization', `Bearer ${login.body.accessToken}`)
      .send({ name: 'Pat' })
      .expect(200);
  });
});
