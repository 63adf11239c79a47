import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { MongoClient } from 'mongodb';
import { EmbeddedMongoServer } from '../server';

const WORKSPACE = path.resolve(__dirname, '../../../..');
const CLI = path.join('libs', 'embedded-mongo', 'src', 'cli.ts');

const dirs: string[] = [];
function tmpDir(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'em-dur-'));
  dirs.push(d);
  return d;
}
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

/** Starts the CLI in a child process; resolves with its URI once it prints it. */
function spawnServer(dbPath: string): Promise<{ child: ChildProcess; uri: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-r', '@swc-node/register', CLI, '--dbpath', dbPath, '--port', '0'], {
      cwd: WORKSPACE,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`server did not start: ${err}`)), 30_000);
    child.stdout?.on('data', (d) => {
      out += String(d);
      const line = out.split('\n').find((l) => l.startsWith('mongodb://'));
      if (line) {
        clearTimeout(timer);
        resolve({ child, uri: line.trim() });
      }
    });
    child.stderr?.on('data', (d) => (err += String(d)));
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}: ${err}`));
    });
  });
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((r) =>
    child.exitCode !== null || child.signalCode !== null ? r() : child.once('exit', () => r()),
  );
}

describe('durability', () => {
  it('keeps every acknowledged write after kill -9 mid-stream, with no half-applied batch', async () => {
    const dir = tmpDir();
    const first = await spawnServer(dir);
    // a second process cannot open the same directory while the first holds it
    await expect(EmbeddedMongoServer.start({ dbPath: dir })).rejects.toThrow(
      /in use by another embedded-mongo process \(pid \d+/,
    );
    const client = await MongoClient.connect(`${first.uri}/crash`, {
      serverSelectionTimeoutMS: 5000,
      socketTimeoutMS: 5000,
    });
    const coll = client.db('crash').collection<{ _id: number; batch: number; i: number; payload: string }>('events');
    await coll.createIndex({ batch: 1, i: 1 }, { unique: true });
    const acked = new Set<number>();
    let ackedIncs = 0;
    let attemptedIncs = 0;
    let stop = false;
    const streams = Array.from({ length: 4 }, async (_, s) => {
      for (let b = 0; !stop; b++) {
        const batch = s * 100_000 + b;
        const docs = Array.from({ length: 10 }, (_, i) => ({
          _id: batch * 10 + i,
          batch,
          i,
          payload: `p-${batch}-${i}-${'x'.repeat(200)}`,
        }));
        try {
          await coll.insertMany(docs);
          docs.forEach((d) => acked.add(d._id));
          attemptedIncs++;
          await client
            .db('crash')
            .collection<{ _id: string; n: number }>('counter')
            .updateOne({ _id: 'c' }, { $inc: { n: 1 } }, { upsert: true });
          ackedIncs++;
        } catch {
          return; // the server was killed
        }
      }
    });
    while (acked.size < 1000) await new Promise((r) => setTimeout(r, 20));
    first.child.kill('SIGKILL');
    stop = true;
    await Promise.all(streams);
    await exited(first.child);
    await client.close(true).catch(() => undefined);

    const second = await spawnServer(dir); // takes over the stale lock of the dead pid
    const c2 = await MongoClient.connect(`${second.uri}/crash`, { serverSelectionTimeoutMS: 5000 });
    try {
      const all = await c2
        .db('crash')
        .collection<{ _id: number; batch: number; i: number; payload: string }>('events')
        .find()
        .toArray();
      const present = new Set(all.map((d) => d._id));
      for (const id of acked) expect(present.has(id)).toBe(true);
      for (const d of all) expect(d.payload).toBe(`p-${d.batch}-${d.i}-${'x'.repeat(200)}`);
      const perBatch = new Map<number, number>();
      for (const d of all) perBatch.set(d.batch, (perBatch.get(d.batch) ?? 0) + 1);
      for (const n of perBatch.values()) expect(n).toBe(10);
      const counter = await c2.db('crash').collection<{ _id: string; n: number }>('counter').findOne({ _id: 'c' });
      expect(counter?.n).toBeGreaterThanOrEqual(ackedIncs);
      expect(counter?.n).toBeLessThanOrEqual(attemptedIncs);
      // the unique index survived the crash too
      await expect(
        c2.db('crash').collection('events').insertOne({ batch: all[0].batch, i: all[0].i }),
      ).rejects.toMatchObject({ code: 11000 });
    } finally {
      await c2.close();
      second.child.kill('SIGTERM');
      await exited(second.child);
    }
    expect(fs.existsSync(path.join(dir, 'mongod.lock'))).toBe(false); // clean stop releases the lock
  }, 60_000);

  it('persists data, indexes and drops across a clean restart', async () => {
    const dir = tmpDir();
    let s = await EmbeddedMongoServer.start({ dbPath: dir });
    let c = await MongoClient.connect(`${s.uri}/p`);
    const users = c.db('p').collection('users');
    await users.createIndex({ email: 1 }, { unique: true });
    await users.insertMany([
      { email: 'a', n: 1 },
      { email: 'b', n: 2 },
      { email: 'c', n: 3 },
    ]);
    await users.updateOne({ email: 'a' }, { $set: { n: 10 } });
    await users.deleteOne({ email: 'b' });
    await c.db('p').collection('gone').insertOne({ x: 1 });
    await c.db('p').dropCollection('gone');
    await c.close();
    await s.stop();
    s = await EmbeddedMongoServer.start({ dbPath: dir });
    c = await MongoClient.connect(`${s.uri}/p`);
    try {
      const docs = await c
        .db('p')
        .collection('users')
        .find({}, { projection: { _id: 0 } })
        .sort({ email: 1 })
        .toArray();
      expect(docs).toEqual([
        { email: 'a', n: 10 },
        { email: 'c', n: 3 },
      ]);
      expect((await c.db('p').listCollections().toArray()).map((x) => x.name)).toEqual(['users']);
      await expect(c.db('p').collection('users').insertOne({ email: 'a' })).rejects.toMatchObject({ code: 11000 });
    } finally {
      await c.close();
      await s.stop();
    }
  });

  it('ignores a torn last journal record and keeps appending after it', async () => {
    const dir = tmpDir();
    let s = await EmbeddedMongoServer.start({ dbPath: dir });
    let c = await MongoClient.connect(`${s.uri}/t`);
    for (let i = 0; i < 5; i++) await c.db('t').collection('x').insertOne({ i });
    await c.close();
    await s.stop();
    const journal = path.join(dir, 'journal.bin');
    const size = fs.statSync(journal).size;
    fs.truncateSync(journal, size - 7); // tear the last record
    fs.appendFileSync(journal, Buffer.from([1, 2, 3]));
    const logs: string[] = [];
    s = await EmbeddedMongoServer.start({
      dbPath: dir,
      logger: { log: (m) => logs.push(m), error: (m) => logs.push(m) },
    });
    c = await MongoClient.connect(`${s.uri}/t`);
    expect((await c.db('t').collection('x').find().toArray()).map((d) => d.i)).toEqual([0, 1, 2, 3]);
    expect(logs.join('\n')).toMatch(/torn/);
    await c.db('t').collection('x').insertOne({ i: 99 });
    await c.close();
    await s.stop();
    s = await EmbeddedMongoServer.start({ dbPath: dir });
    c = await MongoClient.connect(`${s.uri}/t`);
    expect((await c.db('t').collection('x').find().toArray()).map((d) => d.i)).toEqual([0, 1, 2, 3, 99]);
    await c.close();
    await s.stop();
  });

  it('compacts the journal into a snapshot and restarts correctly from snapshot + journal', async () => {
    const dir = tmpDir();
    let s = await EmbeddedMongoServer.start({ dbPath: dir, compactJournalBytes: 20_000 });
    let c = await MongoClient.connect(`${s.uri}/s`);
    const coll = c.db('s').collection('docs');
    await coll.createIndex({ k: 1 }, { unique: true });
    for (let i = 0; i < 60; i++) await coll.insertOne({ k: i, body: 'y'.repeat(500) });
    await coll.updateMany({ k: { $lt: 10 } }, { $set: { small: true } });
    await coll.deleteMany({ k: { $gte: 50 } });
    await c.close();
    await s.stop();
    expect(fs.existsSync(path.join(dir, 'snapshot.bin'))).toBe(true);
    expect(fs.statSync(path.join(dir, 'journal.bin')).size).toBeLessThan(20_000 + 10_000);
    s = await EmbeddedMongoServer.start({ dbPath: dir });
    c = await MongoClient.connect(`${s.uri}/s`);
    try {
      const docs = c.db('s').collection('docs');
      expect(await docs.countDocuments()).toBe(50);
      expect(await docs.countDocuments({ small: true })).toBe(10);
      await expect(docs.insertOne({ k: 3 })).rejects.toMatchObject({ code: 11000 });
    } finally {
      await c.close();
      await s.stop();
    }
  });

  it('replaying a journal over the snapshot that already contains it is harmless (crash between snapshot rename and journal truncation)', async () => {
    const dir = tmpDir();
    const dump = async (uri: string) => {
      const c = await MongoClient.connect(`${uri}/r`);
      const out = {
        docs: await c.db('r').collection('a').find().sort({ _id: 1 }).toArray(),
        colls: (await c.db('r').listCollections().toArray()).map((x) => x.name).sort(),
      };
      await c.close();
      return out;
    };
    let s = await EmbeddedMongoServer.start({ dbPath: dir });
    const c = await MongoClient.connect(`${s.uri}/r`);
    const a = c.db('r').collection<{ _id: number; v?: number; w?: number }>('a');
    await a.insertMany([
      { _id: 1, v: 1 },
      { _id: 2, v: 2 },
      { _id: 3, v: 3 },
    ]);
    await a.updateOne({ _id: 1 }, { $set: { v: 10 } });
    await a.deleteOne({ _id: 2 });
    await c.db('r').collection('tmp').insertOne({ x: 1 });
    await c.db('r').dropCollection('tmp');
    await a.insertOne({ _id: 2, v: 22 });
    await c.close();
    await s.stop();
    // the same last write on a copy without compaction gives the journal as it was just before truncation
    const copy = tmpDir();
    fs.copyFileSync(path.join(dir, 'journal.bin'), path.join(copy, 'journal.bin'));
    const lastWrite = async (dbPath: string, compactJournalBytes?: number) => {
      const srv = await EmbeddedMongoServer.start({ dbPath, compactJournalBytes });
      const cl = await MongoClient.connect(`${srv.uri}/r`);
      await cl
        .db('r')
        .collection<{ _id: number; w?: number }>('a')
        .updateOne({ _id: 3 }, { $set: { w: 1 } });
      await cl.close();
      await srv.stop();
    };
    await lastWrite(copy);
    const untruncated = fs.readFileSync(path.join(copy, 'journal.bin'));
    await lastWrite(dir, 1); // compacts: snapshot written, journal truncated
    expect(fs.statSync(path.join(dir, 'journal.bin')).size).toBe(0);
    s = await EmbeddedMongoServer.start({ dbPath: dir });
    const expected = await dump(s.uri);
    await s.stop();
    fs.writeFileSync(path.join(dir, 'journal.bin'), untruncated); // as if truncation never happened
    s = await EmbeddedMongoServer.start({ dbPath: dir });
    expect(await dump(s.uri)).toEqual(expected);
    expect(expected.docs).toEqual([
      { _id: 1, v: 10 },
      { _id: 2, v: 22 },
      { _id: 3, v: 3, w: 1 },
    ]);
    await s.stop();
  });

  it('refuses a second open of the same directory and reports an unusable directory clearly', async () => {
    const dir = tmpDir();
    const s = await EmbeddedMongoServer.start({ dbPath: dir });
    await expect(EmbeddedMongoServer.start({ dbPath: dir })).rejects.toThrow(/already in use/);
    await s.stop();
    const again = await EmbeddedMongoServer.start({ dbPath: dir });
    await again.stop();
    const file = path.join(dir, 'a-file');
    fs.writeFileSync(file, 'x');
    await expect(EmbeddedMongoServer.start({ dbPath: path.join(file, 'db') })).rejects.toThrow(
      /data directory .* is not usable/,
    );
  });

  it('inMemory mode writes nothing to disk', async () => {
    const dir = tmpDir();
    const s = await EmbeddedMongoServer.start({ dbPath: dir, inMemory: true });
    const c = await MongoClient.connect(`${s.uri}/m`);
    await c.db('m').collection('x').insertOne({ a: 1 });
    await c.close();
    await s.stop();
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});
