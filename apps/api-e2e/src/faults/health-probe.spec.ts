import { EmbeddedMongoServer } from '@cloudvault/embedded-mongo';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * /api/health asks the database itself: stopped while nothing else talks to it (so the driver has not yet
 * noticed and the connection still reads "connected"), the very next probe reports it down; started again on
 * the same port, the probe reports it up without any other request having reconnected first.
 */
describe('faults: the health probe pings the database', () => {
  let db: EmbeddedMongoServer;
  let t: TestApp;

  beforeAll(async () => {
    db = await EmbeddedMongoServer.start({ port: 0, host: '127.0.0.1', inMemory: true });
    t = await startTestApp({ MONGO_URI: `mongodb://127.0.0.1:${db.port}/cloudvault` });
  });
  afterAll(async () => {
    await t?.close();
    await db?.stop();
  });

  it('answers 503 naming the database as soon as it stops, and 200 once it is back', async () => {
    expect((await t.http.get('/api/health')).status).toBe(200);
    const port = db.port;
    await db.stop();

    const down = await t.http.get('/api/health').timeout(10_000);
    expect(down.status).toBe(503);
    expect(down.body).toMatchObject({ message: 'Unavailable: database', checks: { database: { status: 'down' } } });

    db = await EmbeddedMongoServer.start({ port, host: '127.0.0.1', inMemory: true });
    const deadline = Date.now() + 20_000;
    let status = 0;
    while (status !== 200 && Date.now() < deadline) {
      status = (await t.http.get('/api/health')).status;
      if (status !== 200) await new Promise((r) => setTimeout(r, 100));
    }
    expect(status).toBe(200);
  });
});
