import { EmbeddedMongoServer } from '@cloudvault/embedded-mongo';
import { Redis } from 'ioredis';
import { consultation } from '../support/care';
import { TestRedis } from '../support/redis-server';
import { receivedBeforeMarker } from '../support/sentinel';
import { Inbox, listenOnLoopback, openSocket, refusal } from '../support/sockets';
import { startTestApp, type TestApp } from '../support/test-app';
import { signUp, type TestUser } from '../support/users';

/**
 * Scale-out: two API instances on one database and one Redis (REDIS_URL) behave as one. Both are the
 * production app (createApp, as main.ts runs it), each with its own HTTP and socket.io server.
 */
/** Rejected auth requests one address may make per minute in this file. */
const IP_LIMIT = 4;
/** All auth requests one address may make per minute (the flood cap: 100 times the rejected-request limit). */
const FLOOD_LIMIT = IP_LIMIT * 100;
/** Password reset requests per email and hour in this file (per address: 4 times this). */
const RESET_LIMIT = 2;
/** Failed sign-ins per account and address in this file, then 429 (LOGIN_MAX_FAILURES). */
const LOGIN_FAILURES = 2;
/** AI summaries per user and hour in this file. */
const SUMMARY_LIMIT = 2;

describe('two API instances sharing one database and one Redis', () => {
  let db: EmbeddedMongoServer;
  let redis: TestRedis;
  let a: TestApp;
  let b: TestApp;
  let baseB: string;
  let patient: TestUser;
  let doctor: TestUser;
  let owner: TestUser;
  let requesters: TestUser[];
  const inboxes: Inbox[] = [];

  beforeAll(async () => {
    [db, redis] = await Promise.all([EmbeddedMongoServer.start({ port: 0, host: '127.0.0.1' }), TestRedis.start()]);
    const env = {
      MONGO_URI: `mongodb://127.0.0.1:${db.port}/cloudvault`,
      REDIS_URL: redis.url,
      JWT_SECRET: 'scale-out-access-secret-0123456789abcdef',
      JWT_REFRESH_SECRET: 'scale-out-refresh-secret-0123456789abcdef',
      // a low per-address limit of rejected sign-ins, counted over both instances
      AUTH_RATE_LIMIT_PER_MINUTE: String(IP_LIMIT),
      PASSWORD_RESET_REQUESTS_PER_HOUR: String(RESET_LIMIT),
      LOGIN_MAX_FAILURES: String(LOGIN_FAILURES),
      SUMMARY_RATE_LIMIT_PER_HOUR: String(SUMMARY_LIMIT),
    };
    a = await startTestApp(env);
    b = await startTestApp(env);
    await listenOnLoopback(a);
    baseB = await listenOnLoopback(b);
    // every account signs up now, from loopback: a test below has loopback blocked for rejected sign-ins
    [patient, doctor, owner, ...requesters] = await Promise.all([
      signUp(a.http, 'patient', { name: 'Scale Patient' }),
      signUp(b.http, 'doctor', { name: 'Dr. Scale' }),
      signUp(a.http, 'patient'),
      signUp(a.http, 'patient'),
      signUp(b.http, 'patient'),
    ]);
  });
  afterAll(async () => {
    for (const i of inboxes) i.close();
    await a?.close();
    await b?.close();
    await redis?.stop();
    await db?.stop();
    delete process.env['MONGO_URI'];
    delete process.env['REDIS_URL'];
    process.env['AUTH_RATE_LIMIT_PER_MINUTE'] = '100000';
    delete process.env['PASSWORD_RESET_REQUESTS_PER_HOUR'];
    delete process.env['LOGIN_MAX_FAILURES'];
    delete process.env['SUMMARY_RATE_LIMIT_PER_HOUR'];
  });

  it('delivers a notification caused through instance A to a socket connected to instance B', async () => {
    const [patientOnB, doctorOnB] = await Promise.all([
      Inbox.open(baseB, patient.accessToken),
      Inbox.open(baseB, doctor.accessToken),
    ]);
    inboxes.push(patientOnB, doctorOnB);
    // the request is made on A only: A stores and emits; B's socket gets it through the Redis adapter
    await consultation(a.http, patient, doctor, 'active');
    const requested = await doctorOnB.waitFor((n) => n.type === 'consultation.requested');
    expect(requested.title).toBe('New consultation request from Scale Patient');
    const accepted = await patientOnB.waitFor((n) => n.type === 'consultation.accepted');
    expect(accepted.title).toBe('Dr. Scale accepted your consultation request');
    // and only to its owner
    expect(await receivedBeforeMarker(b.app, patient.id, patientOnB)).toEqual(['consultation.accepted']);
  });

  it('refuses at once, on instance B, a session revoked through instance A', async () => {
    await b.http.get('/api/me').set('authorization', patient.auth).expect(200);
    await a.http
      .post('/api/auth/logout')
      .set('authorization', patient.auth)
      .send({ refreshToken: patient.refreshToken })
      .expect(204);
    await b.http.get('/api/me').set('authorization', patient.auth).expect(401);
    expect(await refusal(openSocket(baseB, { token: patient.accessToken }))).toBe('unauthorized');
  });

  it('counts the per-address sign-in limit over requests spread on both instances', async () => {
    const wrong = (app: TestApp, i: number) =>
      app.http.post('/api/auth/login').send({ email: `nobody${i}@example.test`, password: 'wrong password 123' });
    // each instance alone sees only half of the failures, under the limit
    for (let i = 0; i < IP_LIMIT; i++) expect((await wrong(i % 2 ? b : a, i)).status).toBe(401);
    const limited = await wrong(a, IP_LIMIT);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect((await wrong(b, IP_LIMIT + 1)).status).toBe(429);
  });

  // The tests below each come from their own client address (the app trusts X-Forwarded-For from loopback),
  // so the counters start at zero and the tests above do not spend them.
  const forgot = (app: TestApp, from: string, email: string) =>
    app.http.post('/api/auth/password/forgot').set('x-forwarded-for', from).send({ email });

  it('counts the password-reset limit per email over requests spread on both instances', async () => {
    const from = '203.0.113.21';
    for (let i = 0; i < RESET_LIMIT; i++)
      expect((await forgot(i % 2 ? b : a, from, 'spread@example.test')).status).toBe(202);
    const limited = await forgot(a, from, 'spread@example.test');
    expect(limited.status).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect((await forgot(b, from, 'spread@example.test')).status).toBe(429);
    // another email from another address is not limited
    expect((await forgot(b, '203.0.113.22', 'other@example.test')).status).toBe(202);
  });

  it('counts the password-reset limit per address over requests spread on both instances', async () => {
    const from = '203.0.113.23';
    const perAddress = RESET_LIMIT * 4;
    for (let i = 0; i < perAddress; i++)
      expect((await forgot(i % 2 ? b : a, from, `many${i}@example.test`)).status).toBe(202);
    expect((await forgot(b, from, 'one-more@example.test')).status).toBe(429);
    expect((await forgot(a, from, 'and-another@example.test')).status).toBe(429);
  });

  it('counts the flood cap on all auth requests of an address over both instances', async () => {
    const from = '203.0.113.24';
    // invalid bodies: 400, not counted as rejected sign-ins, but every one counts toward the flood cap
    const invalid = (app: TestApp) => app.http.post('/api/auth/login').set('x-forwarded-for', from).send({});
    // each instance alone sees half of them, far under the cap: only a shared count reaches it
    for (let i = 0; i < FLOOD_LIMIT; i++) {
      const res = await invalid(i % 2 ? b : a);
      expect({ request: i + 1, status: res.status }).toEqual({ request: i + 1, status: 400 });
    }
    const capped = await invalid(a);
    expect(capped.status).toBe(429);
    expect(capped.body).toMatchObject({
      statusCode: 429,
      message: 'Too many requests from this address; try again later',
    });
    expect((await invalid(b)).status).toBe(429);
    // another address is not capped
    await b.http.post('/api/auth/login').set('x-forwarded-for', '203.0.113.25').send({}).expect(400);
  }, 120_000);

  it('counts the sign-in back-off of one account from one address over both instances', async () => {
    const from = '203.0.113.26';
    const login = (app: TestApp, password: string, address = from) =>
      app.http.post('/api/auth/login').set('x-forwarded-for', address).send({ email: owner.email, password });
    // each instance alone sees one failure, under the limit
    for (let i = 0; i < LOGIN_FAILURES; i++) expect((await login(i % 2 ? b : a, `wrong guess ${i}`)).status).toBe(401);
    for (const app of [a, b]) {
      const refused = await login(app, owner.password);
      expect(refused.status).toBe(429);
      expect(refused.body.message).toMatch(/for this account/);
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    }
    // the owner, from their own address, still signs in
    expect((await login(b, owner.password, '203.0.113.27')).status).toBe(200);

    // in Redis: hashed keys and random entry ids, neither the email nor the address; gone with their window
    const raw = new Redis(redis.url);
    try {
      const keys = await raw.keys('cv:sw:login:*');
      expect(keys.length).toBeGreaterThanOrEqual(2);
      const stored = JSON.stringify([keys, await Promise.all(keys.map((k) => raw.zrange(k, 0, -1)))]);
      for (const secret of [owner.email, from, owner.email.split('@')[0]]) expect(stored).not.toContain(secret);
      for (const k of keys) {
        const ttl = await raw.pttl(k);
        expect(ttl).toBeGreaterThan(0);
        expect(ttl).toBeLessThanOrEqual(15 * 60_000);
      }
    } finally {
      raw.disconnect();
    }
  });

  it('counts the hourly summary limit of one user over both instances, parallel requests included', async () => {
    const [one, two] = requesters;
    const summarize = (app: TestApp, user: TestUser) =>
      app.http.post('/api/summaries').set('authorization', user.auth).send({});
    for (let i = 0; i < SUMMARY_LIMIT; i++) expect((await summarize(i % 2 ? b : a, one)).status).toBe(201);
    for (const app of [a, b]) {
      const limited = await summarize(app, one);
      expect(limited.status).toBe(429);
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(3000);
    }
    // a burst spread over both instances: exactly the allowance goes ahead
    const burst = await Promise.all(Array.from({ length: 6 }, (_, i) => summarize(i % 2 ? b : a, two)));
    const statuses = burst.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(SUMMARY_LIMIT);
    expect(statuses.filter((s) => s === 429)).toHaveLength(6 - SUMMARY_LIMIT);
  });
});
