import { randomBytes } from 'node:crypto';
import { EmbeddedMongoServer } from '@cloudvault/embedded-mongo';
import { totpCode } from '../support/credentials';
import { resetTokenOf, startSmtpSink, type SmtpSink } from '../support/smtp-sink';
import { startTestApp, type TestApp } from '../support/test-app';
import { signUp } from '../support/users';

const secret = () => randomBytes(32).toString('hex');
const OLD = { jwt: secret(), refresh: secret(), file: secret() };
const NEW = { jwt: secret(), refresh: secret(), file: secret() };
const CONTENT = Buffer.from('%PDF-1.4\n% rotated key test\n%%EOF\n');

let db: EmbeddedMongoServer;
let smtp: SmtpSink;
let t: TestApp | undefined;

/** An app on the shared database and data directory, configured with `env` (the variables of one deploy). */
async function deploy(env: Record<string, string>): Promise<TestApp> {
  await t?.close();
  for (const k of ['JWT_SECRET_PREVIOUS', 'JWT_REFRESH_SECRET_PREVIOUS', 'FILE_ENCRYPTION_KEYS_PREVIOUS'])
    delete process.env[k];
  t = await startTestApp({ MONGO_URI: `${db.uri}/rotation`, ...env });
  return t;
}

beforeAll(async () => {
  db = await EmbeddedMongoServer.start({ port: 0, inMemory: true });
  smtp = await startSmtpSink();
  process.env['SMTP_URL'] = smtp.url;
});
afterAll(async () => {
  await t?.close();
  await db.stop();
  await smtp.close();
  delete process.env['SMTP_URL'];
});

describe('key rotation without downtime (old keys accepted for reading during the window)', () => {
  it('keeps sessions and files readable across a JWT and FILE_ENCRYPTION_KEY rotation, then drops the old keys', async () => {
    const before = await deploy({
      JWT_SECRET: OLD.jwt,
      JWT_REFRESH_SECRET: OLD.refresh,
      FILE_ENCRYPTION_KEY: OLD.file,
    });
    const user = await signUp(before.http, 'patient');
    const upload = await before.http
      .post('/api/files')
      .set('authorization', user.auth)
      .attach('file', CONTENT, { filename: 'report.pdf', contentType: 'application/pdf' })
      .expect(201);
    const fileId = (upload.body as { id: string }).id;

    // the window: new keys, the old ones still accepted for reading
    const during = await deploy({
      JWT_SECRET: NEW.jwt,
      JWT_SECRET_PREVIOUS: OLD.jwt,
      JWT_REFRESH_SECRET: NEW.refresh,
      JWT_REFRESH_SECRET_PREVIOUS: OLD.refresh,
      FILE_ENCRYPTION_KEY: NEW.file,
      FILE_ENCRYPTION_KEYS_PREVIOUS: OLD.file,
    });
    await during.http.get('/api/files').set('authorization', user.auth).expect(200);
    const old = await during.http.get(`/api/files/${fileId}/content`).set('authorization', user.auth).expect(200);
    expect(Buffer.from(old.body as Buffer)).toEqual(CONTENT);
    const refreshed = await during.http.post('/api/auth/refresh').send({ refreshToken: user.refreshToken }).expect(200);
    const fresh = refreshed.body as { accessToken: string; refreshToken: string };
    const newUpload = await during.http
      .post('/api/files')
      .set('authorization', `Bearer ${fresh.accessToken}`)
      .attach('file', CONTENT, { filename: 'new.pdf', contentType: 'application/pdf' })
      .expect(201);

    // after the window: only the new keys; tokens and objects made under them still work, old tokens do not
    const after = await deploy({ JWT_SECRET: NEW.jwt, JWT_REFRESH_SECRET: NEW.refresh, FILE_ENCRYPTION_KEY: NEW.file });
    await after.http.get('/api/files').set('authorization', user.auth).expect(401);
    await after.http.get('/api/files').set('authorization', `Bearer ${fresh.accessToken}`).expect(200);
    const newId = (newUpload.body as { id: string }).id;
    const got = await after.http
      .get(`/api/files/${newId}/content`)
      .set('authorization', `Bearer ${fresh.accessToken}`)
      .expect(200);
    expect(Buffer.from(got.body as Buffer)).toEqual(CONTENT);
    await after.http.post('/api/auth/refresh').send({ refreshToken: fresh.refreshToken }).expect(200);
  });

  it('keeps two-factor secrets, recovery codes and reset links made under the old FILE_ENCRYPTION_KEY working', async () => {
    const keys = { JWT_SECRET: NEW.jwt, JWT_REFRESH_SECRET: NEW.refresh };
    const before = await deploy({ ...keys, FILE_ENCRYPTION_KEY: OLD.file });
    const user = await signUp(before.http, 'patient');
    const setup = await before.http.post('/api/me/mfa/setup').set('authorization', user.auth).expect(200);
    const { secret } = setup.body as { secret: string };
    const enabled = await before.http
      .post('/api/me/mfa/enable')
      .set('authorization', user.auth)
      .send({ code: totpCode(secret) })
      .expect(200);
    const [recoveryCode] = (enabled.body as { recoveryCodes: string[] }).recoveryCodes;
    await before.http.post('/api/auth/password/forgot').send({ email: user.email }).expect(202);
    const resetToken = resetTokenOf((await smtp.waitFor(user.email))[0]);

    const during = await deploy({ ...keys, FILE_ENCRYPTION_KEY: NEW.file, FILE_ENCRYPTION_KEYS_PREVIOUS: OLD.file });
    const challenge = async (password: string) => {
      const res = await during.http.post('/api/auth/login').send({ email: user.email, password }).expect(200);
      return (res.body as { mfaToken: string }).mfaToken;
    };
    await during.http
      .post('/api/auth/mfa')
      .send({ mfaToken: await challenge(user.password), code: totpCode(secret, 1) })
      .expect(200);
    await during.http
      .post('/api/auth/mfa')
      .send({ mfaToken: await challenge(user.password), code: recoveryCode })
      .expect(200);
    const newPassword = 'rotated keys passphrase 31';
    await during.http.post('/api/auth/password/reset').send({ token: resetToken, newPassword }).expect(204);
    expect(await challenge(newPassword)).toEqual(expect.any(String));
  });
});
