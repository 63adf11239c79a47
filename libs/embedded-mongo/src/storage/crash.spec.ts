/**
 * Crash safety of the LMDB engine: concurrent writers, `kill -9` at a random moment, restart — 20 rounds
 * on one data directory. After each round every acknowledged write is present exactly once, no batch is
 * half-applied, the counter lies between acknowledged and attempted increments, and the full
 * index-vs-collection check (`validate`) finds every index consistent with the documents.
 */
import { MongoClient } from 'mongodb';
import { exited, spawnServer, tmpDirs } from '../testing/spawn-cli';

const ROUNDS = 20;
const dirs = tmpDirs('em-crash-');
afterAll(() => dirs.cleanup());

interface Event {
  _id: number;
  batch: number;
  i: number;
  tags: string[];
  payload: string;
}

describe('kill -9 crash rounds', () => {
  it(`keeps every acknowledged write exactly once and every index consistent over ${ROUNDS} rounds`, async () => {
    const dir = dirs.make();
    const acked = new Set<number>();
    let ackedIncs = 0;
    let attemptedIncs = 0;
    let nextBatch = 0;
    for (let round = 0; round <= ROUNDS; round++) {
      const server = await spawnServer(dir);
      const client = await MongoClient.connect(`${server.uri}/crash`, {
        serverSelectionTimeoutMS: 5000,
        socketTimeoutMS: 5000,
      });
      const db = client.db('crash');
      const events = db.collection<Event>('events');
      // the state the previous round's crash left
      const all = await events.find({}, { projection: { payload: 0 } }).toArray();
      const ids = all.map((d) => d._id);
      expect(new Set(ids).size).toBe(ids.length);
      const missing = [...acked].filter((id) => !ids.includes(id));
      expect({ round, missing }).toEqual({ round, missing: [] });
      const perBatch = new Map<number, number>();
      for (const d of all) perBatch.set(d.batch, (perBatch.get(d.batch) ?? 0) + 1);
      expect([...perBatch.values()].filter((n) => n !== 10)).toEqual([]);
      const counter = await db.collection<{ _id: string; n: number }>('counter').findOne({ _id: 'c' });
      expect(counter?.n ?? 0).toBeGreaterThanOrEqual(ackedIncs);
      expect(counter?.n ?? 0).toBeLessThanOrEqual(attemptedIncs);
      for (const name of round ? ['events', 'counter'] : []) {
        const v = await db.command({ validate: name });
        expect({ round, name, valid: v.valid, errors: v.errors }).toEqual({ round, name, valid: true, errors: [] });
      }
      if (round === ROUNDS) {
        await client.close();
        server.child.kill('SIGTERM');
        await exited(server.child);
        break;
      }
      if (round === 0) {
        await events.createIndex({ batch: 1, i: 1 }, { unique: true });
        await events.createIndex({ tags: 1 });
        await events.createIndex({ batch: -1 });
      }
      let stop = false;
      const writers = Array.from({ length: 4 }, async () => {
        while (!stop) {
          const batch = nextBatch++;
          const docs = Array.from({ length: 10 }, (_, i) => ({
            _id: batch * 10 + i,
            batch,
            i,
            tags: [`t${i % 3}`, `b${batch % 7}`],
            payload: `p-${batch}-${i}-${'x'.repeat(100)}`,
          }));
          try {
            await events.insertMany(docs);
            docs.forEach((d) => acked.add(d._id));
            await events.updateOne({ _id: batch * 10 + 9 }, { $set: { tags: ['updated', `b${batch}`] } });
            attemptedIncs++;
            await db
              .collection<{ _id: string; n: number }>('counter')
              .updateOne({ _id: 'c' }, { $inc: { n: 1 } }, { upsert: true });
            ackedIncs++;
          } catch {
            return; // the server was killed
          }
        }
      });
      const target = acked.size + 50 + Math.floor(Math.random() * 150);
      while (acked.size < target) await new Promise((r) => setTimeout(r, 5));
      await new Promise((r) => setTimeout(r, Math.floor(Math.random() * 20)));
      server.child.kill('SIGKILL');
      stop = true;
      await Promise.all(writers);
      await exited(server.child);
      await client.close(true).catch(() => undefined);
    }
  }, 900_000); // 21 CLI starts through @swc-node/register: minutes on a busy machine
});
