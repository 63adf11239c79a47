import { Types } from 'mongoose';
import { startTestApp, type TestApp } from '../support/test-app';
import { signUp, type TestUser } from '../support/users';
import { allKeys, CREDENTIAL_KEYS, totpCode, wrongTotpCode } from '../support/credentials';
import { auditEvents, db } from '../support/database';

describe('auth: two-factor sign-in (TOTP)', () => {
  let t: TestApp;
  let user: TestUser;
  let secret: string;
  let recoveryCodes: string[];
  let enableCode: string;
  const challenge = async (): Promise<string> => {
    const res = await t.http.post('/api/auth/login').send({ email: user.email, password: user.password }).expect(200);
    expect(res.body).toEqual({ mfaRequired: true, mfaToken: expect.any(String) });
    expect(res.headers['set-cookie']).toBeUndefined();
    return res.body.mfaToken;
  };

  beforeAll(async () => {
    t = await startTestApp();
    user = await signUp(t.http, 'patient');
  });
  afterAll(() => t.close());

  it('set-up answers a secret and an otpauth URL, not yet active', async () => {
    const res = await t.http.post('/api/me/mfa/setup').set('authorization', user.auth).expect(200);
    expect(res.body).toEqual({
      secret: expect.stringMatching(/^[A-Z2-7]{32}$/),
      otpauthUrl: expect.stringMatching(/^otpauth:\/\/totp\//),
    });
    const url = new URL(res.body.otpauthUrl);
    expect(url.searchParams.get('secret')).toBe(res.body.secret);
    expect(url.searchParams.get('issuer')).toBe('CloudVault');
    expect(decodeURIComponent(url.pathname)).toContain(user.email);
    secret = res.body.secret;
    const me = await t.http.get('/api/me').set('authorization', user.auth).expect(200);
    expect(me.body.mfaEnabled).toBe(false);
    await t.http.post('/api/auth/login').send({ email: user.email, password: user.password }).expect(200);
  });

  it('enabling needs a valid code; answers ten distinct recovery codes', async () => {
    const wrong = await t.http
      .post('/api/me/mfa/enable')
      .set('authorization', user.auth)
      .send({ code: wrongTotpCode(secret) })
      .expect(401);
    expect(wrong.body).toEqual({ statusCode: 401, error: 'Unauthorized', message: expect.any(String) });
    const bad = await t.http
      .post('/api/me/mfa/enable')
      .set('authorization', user.auth)
      .send({ code: '12ab56' })
      .expect(400);
    expect(bad.body.details[0].field).toBe('code');

    enableCode = totpCode(secret);
    const res = await t.http
      .post('/api/me/mfa/enable')
      .set('authorization', user.auth)
      .send({ code: enableCode })
      .expect(200);
    recoveryCodes = res.body.recoveryCodes;
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    for (const c of recoveryCodes) expect(c).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/);
    const me = await t.http.get('/api/me').set('authorization', user.auth).expect(200);
    expect(me.body.mfaEnabled).toBe(true);
    expect(allKeys(me.body).filter((k) => CREDENTIAL_KEYS.test(k))).toEqual([]);
    await t.http.post('/api/me/mfa/setup').set('authorization', user.auth).expect(409);
    await t.http
      .post('/api/me/mfa/enable')
      .set('authorization', user.auth)
      .send({ code: totpCode(secret, 1) })
      .expect(409);
  });

  it('keeps the secret encrypted and the recovery codes hashed at rest', async () => {
    const stored = await db(t.app)
      .collection('users')
      .findOne({ _id: new Types.ObjectId(user.id) });
    const mfa = stored?.['mfa'] as { enabled: boolean; secret: string; recoveryCodes: string[] };
    expect(mfa.enabled).toBe(true);
    expect(mfa.secret).toMatch(/^v1\./);
    expect(JSON.stringify(stored)).not.toContain(secret);
    expect(mfa.recoveryCodes).toHaveLength(10);
    for (const c of recoveryCodes) expect(JSON.stringify(stored)).not.toContain(c);
  });

  it('login now answers a challenge; the code used to enable cannot be replayed', async () => {
    const mfaToken = await challenge();
    const replay = await t.http.post('/api/auth/mfa').send({ mfaToken, code: enableCode }).expect(401);
    expect(replay.body).toEqual({ statusCode: 401, error: 'Unauthorized', message: 'Invalid two-factor code' });
  });

  it('a wrong code is 401; the challenge token is no access token', async () => {
    const mfaToken = await challenge();
    await t.http
      .post('/api/auth/mfa')
      .send({ mfaToken, code: wrongTotpCode(secret) })
      .expect(401);
    await t.http.get('/api/me').set('authorization', `Bearer ${mfaToken}`).expect(401);
    await t.http
      .post('/api/auth/mfa')
      .send({ mfaToken: user.accessToken, code: totpCode(secret, 1) })
      .expect(401);
    await t.http
      .post('/api/auth/mfa')
      .send({ mfaToken: 'garbage', code: totpCode(secret, 1) })
      .expect(401);
    const invalid = await t.http.post('/api/auth/mfa').send({ mfaToken, code: 42 }).expect(400);
    expect(invalid.body.details[0].field).toBe('code');
  });

  it('a fresh code completes the sign-in once; the same code again is 401', async () => {
    const code = totpCode(secret, 1);
    const res = await t.http
      .post('/api/auth/mfa')
      .send({ mfaToken: await challenge(), code })
      .expect(200);
    expect(res.body).toMatchObject({
      accessToken: expect.any(String),
      refreshToken: expect.any(String),
      expiresIn: 900,
      user: { id: user.id, mfaEnabled: true },
    });
    expect(([] as string[]).concat(res.headers['set-cookie'] ?? []).some((c) => c.startsWith('cv_refresh='))).toBe(
      true,
    );
    await t.http.get('/api/me').set('authorization', `Bearer ${res.body.accessToken}`).expect(200);
    await t.http
      .post('/api/auth/mfa')
      .send({ mfaToken: await challenge(), code })
      .expect(401);
  });

  it('a recovery code works once (in any case, with or without the dash)', async () => {
    const [code] = recoveryCodes;
    await t.http
      .post('/api/auth/mfa')
      .send({ mfaToken: await challenge(), code: code.toUpperCase() })
      .expect(200);
    await t.http
      .post('/api/auth/mfa')
      .send({ mfaToken: await challenge(), code })
      .expect(401);
    await t.http
      .post('/api/auth/mfa')
      .send({ mfaToken: await challenge(), code: code.replace('-', '') })
      .expect(401);
    const stored = await db(t.app)
      .collection('users')
      .findOne({ _id: new Types.ObjectId(user.id) });
    expect((stored?.['mfa'] as { recoveryCodes: string[] }).recoveryCodes).toHaveLength(9);
  });

  it('a challenge token completes one sign-in only; the refused second use costs no code', async () => {
    const mfaToken = await challenge();
    const [, , , fourth, fifth] = recoveryCodes;
    await t.http.post('/api/auth/mfa').send({ mfaToken, code: fourth }).expect(200);
    const again = await t.http.post('/api/auth/mfa').send({ mfaToken, code: fifth }).expect(401);
    expect(again.body).toEqual({
      statusCode: 401,
      error: 'Unauthorized',
      message: expect.stringMatching(/sign in again/),
    });
    await t.http
      .post('/api/auth/mfa')
      .send({ mfaToken: await challenge(), code: fifth })
      .expect(200);
  });

  it('disabling needs the password and a code', async () => {
    const [, second, third] = recoveryCodes;
    await t.http
      .post('/api/me/mfa/disable')
      .set('authorization', user.auth)
      .send({ password: 'wrong password!', code: second })
      .expect(401);
    await t.http
      .post('/api/me/mfa/disable')
      .set('authorization', user.auth)
      .send({ password: user.password, code: wrongTotpCode(secret) })
      .expect(401);
    await t.http
      .post('/api/me/mfa/disable')
      .set('authorization', user.auth)
      .send({ password: user.password })
      .expect(400);
    await t.http
      .post('/api/me/mfa/disable')
      .set('authorization', user.auth)
      .send({ password: user.password, code: third })
      .expect(204);
    const me = await t.http.get('/api/me').set('authorization', user.auth).expect(200);
    expect(me.body.mfaEnabled).toBe(false);
    const res = await t.http.post('/api/auth/login').send({ email: user.email, password: user.password }).expect(200);
    expect(res.body.accessToken).toEqual(expect.any(String));
    await t.http
      .post('/api/me/mfa/disable')
      .set('authorization', user.auth)
      .send({ password: user.password, code: second })
      .expect(409);
  });

  it('records every two-factor change and second-step outcome', async () => {
    const events = await auditEvents(t.app, { actorId: new Types.ObjectId(user.id), action: { $regex: /^auth\.mfa/ } });
    const seen = events.map((e) => `${e.action}:${e.outcome}`);
    expect(seen).toEqual(
      expect.arrayContaining([
        'auth.mfa.setup:success',
        'auth.mfa.enable:failure',
        'auth.mfa.enable:success',
        'auth.mfa:failure',
        'auth.mfa.recovery_code:success',
        'auth.mfa.disable:failure',
        'auth.mfa.disable:success',
      ]),
    );
  });
});
