/**
 * Benchmark of libs/embedded-mongo (not a test; prints figures only).
 *   node -r @swc-node/register tools/bench/embedded-mongo.bench.ts [--docs 1000000]
 * Reports: inserts/s (insertMany batches and single insertOne), find-by-_id/s, an indexed range query
 * vs the same query on an unindexed field among N documents (ratio), and a Mongoose find page through
 * the embedded server vs the same query on a plain in-process array (ratio).
 */
import { MongoClient, ObjectId } from 'mongodb';
import mongoose, { Schema } from 'mongoose';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { EmbeddedMongoServer } from '../../libs/embedded-mongo/src/index';

const argDocs = process.argv.indexOf('--docs');
const N = argDocs > 0 ? Number(process.argv[argDocs + 1]) : 1_000_000;
const BATCH = 1000;

const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const now = () => Number(process.hrtime.bigint()) / 1e6; // ms

async function timeIt(runs: number, fn: (i: number) => Promise<unknown>): Promise<number> {
  const t0 = now();
  for (let i = 0; i < runs; i++) await fn(i);
  return (now() - t0) / runs;
}

async function main(): Promise<void> {
  const server = await EmbeddedMongoServer.start({ inMemory: true });
  const client = await MongoClient.connect(`${server.uri}/bench`);
  const coll = client
    .db('bench')
    .collection<{ _id?: ObjectId; seq: number; a: number; b: number; name: string }>('docs');
  const lines: string[] = [];
  const report = (s: string) => {
    lines.push(s);
    console.log(s);
  };
  report(
    `embedded-mongo benchmark — node ${process.version}, ${N.toLocaleString('en-US')} documents, in-memory server over TCP (official driver 7.8); ${os.cpus().length} CPUs, load average ${os.loadavg()[0].toFixed(1)}`,
  );

  await coll.createIndex({ a: 1 });
  const ids: ObjectId[] = [];
  let t0 = now();
  for (let start = 0; start < N; start += BATCH) {
    const docs = Array.from({ length: Math.min(BATCH, N - start) }, (_, k) => {
      const seq = start + k;
      const v = (seq * 7919) % N; // a permutation: every value once
      return { _id: new ObjectId(), seq, a: v, b: v, name: `patient-${seq}` };
    });
    if (start % 97_000 === 0) ids.push(docs[0]._id);
    await coll.insertMany(docs, { ordered: true });
  }
  const insertMs = now() - t0;
  report(
    `inserts (insertMany, batches of ${BATCH}, index on a): ${fmt(N / (insertMs / 1000))} docs/s  (${fmt(insertMs / 1000, 1)} s total)`,
  );

  const single = client.db('bench').collection('single');
  t0 = now();
  for (let i = 0; i < 3000; i++) await single.insertOne({ i, name: `x${i}` });
  report(`inserts (insertOne, one round trip each): ${fmt(3000 / ((now() - t0) / 1000))} docs/s`);

  const sample = await coll
    .find({}, { projection: { _id: 1 } })
    .limit(1)
    .toArray();
  const idList = sample[0]?._id ? [...ids, sample[0]._id] : ids;
  const byIdMs = await timeIt(5000, (i) => coll.findOne({ _id: idList[i % idList.length] }));
  report(`find by _id (findOne): ${fmt(1000 / byIdMs)} queries/s  (${fmt(byIdMs * 1000)} µs each)`);

  const width = 100;
  const lo = (i: number) => (i * 104729) % (N - width) | 0;
  const ixPlan = await coll.find({ a: { $gte: 5, $lt: 5 + width } }).explain();
  const scanPlan = await coll.find({ b: { $gte: 5, $lt: 5 + width } }).explain();
  const ixMs = await timeIt(200, async (i) => {
    const docs = await coll.find({ a: { $gte: lo(i), $lt: lo(i) + width } }).toArray();
    if (docs.length !== width) throw new Error(`indexed range returned ${docs.length}`);
  });
  const scanMs = await timeIt(5, async (i) => {
    const docs = await coll.find({ b: { $gte: lo(i), $lt: lo(i) + width } }).toArray();
    if (docs.length !== width) throw new Error(`scan range returned ${docs.length}`);
  });
  report(
    `range query returning ${width} of ${fmt(N)} docs: indexed a (${ixPlan.queryPlanner.winningPlan.inputStage?.stage ?? ixPlan.queryPlanner.winningPlan.stage} ${ixPlan.queryPlanner.winningPlan.inputStage?.indexName ?? ''}) ${fmt(ixMs, 2)} ms; unindexed b (${scanPlan.queryPlanner.winningPlan.stage}) ${fmt(scanMs, 1)} ms; ratio ${fmt(scanMs / ixMs)}×`,
  );
  const eqIx = await timeIt(500, (i) => coll.find({ a: lo(i) }).toArray());
  const eqScan = await timeIt(5, (i) => coll.find({ b: lo(i) }).toArray());
  report(
    `equality lookup (find all matches) among ${fmt(N)} docs: indexed ${fmt(eqIx, 3)} ms vs unindexed ${fmt(eqScan, 1)} ms; ratio ${fmt(eqScan / eqIx)}×`,
  );
  await client.close();

  // Mongoose page vs a plain array
  const M = 10_000;
  await mongoose.connect(`${server.uri}/bench_mg`);
  const Vital = mongoose.model(
    'Vital',
    new Schema({ patientId: Schema.Types.ObjectId, type: String, value: Number, takenAt: Date }).index({
      patientId: 1,
      takenAt: -1,
    }),
  );
  await Vital.init();
  const patient = new mongoose.Types.ObjectId();
  const others = Array.from({ length: 20 }, () => new mongoose.Types.ObjectId());
  const rows = Array.from({ length: M }, (_, i) => ({
    patientId: i % 5 === 0 ? patient : others[i % 20],
    type: i % 2 ? 'pulse' : 'glucose',
    value: 60 + (i % 50),
    takenAt: new Date(1_700_000_000_000 + i * 60_000),
  }));
  await Vital.insertMany(rows);
  const plain = await Vital.find().lean();
  const pageSize = 20;
  const mgMs = await timeIt(500, async (i) => {
    const docs = await Vital.find({
      patientId: patient,
      takenAt: { $lt: new Date(1_700_000_000_000 + (M - i) * 60_000) },
    })
      .sort({ takenAt: -1 })
      .limit(pageSize)
      .lean();
    if (docs.length !== pageSize) throw new Error('page size');
  });
  const arrMs = await timeIt(500, async (i) => {
    const cutoff = 1_700_000_000_000 + (M - i) * 60_000;
    const docs = plain
      .filter((d) => String(d.patientId) === String(patient) && (d.takenAt as Date).getTime() < cutoff)
      .sort((x, y) => (y.takenAt as Date).getTime() - (x.takenAt as Date).getTime())
      .slice(0, pageSize);
    if (docs.length !== pageSize) throw new Error('page size');
  });
  // the same page from an in-process "index": the patient's rows pre-sorted by takenAt desc (best case for an array)
  const byPatient = plain
    .filter((d) => String(d.patientId) === String(patient))
    .sort((x, y) => (y.takenAt as Date).getTime() - (x.takenAt as Date).getTime());
  const idxMs = await timeIt(500, async (i) => {
    const cutoff = 1_700_000_000_000 + (M - i) * 60_000;
    const out: unknown[] = [];
    for (const d of byPatient) {
      if ((d.takenAt as Date).getTime() < cutoff) out.push(d);
      if (out.length === pageSize) break;
    }
    if (out.length !== pageSize) throw new Error('page size');
  });
  report(
    `Mongoose find page (${pageSize} of ${fmt(M)} vitals, filter patient + takenAt, sort takenAt desc, lean): embedded ${fmt(mgMs, 3)} ms vs plain in-process array filter/sort/slice ${fmt(arrMs, 3)} ms; ratio ${fmt(mgMs / arrMs, 2)}×; vs a pre-sorted per-patient array ${fmt(idxMs, 4)} ms (ratio ${fmt(mgMs / idxMs)}×: the wire + BSON + Mongoose overhead)`,
  );
  const mgFull = await timeIt(300, () =>
    Vital.find({ patientId: patient }).sort({ takenAt: -1 }).skip(100).limit(pageSize),
  );
  report(`Mongoose hydrated page (skip 100, limit ${pageSize}): ${fmt(mgFull, 3)} ms`);
  await mongoose.disconnect();
  await server.stop();

  // durable mode: every acknowledged write is fsynced (concurrent writers share an fsync)
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'em-bench-'));
  const durable = await EmbeddedMongoServer.start({ dbPath: dir });
  const dc = await MongoClient.connect(`${durable.uri}/bench`, { maxPoolSize: 16 });
  const dcoll = dc.db('bench').collection('durable');
  t0 = now();
  for (let i = 0; i < 500; i++) await dcoll.insertOne({ i });
  const seqRate = 500 / ((now() - t0) / 1000);
  t0 = now();
  await Promise.all(
    Array.from({ length: 16 }, async (_, w) => {
      for (let i = 0; i < 200; i++) await dcoll.insertOne({ w, i });
    }),
  );
  const parRate = 3200 / ((now() - t0) / 1000);
  report(
    `durable (dbPath, fsync before ack) insertOne: ${fmt(seqRate)} docs/s sequential, ${fmt(parRate)} docs/s with 16 concurrent writers (group commit)`,
  );
  await dc.close();
  await durable.stop();
  fs.rmSync(dir, { recursive: true, force: true });

  const mem = process.memoryUsage();
  report(`process memory: rss ${fmt(mem.rss / 1048576)} MiB, heap used ${fmt(mem.heapUsed / 1048576)} MiB`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
