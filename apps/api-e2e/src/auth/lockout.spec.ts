import { startTestApp, type TestApp } from '../support/test-app';
import { signUp, type TestUser } from '../support/users';

// The app trusts X-Forwarded-For from loopback only (`trust proxy: loopback`): the test client is on loopback,
// so the header stands for the client address as a reverse proxy would report it.
const ATTACKER = '203.0.113.66';
const OWNER = '198.51.100.7';

describe('sign-in limits per (account, address) pair, per-account slow-down, per-address refusals', () => {
  let t: TestApp;
  let owner: TestUser;
  beforeAll(async () => {
    t = await startTestApp({ LOGIN_MAX_FAILURES: '3', LOGIN_SLOWDOWN_MAX_MS: '20', AUTH_RATE_LIMIT_PER_MINUTE: '12' });
    owner = await signUp(t.http, 'doctor');
  });
  afterAll(() => t.close());

  const login = (from: string, password: string) =>
    t.http.post('/api/auth/login').set('x-forwarded-for', from).send({ email: owner.email, password });

  it('an attacker address failing continuously does not stop the owner signing in from another address', async () => {
    const answers: number[] = [];
    for (let i = 0; i < 15; i++) {
      answers.push((await login(ATTACKER, `guess ${i}`)).status);
      if (i % 5 === 4) await login(OWNER, owner.password).expect(200);
    }
    // the attacker: 3 wrong passwords, then refused for this account
    expect(answers.slice(0, 3)).toEqual([401, 401, 401]);
    expect(answers.slice(3).every((s) => s === 429)).toBe(true);
    // even the right password from the attacker's address is refused; the owner's address still works
    await login(ATTACKER, owner.password).expect(429);
    await login(OWNER, owner.password).expect(200);
  });

  it("refused attempts count against the attacker's address: it ends up blocked on every auth route", async () => {
    const res = await t.http
      .post('/api/auth/login')
      .set('x-forwarded-for', ATTACKER)
      .send({ email: 'someone-else@limits.test', password: 'whatever it is' })
      .expect(429);
    expect(res.body.message).toMatch(/from this address/);
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    await t.http.post('/api/auth/refresh').set('x-forwarded-for', ATTACKER).send({}).expect(429);
    await login(OWNER, owner.password).expect(200);
  });
});

describe('sign-ups per address (REGISTRATION_LIMIT_PER_HOUR=2)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ REGISTRATION_LIMIT_PER_HOUR: '2' });
  });
  afterAll(() => t.close());

  let n = 0;
  const register = (from: string, password = 'long enough passphrase') =>
    t.http
      .post('/api/auth/register')
      .set('x-forwarded-for', from)
      .send({ email: `signup${++n}@limits.test`, password, name: 'New', role: 'patient' });

  it('counts successful sign-ups only, then answers 429 with Retry-After; other addresses are unaffected', async () => {
    await register('192.0.2.10', 'short').expect(400);
    await register('192.0.2.10').expect(201);
    await register('192.0.2.10').expect(201);
    const res = await register('192.0.2.10').expect(429);
    expect(res.body).toEqual({ statusCode: 429, error: 'Too Many Requests', message: expect.any(String) });
    const retryAfter = Number(res.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(3500);
    expect(retryAfter).toBeLessThanOrEqual(3600);
    await register('192.0.2.11').expect(201);
  });
});
