import { EmbeddedMongoServer } from '@cloudvault/embedded-mongo';
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

describe('two API instances sharing one database and one Redis', () => {
  let db: EmbeddedMongoServer;
  let redis: TestRedis;
  let a: TestApp;
  let b: TestApp;
  let baseB: string;
  let patient: TestUser;
  let doctor: TestUser;
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
    };
    a = await startTestApp(env);
    b = await startTestApp(env);
    await listenOnLoopback(a);
    baseB = await listenOnLoopback(b);
    [patient, doctor] = await Promise.all([
      signUp(a.http, 'patient', { name: 'Scale Patient' }),
      signUp(b.http, 'doctor', { name: 'Dr. Scale' }),
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
});
