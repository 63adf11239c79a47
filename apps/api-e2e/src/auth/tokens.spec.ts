import { randomBytes } from 'node:crypto';
import { Types } from 'mongoose';
import request from 'supertest';
import { startTestApp, type TestApp } from '../support/test-app';
import { signUp, type TestUser } from '../support/users';
import { allKeys, auditEvents, craftJwt, CREDENTIAL_KEYS, db, decodeJwt } from './auth-test-kit';

const JWT_SECRET = randomBytes(32).toString('hex');
const CLAIMS = { iss: 'cloudvault', aud: 'cloudvault-api' };

describe('auth: access tokens, refresh rotation, logout, profile, password change', () => {
  let t: TestApp;
  let patient: TestUser;
  let doctor: TestUser;
  const now = () => Math.floor(Date.now() / 1000);
  const login = async (u: TestUser) =>
    (await t.http.post('/api/auth/login').send({ email: u.email, password: u.password }).expect(200)).body as {
      accessToken: string;
      refreshToken: string;
    };

  beforeAll(async () => {
    t = await startTestApp({ JWT_SECRET, JWT_REFRESH_SECRET: randomBytes(32).toString('hex') });
    patient = await signUp(t.http, 'patient');
    doctor = await signUp(t.http, 'doctor');
  });
  afterAll(() => t.close());

  describe('access tokens', () => {
    it('carries sub, role, jti, a 15-minute expiry and HS256', () => {
      const { header, payload } = decodeJwt(patient.accessToken);
      expect(header).toMatchObject({ alg: 'HS256', typ: 'JWT' });
      expect(payload).toMatchObject({ sub: patient.id, role: 'patient', jti: expect.any(String), ...CLAIMS });
      expect((payload['exp'] as number) - (payload['iat'] as number)).toBe(900);
    });

    it('GET /api/me answers the account (no credentials)', async () => {
      const res = await t.http.get('/api/me').set('authorization', doctor.auth).expect(200);
      expect(res.body).toEqual({
        id: doctor.id,
        email: doctor.email,
        name: doctor.name,
        role: 'doctor',
        specialty: 'Cardiology',
        mfaEnabled: false,
        preferences: { aiFreeTextConsent: false, units: 'metric' }, // the AI consent flag (off) and display units
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
      });
      expect(allKeys(res.body).filter((k) => CREDENTIAL_KEYS.test(k))).toEqual([]);
    });

    it('a token signed by us is accepted (control for the cases below)', async () => {
      const token = craftJwt(
        { alg: 'HS256', typ: 'JWT' },
        // issue 13: every access token names its session (sid), which is checked against revoked sessions
        { sub: patient.id, role: 'patient', jti: 'x', sid: 's', iat: now(), exp: now() + 60, ...CLAIMS },
        JWT_SECRET,
      );
      await t.http.get('/api/me').set('authorization', `Bearer ${token}`).expect(200);
    });

    const bad: [string, () => string][] = [
      ['no token', () => ''],
      ['garbage', () => 'Bearer not.a.jwt'],
      [
        'an expired token',
        () =>
          `Bearer ${craftJwt({ alg: 'HS256', typ: 'JWT' }, { sub: patient.id, role: 'patient', jti: 'x', sid: 's', iat: now() - 1000, exp: now() - 10, ...CLAIMS }, JWT_SECRET)}`,
      ],
      [
        'a tampered payload',
        () => {
          const [h, , s] = patient.accessToken.split('.');
          const forged = Buffer.from(
            JSON.stringify({ ...decodeJwt(patient.accessToken).payload, role: 'doctor' }),
          ).toString('base64url');
          return `Bearer ${h}.${forged}.${s}`;
        },
      ],
      [
        'alg: none',
        () =>
          `Bearer ${craftJwt({ alg: 'none', typ: 'JWT' }, { sub: patient.id, role: 'patient', jti: 'x', sid: 's', iat: now(), exp: now() + 60, ...CLAIMS })}`,
      ],
      [
        'another algorithm (HS512) with the right secret',
        () =>
          `Bearer ${craftJwt({ alg: 'HS512', typ: 'JWT' }, { sub: patient.id, role: 'patient', jti: 'x', sid: 's', iat: now(), exp: now() + 60, ...CLAIMS }, JWT_SECRET)}`,
      ],
      [
        'a token signed with another secret',
        () =>
          `Bearer ${craftJwt({ alg: 'HS256', typ: 'JWT' }, { sub: patient.id, role: 'patient', jti: 'x', sid: 's', iat: now(), exp: now() + 60, ...CLAIMS }, 'another-secret-of-sufficient-length!!')}`,
      ],
      [
        'another audience',
        () =>
          `Bearer ${craftJwt({ alg: 'HS256', typ: 'JWT' }, { sub: patient.id, role: 'patient', jti: 'x', sid: 's', iat: now(), exp: now() + 60, iss: 'cloudvault', aud: 'cloudvault-mfa' }, JWT_SECRET)}`,
      ],
      ['a refresh token used as bearer', () => `Bearer ${patient.refreshToken}`],
    ];
    it.each(bad)('%s → 401 in the error shape', async (_label, header) => {
      const req = t.http.get('/api/me');
      const value = header();
      const res = await (value ? req.set('authorization', value) : req).expect(401);
      expect(res.body).toEqual({ statusCode: 401, error: 'Unauthorized', message: expect.any(String) });
    });
  });

  describe('refresh tokens', () => {
    it('rotates: the new pair works, the old refresh token is single-use and its reuse revokes the family', async () => {
      const first = await login(patient);
      const second = (await t.http.post('/api/auth/refresh').send({ refreshToken: first.refreshToken }).expect(200))
        .body;
      expect(second.refreshToken).not.toBe(first.refreshToken);
      expect(allKeys(second).filter((k) => CREDENTIAL_KEYS.test(k))).toEqual([]);
      expect(second.user.id).toBe(patient.id);
      await t.http.get('/api/me').set('authorization', `Bearer ${second.accessToken}`).expect(200);

      const reuse = await t.http.post('/api/auth/refresh').send({ refreshToken: first.refreshToken }).expect(401);
      expect(reuse.body).toEqual({ statusCode: 401, error: 'Unauthorized', message: expect.any(String) });
      // the whole family is revoked: the legitimately rotated token no longer works either
      await t.http.post('/api/auth/refresh').send({ refreshToken: second.refreshToken }).expect(401);

      const events = await auditEvents(t.app, {
        action: 'auth.refresh.reuse',
        actorId: new Types.ObjectId(patient.id),
      });
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({ outcome: 'denied', resourceType: 'session' });
    });

    it('two concurrent refreshes with the same token: exactly one succeeds', async () => {
      const s = await login(patient);
      const results = await Promise.all(
        [1, 2].map(() => t.http.post('/api/auth/refresh').send({ refreshToken: s.refreshToken })),
      );
      expect(results.map((r) => r.status).sort()).toEqual([200, 401]);
    });

    it('a reuse in one session leaves the other sessions alone', async () => {
      const a = await login(doctor);
      const b = await login(doctor);
      await t.http.post('/api/auth/refresh').send({ refreshToken: a.refreshToken }).expect(200);
      await t.http.post('/api/auth/refresh').send({ refreshToken: a.refreshToken }).expect(401);
      await t.http.post('/api/auth/refresh').send({ refreshToken: b.refreshToken }).expect(200);
    });

    it('stores refresh tokens only as hashes, with a TTL index on expiresAt', async () => {
      const s = await login(patient);
      const tokens = db(t.app).collection('refresh_tokens');
      expect(await tokens.countDocuments({ tokenHash: s.refreshToken })).toBe(0);
      const all = await tokens.find({ userId: new Types.ObjectId(patient.id) }).toArray();
      expect(JSON.stringify(all)).not.toContain(s.refreshToken);
      const latest = all.find((r) => !r['usedAt'] && !r['revokedAt']);
      // issue 13: a refresh token lives the idle timeout (30 minutes), its session 30 days from sign-in
      const left = (latest?.['expiresAt'] as Date).getTime() - Date.now();
      expect(left).toBeGreaterThan(29 * 60_000);
      expect(left).toBeLessThanOrEqual(30 * 60_000);
      expect((latest?.['sessionExpiresAt'] as Date).getTime() - Date.now()).toBeGreaterThan(29 * 86_400_000);
      const ttl = (await tokens.indexes()).find((i) => i.key['expiresAt'] === 1);
      expect(ttl?.expireAfterSeconds).toBe(0);
    });

    it('accepts the httpOnly cookie instead of the body', async () => {
      const agent = request.agent(t.app.getHttpServer());
      await agent.post('/api/auth/login').send({ email: patient.email, password: patient.password }).expect(200);
      const res = await agent.post('/api/auth/refresh').send({}).expect(200);
      expect(res.body.accessToken).toEqual(expect.any(String));
      const again = await agent.post('/api/auth/refresh').send({}).expect(200);
      expect(again.body.refreshToken).not.toBe(res.body.refreshToken);
    });

    it('rejects missing, unknown and malformed refresh tokens', async () => {
      await t.http.post('/api/auth/refresh').send({}).expect(401);
      await t.http.post('/api/auth/refresh').send({ refreshToken: 'unknown-token' }).expect(401);
      const bad = await t.http
        .post('/api/auth/refresh')
        .send({ refreshToken: { $ne: null } })
        .expect(400);
      expect(bad.body.details[0].field).toBe('refreshToken');
      await t.http.post('/api/auth/refresh').send({ refreshToken: 'x', extra: 1 }).expect(400);
    });
  });

  describe('logout', () => {
    // issue 13: sign-out no longer needs an access token (sessions.spec.ts covers the refresh token alone)
    it('revokes the presented refresh token and clears the cookie', async () => {
      const s = await login(patient);
      const res = await t.http
        .post('/api/auth/logout')
        .set('authorization', `Bearer ${s.accessToken}`)
        .send({ refreshToken: s.refreshToken })
        .expect(204);
      expect(([] as string[]).concat(res.headers['set-cookie'] ?? []).some((c) => /^cv_refresh=;/.test(c))).toBe(true);
      await t.http.post('/api/auth/refresh').send({ refreshToken: s.refreshToken }).expect(401);
      const events = await auditEvents(t.app, { action: 'auth.logout', actorId: new Types.ObjectId(patient.id) });
      expect(events.length).toBeGreaterThanOrEqual(1);
    });

    it('without a refresh token, ends the session of the access token', async () => {
      const s = await login(doctor);
      await t.http.post('/api/auth/logout').set('authorization', `Bearer ${s.accessToken}`).expect(204);
      await t.http.post('/api/auth/refresh').send({ refreshToken: s.refreshToken }).expect(401);
    });

    it("cannot revoke another user's refresh token", async () => {
      const victim = await login(doctor);
      const attacker = await login(patient);
      await t.http
        .post('/api/auth/logout')
        .set('authorization', `Bearer ${attacker.accessToken}`)
        .send({ refreshToken: victim.refreshToken })
        .expect(204);
      await t.http.post('/api/auth/refresh').send({ refreshToken: victim.refreshToken }).expect(200);
    });
  });

  describe('profile', () => {
    it('PATCH /api/me changes the name (and for doctors specialty and bio)', async () => {
      const res = await t.http
        .patch('/api/me')
        .set('authorization', doctor.auth)
        .send({ name: ' Dr. Gregory House ', specialty: 'Diagnostics', bio: 'Nephrology and infectious disease.' })
        .expect(200);
      expect(res.body).toMatchObject({
        id: doctor.id,
        name: 'Dr. Gregory House',
        specialty: 'Diagnostics',
        bio: 'Nephrology and infectious disease.',
      });
      expect(allKeys(res.body).filter((k) => CREDENTIAL_KEYS.test(k))).toEqual([]);
      const cleared = await t.http.patch('/api/me').set('authorization', doctor.auth).send({ bio: '' }).expect(200);
      expect(cleared.body.bio).toBeUndefined();
      const me = await t.http.get('/api/me').set('authorization', doctor.auth).expect(200);
      expect(me.body.name).toBe('Dr. Gregory House');
    });

    it('PATCH /api/me with an empty body changes nothing', async () => {
      const before = (await t.http.get('/api/me').set('authorization', patient.auth).expect(200)).body;
      const res = await t.http.patch('/api/me').set('authorization', patient.auth).send({}).expect(200);
      expect(res.body).toMatchObject({ id: patient.id, name: before.name, email: before.email });
    });

    it.each([
      ['email', { email: 'new@x.test' }],
      ['role', { role: 'doctor' }],
      ['an empty name', { name: '' }],
      ['a number name', { name: 42 }],
      ['specialty from a patient', { specialty: 'Surgery' }],
    ])('PATCH /api/me rejects %s with 400 and details, changing nothing', async (_label, body) => {
      const res = await t.http.patch('/api/me').set('authorization', patient.auth).send(body).expect(400);
      expect(res.body.details.length).toBeGreaterThan(0);
      const me = await t.http.get('/api/me').set('authorization', patient.auth).expect(200);
      expect(me.body).toMatchObject({ email: patient.email, role: 'patient', name: patient.name });
    });
  });

  describe('password change', () => {
    it('needs the current password and an acceptable new one; revokes the other sessions only', async () => {
      const user = await signUp(t.http, 'patient');
      const current = await login(user);
      const other = await login(user);
      const bearer = `Bearer ${current.accessToken}`;

      const wrong = await t.http
        .post('/api/me/password')
        .set('authorization', bearer)
        .send({ currentPassword: 'wrong password!', newPassword: 'a brand new passphrase' })
        .expect(401);
      expect(wrong.body.message).toEqual(expect.any(String));
      const weak = await t.http
        .post('/api/me/password')
        .set('authorization', bearer)
        .send({ currentPassword: user.password, newPassword: 'iloveyou12' })
        .expect(400);
      expect(weak.body.details).toEqual([{ field: 'newPassword', message: expect.stringMatching(/common/) }]);
      await t.http
        .post('/api/me/password')
        .set('authorization', bearer)
        .send({ currentPassword: user.password, newPassword: 'short' })
        .expect(400);
      await t.http.post('/api/auth/login').send({ email: user.email, password: user.password }).expect(200);

      await t.http
        .post('/api/me/password')
        .set('authorization', bearer)
        .send({ currentPassword: user.password, newPassword: 'a brand new passphrase' })
        .expect(204);
      await t.http.post('/api/auth/refresh').send({ refreshToken: other.refreshToken }).expect(401);
      await t.http.post('/api/auth/refresh').send({ refreshToken: current.refreshToken }).expect(200);
      await t.http.post('/api/auth/login').send({ email: user.email, password: user.password }).expect(401);
      await t.http.post('/api/auth/login').send({ email: user.email, password: 'a brand new passphrase' }).expect(200);

      const events = await auditEvents(t.app, { action: 'auth.password.change', actorId: new Types.ObjectId(user.id) });
      expect(events.map((e) => e.outcome)).toEqual(['failure', 'success']);
    });
  });

  it('documents every auth and profile route in OpenAPI', async () => {
    const doc = (await t.http.get('/api/docs-json').expect(200)).body;
    const routes: [string, string, string[]][] = [
      ['/api/auth/register', 'post', ['201', '400', '409', '429']],
      ['/api/auth/login', 'post', ['200', '400', '401', '429']],
      ['/api/auth/mfa', 'post', ['200', '400', '401', '429']],
      ['/api/auth/refresh', 'post', ['200', '401', '429']],
      ['/api/auth/logout', 'post', ['204', '400']],
      ['/api/me', 'get', ['200', '401']],
      ['/api/me', 'patch', ['200', '400', '401']],
      ['/api/me/password', 'post', ['204', '400', '401', '429']],
      ['/api/me/mfa/setup', 'post', ['200', '401', '409']],
      ['/api/me/mfa/enable', 'post', ['200', '400', '401', '409']],
      ['/api/me/mfa/disable', 'post', ['204', '400', '401', '403']],
    ];
    for (const [path, method, codes] of routes) {
      const op = doc.paths[path]?.[method];
      expect(op).toBeDefined();
      expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(codes));
    }
    expect(doc.components.schemas.RegisterDto.required).toEqual(
      expect.arrayContaining(['email', 'password', 'name', 'role']),
    );
  });
});
