import { EmbeddedMongoServer } from '@cloudvault/embedded-mongo';
import { MongoClient } from 'mongodb';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestApp, type TestApp } from '../support/test-app';
import { signUp, type TestUser } from '../support/users';

/** A request that has not answered in this long counts as hung (the app must fail fast instead). */
const HANG_MS = 10_000;

interface Outcome {
  status: number;
  marker: string;
  phase: 'before' | 'during' | 'after';
}

/**
 * The database (a real embedded MongoDB-compatible server on disk, reached through MONGO_URI) is stopped in
 * the middle of a write load and started again on the same port and data directory. Requests must fail fast
 * with 503 (no hang, no crash), /api/health must name the database, service must resume by itself, and every
 * write that was acknowledged with a 201 must be there afterwards.
 */
describe('faults: the database stops in the middle of a load', () => {
  const dbPath = mkdtempSync(join(tmpdir(), 'cloudvault-fault-db-'));
  let db: EmbeddedMongoServer;
  let port: number;
  let t: TestApp;
  let patients: TestUser[];
  let phase: Outcome['phase'] = 'before';
  let seq = 0;
  const outcomes: Outcome[] = [];
  let stop = false;
  let running: Promise<unknown> = Promise.resolve();

  const write = async (p: TestUser) => {
    const marker = `outage-${seq++}`;
    const res = await t.http
      .post('/api/vitals')
      .set('authorization', p.auth)
      .timeout(HANG_MS)
      .send({ type: 'heart_rate', value: 60 + (seq % 40), note: marker });
    outcomes.push({ status: res.status, marker, phase });
    if (res.status !== 201)
      expect(res.body).toEqual({ statusCode: 503, error: 'Service Unavailable', message: expect.any(String) });
  };
  /** `workers` clients writing in a loop until `until()` says stop. */
  const load = (workers: number, until: () => boolean) =>
    Promise.all(
      Array.from({ length: workers }, async (_, w) => {
        while (!until()) await write(patients[w % patients.length] as TestUser);
      }),
    );

  beforeAll(async () => {
    db = await EmbeddedMongoServer.start({ port: 0, host: '127.0.0.1', dbPath });
    port = db.port;
    t = await startTestApp({ MONGO_URI: `mongodb://127.0.0.1:${port}/cloudvault` });
    patients = await Promise.all([signUp(t.http, 'patient'), signUp(t.http, 'patient')]);
  });
  afterAll(async () => {
    stop = true; // also when an assertion failed mid-load
    await running.catch(() => undefined);
    await t?.close();
    await db?.stop();
    rmSync(dbPath, { recursive: true, force: true });
  });

  it('answers 503 fast while the database is down, reports it, resumes by itself, and keeps every acknowledged write', async () => {
    running = load(4, () => stop);

    // some writes succeed, then the database goes away under the load
    while (outcomes.filter((o) => o.status === 201).length < 20) await new Promise((r) => setTimeout(r, 20));
    phase = 'during';
    await db.stop();

    const health = await t.http.get('/api/health').timeout(HANG_MS);
    expect(health.status).toBe(503);
    expect(health.body).toMatchObject({
      statusCode: 503,
      error: 'Service Unavailable',
      message: 'Unavailable: database',
      status: 'error',
      checks: { database: { status: 'down' } },
    });
    // reads fail the same way, in the error shape, without internals
    const read = await t.http
      .get('/api/vitals')
      .set('authorization', (patients[0] as TestUser).auth)
      .timeout(HANG_MS);
    expect(read.status).toBe(503);
    expect(JSON.stringify(read.body)).not.toMatch(/Mongo|ECONNREFUSED|127\.0\.0\.1|at \w+ \(/);
    while (outcomes.filter((o) => o.phase === 'during' && o.status === 503).length < 8)
      await new Promise((r) => setTimeout(r, 50));

    // back on the same port and data directory: the app reconnects without help
    db = await EmbeddedMongoServer.start({ port, host: '127.0.0.1', dbPath });
    phase = 'after';
    const deadline = Date.now() + 30_000;
    while ((await t.http.get('/api/health')).status !== 200 && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 250));
    await t.http.get('/api/health').expect(200);
    while (outcomes.filter((o) => o.phase === 'after' && o.status === 201).length < 20 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
    }
    stop = true;
    await running;

    // only 201 or 503 ever; 503 only while the database was (or had just been) away; success again after
    expect([...new Set(outcomes.map((o) => o.status))].sort()).toEqual([201, 503]);
    expect(outcomes.filter((o) => o.phase === 'before' && o.status !== 201)).toEqual([]);
    expect(
      outcomes
        .filter((o) => o.phase === 'after')
        .slice(-10)
        .every((o) => o.status === 201),
    ).toBe(true);

    // every acknowledged write is stored exactly once, read straight from the database
    const acknowledged = outcomes.filter((o) => o.status === 201).map((o) => o.marker);
    const client = await MongoClient.connect(`mongodb://127.0.0.1:${port}`);
    try {
      const stored = await client
        .db('cloudvault')
        .collection('vitals')
        .find({}, { projection: { note: 1 } })
        .toArray();
      const notes = stored.map((d) => String(d['note']));
      expect(acknowledged.filter((m) => !notes.includes(m))).toEqual([]);
      expect(notes.length).toBe(new Set(notes).size);
    } finally {
      await client.close();
    }
  }, 120_000);
});
