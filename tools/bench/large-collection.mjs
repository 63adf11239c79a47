#!/usr/bin/env node
// The embedded database with a very large collection (issue 20): readings inserted through the official
// driver into the CLI server alone (on disk), then the indexed range read the API does for a page of 50
// (one patient's newest readings), timed at 100,000 rows and again at the full size; the server's RSS at the end.
//   node tools/bench/large-collection.mjs [--rows 10000000] [--reads 200]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { MongoClient, ObjectId } from 'mongodb';
import { startDatabase } from './database.mjs';
import { rssOf } from './measure.mjs';

const BATCH = 10_000;
const PATIENTS = 1_000;
const TYPES = ['heart_rate', 'blood_pressure', 'spo2', 'temperature', 'weight', 'glucose'];
const median = (xs) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];

/** Inserts up to `total` rows (continuing from `from`), logging progress every 5 s. */
async function insertUpTo(coll, patients, from, total, log) {
  const t0 = performance.now();
  let lastLog = t0;
  for (let n = from; n < total; n += BATCH) {
    const docs = [];
    for (let k = n; k < Math.min(total, n + BATCH); k++)
      docs.push({
        patientId: patients[k % PATIENTS],
        type: TYPES[k % TYPES.length],
        value: 40 + (k % 120),
        unit: '/min',
        takenAt: new Date(Date.UTC(2020, 0, 1) + k * 3_000),
        source: 'device',
      });
    await coll.insertMany(docs, { ordered: false });
    if (performance.now() - lastLog > 5_000) {
      lastLog = performance.now();
      log(
        `[bench] large collection: ${(n + docs.length).toLocaleString('en-US')} of ${total.toLocaleString('en-US')} rows`,
      );
    }
  }
  return (total - from) / ((performance.now() - t0) / 1000);
}

/** Median latency (ms) of the page read: one patient's 50 newest readings through the compound index. */
async function pageRead(coll, patientId, reads) {
  const times = [];
  for (let i = 0; i < reads; i++) {
    const t0 = performance.now();
    const page = await coll.find({ patientId }).sort({ takenAt: -1 }).limit(50).toArray();
    times.push(performance.now() - t0);
    if (page.length !== 50) throw new Error(`page read returned ${page.length} rows`);
  }
  return median(times);
}

/** The large-collection row: insert rate, page latency at 100,000 and at `rows`, and the server's RSS. */
export async function measureLargeCollection({ rows = 10_000_000, reads = 200, log = console.log } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'cloudvault-bench-large-'));
  const db = await startDatabase(dir);
  const client = await MongoClient.connect(db.uri);
  try {
    const coll = client.db('cloudvault').collection('vitals');
    await coll.createIndex({ patientId: 1, takenAt: -1 });
    const patients = Array.from({ length: PATIENTS }, () => new ObjectId());
    const small = 100_000;
    await insertUpTo(coll, patients, 0, small, log);
    const smallMs = await pageRead(coll, patients[7], reads);
    const t0 = performance.now();
    const insertPerSec = await insertUpTo(coll, patients, small, rows, log);
    const insertSeconds = (performance.now() - t0) / 1000;
    const largeMs = await pageRead(coll, patients[7], reads);
    const rssMiB = rssOf(db.pid) / 1048576;
    const result = { rows, small, smallMs, largeMs, ratio: largeMs / smallMs, insertPerSec, insertSeconds, rssMiB };
    log(
      `[bench] large collection: ${rows.toLocaleString('en-US')} rows inserted at ${Math.round(insertPerSec).toLocaleString('en-US')}/s; ` +
        `page of 50 p50 ${smallMs.toFixed(2)} ms at 100,000 vs ${largeMs.toFixed(2)} ms (×${result.ratio.toFixed(2)}); server RSS ${rssMiB.toFixed(0)} MiB`,
    );
    return result;
  } finally {
    await client.close();
    await db.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: { rows: { type: 'string', default: '10000000' }, reads: { type: 'string', default: '200' } },
  });
  measureLargeCollection({ rows: Number(values.rows), reads: Number(values.reads) }).then(
    (r) => console.log(JSON.stringify(r)),
    (e) => {
      console.error(`[bench] ${e.stack ?? e}`);
      process.exit(1);
    },
  );
}
