import { EmbeddedMongoServer } from '@cloudvault/embedded-mongo';
import { consultation } from '../support/care';
import { TestRedis } from '../support/redis-server';
import { receivedBeforeMarker } from '../support/sentinel';
import { Inbox, listenOnLoopback } from '../support/sockets';
import { startTestApp, type TestApp } from '../support/test-app';
import { signUp, type TestUser } from '../support/users';

/**
 * Scale-out: two API instances on one database and one Redis (REDIS_URL) behave as one. Both are the
 * production app (createApp, as main.ts runs it), each with its own HTTP and socket.io server.
 */
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
});
