import { totpCode } from '../support/credentials';
import { db } from '../support/database';
import { resetTokenOf, startSmtpSink, type SmtpSink } from '../support/smtp-sink';
import { startTestApp, type TestApp } from '../support/test-app';
import { signUp, type TestUser } from '../support/users';

const NEW_PASSWORD = 'a brand new passphrase 42';

describe('password reset by email (real SMTP on loopback)', () => {
  let smtp: SmtpSink;
  let t: TestApp;

  beforeAll(async () => {
    smtp = await startSmtpSink();
    t = await startTestApp({
      SMTP_URL: smtp.url,
      MAIL_FROM: 'CloudVault <no-reply@cloudvault.test>',
      PUBLIC_URL: 'https://vault.example.test',
      PASSWORD_RESET_REQUESTS_PER_HOUR: '1000',
    });
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
    for (const k of ['SMTP_URL', 'MAIL_FROM', 'PUBLIC_URL', 'PASSWORD_RESET_REQUESTS_PER_HOUR']) delete process.env[k];
  });

  const forgot = (email: string) => t.http.post('/api/auth/password/forgot').send({ email });
  const reset = (token: string, newPassword = NEW_PASSWORD) =>
    t.http.post('/api/auth/password/reset').send({ token, newPassword });
  const login = (email: string, password: string) => t.http.post('/api/auth/login').send({ email, password });

  async function linkFor(user: TestUser, nth = 1): Promise<string> {
    await forgot(user.email).expect(202);
    const mails = await smtp.waitFor(user.email, nth);
    return resetTokenOf(mails[nth - 1]);
  }

  it('emails a one-time link that sets a new password, signs out every session and confirms by email', async () => {
    const user = await signUp(t.http, 'patient');
    const second = (await login(user.email, user.password).expect(200)).body as { refreshToken: string };

    const res = await forgot(user.email).expect(202);
    expect(res.body).toEqual({ message: expect.any(String) });
    const [mail] = await smtp.waitFor(user.email);
    expect(mail.from?.text).toContain('no-reply@cloudvault.test');
    expect(mail.subject).toContain('CloudVault');
    expect(mail.text).toContain(user.name);
    expect(mail.html).toContain('CloudVault');
    expect(mail.text).toMatch(/https:\/\/vault\.example\.test\/reset-password\?token=[A-Za-z0-9_-]{43}\b/);
    const token = resetTokenOf(mail);
    // only a keyed hash of the token is stored
    const stored = await db(t.app).collection('password_reset_tokens').find({}).toArray();
    expect(JSON.stringify(stored)).not.toContain(token);

    await reset(token).expect(204);
    // every session revoked: both refresh tokens fail
    for (const refreshToken of [user.refreshToken, second.refreshToken])
      await t.http.post('/api/auth/refresh').send({ refreshToken }).expect(401);
    await login(user.email, user.password).expect(401);
    await login(user.email, NEW_PASSWORD).expect(200);
    const [, confirmation] = await smtp.waitFor(user.email, 2);
    expect(confirmation.subject).toMatch(/password was changed/i);
    expect(confirmation.text).not.toContain('token=');
  });

  it('refuses a used token, an expired token and a weak password (the token then still works)', async () => {
    const user = await signUp(t.http, 'patient');
    const token = await linkFor(user);
    const weak = await reset(token, 'password123').expect(400);
    expect(weak.body.details).toEqual([{ field: 'newPassword', message: expect.stringMatching(/common/) }]);
    await reset(token).expect(204);
    const reused = await reset(token, 'yet another passphrase 7').expect(400);
    expect(reused.body).toEqual({ statusCode: 400, error: 'Bad Request', message: expect.stringMatching(/used/) });
    await login(user.email, NEW_PASSWORD).expect(200);

    const expiring = await linkFor(user, 3); // 1: link, 2: confirmation, 3: the second link
    // 31 minutes later: moved through the stored expiry, as the clock would
    await db(t.app)
      .collection('password_reset_tokens')
      .updateMany({ usedAt: null }, { $set: { expiresAt: new Date(Date.now() - 60_000) } });
    await reset(expiring, 'yet another passphrase 7').expect(400);
    await login(user.email, NEW_PASSWORD).expect(200);
    await reset('A'.repeat(43)).expect(400);
  });

  it('keeps two-factor on: the next sign-in after a reset still asks for the code', async () => {
    const user = await signUp(t.http, 'patient');
    const { secret } = (await t.http.post('/api/me/mfa/setup').set('authorization', user.auth).expect(200)).body as {
      secret: string;
    };
    await t.http
      .post('/api/me/mfa/enable')
      .set('authorization', user.auth)
      .send({ code: totpCode(secret) })
      .expect(200);
    await reset(await linkFor(user)).expect(204);
    const signIn = await login(user.email, NEW_PASSWORD).expect(200);
    expect(signIn.body).toEqual({ mfaRequired: true, mfaToken: expect.any(String) });
  });

  it('validates the bodies', async () => {
    await t.http.post('/api/auth/password/forgot').send({}).expect(400);
    await t.http.post('/api/auth/password/forgot').send({ email: 'x@y.z', extra: 1 }).expect(400);
    await t.http.post('/api/auth/password/reset').send({ token: 'short', newPassword: NEW_PASSWORD }).expect(400);
    await t.http
      .post('/api/auth/password/reset')
      .send({ token: 'A'.repeat(43) })
      .expect(400);
  });
});
