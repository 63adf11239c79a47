import { Types } from 'mongoose';
import { startTestApp, type TestApp } from '../support/test-app';
import { signUp, type TestUser } from '../support/users';
import { totpCode, wrongTotpCode } from '../support/credentials';
import { auditEvents } from '../support/database';

const WINDOW_SECONDS = 15 * 60;

describe('auth: per-account back-off (LOGIN_MAX_FAILURES=3)', () => {
  let t: TestApp;
  let user: TestUser;
  beforeAll(async () => {
    t = await startTestApp({ LOGIN_MAX_FAILURES: '3', AUTH_RATE_LIMIT_PER_MINUTE: '100000' });
    user = await signUp(t.http, 'patient');
  });
  afterAll(() => t.close());

  const attempt = (email: string, password: string) => t.http.post('/api/auth/login').send({ email, password });

  it('a successful sign-in clears earlier failures', async () => {
    await attempt(user.email, 'wrong password 1').expect(401);
    await attempt(user.email, 'wrong password 2').expect(401);
    await attempt(user.email, user.password).expect(200);
    await attempt(user.email, 'wrong password 3').expect(401);
    await attempt(user.email, 'wrong password 4').expect(401);
    await attempt(user.email, user.password).expect(200);
  });

  it('after 3 failures even the right password gets 429 with Retry-After, for this address only', async () => {
    for (let i = 0; i < 3; i++) await attempt(user.email, `wrong password ${i}`).expect(401);
    const res = await attempt(user.email, user.password).expect(429);
    expect(res.body).toEqual({ statusCode: 429, error: 'Too Many Requests', message: expect.any(String) });
    const retryAfter = Number(res.headers['retry-after']);
    expect(Number.isInteger(retryAfter)).toBe(true);
    expect(retryAfter).toBeGreaterThan(WINDOW_SECONDS - 60);
    expect(retryAfter).toBeLessThanOrEqual(WINDOW_SECONDS);
    const events = await auditEvents(t.app, {
      action: 'auth.login',
      outcome: 'denied',
      actorId: new Types.ObjectId(user.id),
    });
    expect(events).toHaveLength(1);
    // another account is unaffected
    const other = await signUp(t.http, 'patient');
    await attempt(other.email, other.password).expect(200);
    // nor is this account from another address
    await t.http
      .post('/api/auth/login')
      .set('x-forwarded-for', '198.51.100.9')
      .send({ email: user.email, password: user.password })
      .expect(200);
  });

  it('unknown emails are throttled alike (no account enumeration)', async () => {
    for (let i = 0; i < 3; i++) await attempt('nobody@limits.test', `wrong password ${i}`).expect(401);
    const res = await attempt('nobody@limits.test', 'wrong password 4').expect(429);
    expect(res.headers['retry-after']).toBeDefined();
  });

  it('two-factor code guesses count as failures of the account', async () => {
    const u = await signUp(t.http, 'patient');
    const { secret } = (await t.http.post('/api/me/mfa/setup').set('authorization', u.auth).expect(200)).body;
    await t.http
      .post('/api/me/mfa/enable')
      .set('authorization', u.auth)
      .send({ code: totpCode(secret) })
      .expect(200);
    const { mfaToken } = (await attempt(u.email, u.password).expect(200)).body;
    for (let i = 0; i < 3; i++)
      await t.http
        .post('/api/auth/mfa')
        .send({ mfaToken, code: wrongTotpCode(secret) })
        .expect(401);
    const res = await t.http
      .post('/api/auth/mfa')
      .send({ mfaToken, code: totpCode(secret, 1) })
      .expect(429);
    expect(res.headers['retry-after']).toBeDefined();
    const denied = await auditEvents(t.app, {
      action: 'auth.mfa',
      outcome: 'denied',
      actorId: new Types.ObjectId(u.id),
    });
    expect(denied).toHaveLength(1);
  });

  it('password guesses through two-factor disabling count too', async () => {
    const u = await signUp(t.http, 'patient');
    const { secret } = (await t.http.post('/api/me/mfa/setup').set('authorization', u.auth).expect(200)).body;
    const { recoveryCodes } = (
      await t.http
        .post('/api/me/mfa/enable')
        .set('authorization', u.auth)
        .send({ code: totpCode(secret) })
        .expect(200)
    ).body;
    for (let i = 0; i < 3; i++) {
      await t.http
        .post('/api/me/mfa/disable')
        .set('authorization', u.auth)
        .send({ password: `guess number ${i}`, code: recoveryCodes[0] })
        .expect(401);
    }
    const res = await t.http
      .post('/api/me/mfa/disable')
      .set('authorization', u.auth)
      .send({ password: u.password, code: recoveryCodes[0] })
      .expect(429);
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    await attempt(u.email, u.password).expect(429);
  });
});

describe('auth: per-IP limit on rejected credentials (AUTH_RATE_LIMIT_PER_MINUTE=5)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ AUTH_RATE_LIMIT_PER_MINUTE: '5', LOGIN_MAX_FAILURES: '10' });
  });
  afterAll(() => t.close());

  it('successful sign-ups and sign-ins from one address are not limited', async () => {
    for (let i = 0; i < 4; i++) await signUp(t.http, 'patient');
  });

  it('invalid bodies do not count', async () => {
    for (let i = 0; i < 8; i++)
      await t.http
        .post('/api/auth/login')
        .send({ email: `x${i}@limits.test` })
        .expect(400);
    await signUp(t.http, 'patient');
  });

  it('a refresh without any token (a visitor opening the app) is a 401 that does not count', async () => {
    for (let i = 0; i < 8; i++) await t.http.post('/api/auth/refresh').send({}).expect(401);
    await signUp(t.http, 'patient');
  });

  it('after 5 rejected credentials on any auth route, the next request is 429 with Retry-After', async () => {
    const honest = await signUp(t.http, 'patient');
    for (let i = 0; i < 2; i++)
      await t.http
        .post('/api/auth/login')
        .send({ email: `ip${i}@limits.test`, password: 'wrong password' })
        .expect(401);
    await t.http.post('/api/auth/refresh').send({ refreshToken: 'nope' }).expect(401);
    await t.http
      .post('/api/auth/register')
      .send({ email: honest.email, password: 'long enough passphrase', name: 'X', role: 'patient' })
      .expect(409);
    await t.http.post('/api/auth/mfa').send({ mfaToken: 'forged', code: '123456' }).expect(401);
    const res = await t.http
      .post('/api/auth/login')
      .send({ email: honest.email, password: honest.password })
      .expect(429);
    expect(res.body).toEqual({ statusCode: 429, error: 'Too Many Requests', message: expect.any(String) });
    const retryAfter = Number(res.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    await t.http
      .post('/api/auth/register')
      .send({ email: 'late@limits.test', password: 'long enough passphrase', name: 'Late', role: 'patient' })
      .expect(429);
    // other routes are not limited by it
    await t.http.get('/api/me').set('authorization', honest.auth).expect(200);
  });
});
