import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { PasswordResetService } from '../../../api/src/modules/auth/password-reset.service';
import { startTestApp, type TestApp } from '../support/test-app';
import { signUp } from '../support/users';

describe('password reset: limits and the outbox transport (no SMTP_URL)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ PASSWORD_RESET_REQUESTS_PER_HOUR: '3' });
  });
  afterAll(async () => {
    await t.close();
    delete process.env['PASSWORD_RESET_REQUESTS_PER_HOUR'];
  });
  const forgot = (email: string) => t.http.post('/api/auth/password/forgot').send({ email });

  it('writes the email as a 0600 .eml file in a 0700 DATA_DIR/outbox', async () => {
    const user = await signUp(t.http, 'patient');
    await forgot(user.email).expect(202);
    await t.app.get(PasswordResetService).settled();
    const dir = join(process.env['DATA_DIR'] as string, 'outbox');
    const files = readdirSync(dir).filter((f) => f.endsWith('.eml'));
    expect(files).toHaveLength(1);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(statSync(join(dir, files[0])).mode & 0o777).toBe(0o600);
  });

  it('limits requests per email (known or not alike) with 429 and Retry-After', async () => {
    for (const email of ['limited@example.test', (await signUp(t.http, 'patient')).email]) {
      for (let i = 0; i < 3; i += 1) await forgot(email).expect(202);
      const res = await forgot(email).expect(429);
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    }
  });

  it('limits requests per client address across emails', async () => {
    // 3 per email and 12 per address: 2 of the limit were used by the email test above, 1 by the outbox test
    let status = 202;
    for (let i = 0; i < 12 && status === 202; i += 1) status = (await forgot(`many${i}@example.test`)).status;
    expect(status).toBe(429);
  });
});
