/**
 * Reproduction for the embedded database (not a test; prints figures only):
 *   node -r @swc-node/register tools/bench/keyset-page.bench.ts [one]
 * The app's keyset page `find({patientId}).sort({takenAt: -1, _id: -1}).limit(51)` on the index
 * {patientId: 1, takenAt: -1, _id: -1}, for a patient with 1,000 readings and one with 100,000. MongoDB
 * walks the index in order and stops after 51 entries (flat cost); a planner that serves only one-key
 * sorts fetches and sorts every reading of the patient (cost grows with the patient's data). With the
 * second index {patientId, type, takenAt, _id} present (as in the vitals schema) the plan choice is shown too.
 */
import { MongoClient, ObjectId } from 'mongodb';
import { EmbeddedMongoServer } from '../../libs/embedded-mongo/src/index';

async function main(): Promise<void> {
  const server = await EmbeddedMongoServer.start({ inMemory: true });
  const client = await MongoClient.connect(`${server.uri}/bench`);
  const vitals = client.db('bench').collection('vitals');
  const both = process.argv[2] !== 'one';
  if (both) await vitals.createIndex({ patientId: 1, type: 1, takenAt: -1, _id: -1 });
  await vitals.createIndex({ patientId: 1, takenAt: -1, _id: -1 });
  const heavy = new ObjectId();
  const light = new ObjectId();
  const now = Date.now();
  for (const [patientId, n] of [
    [heavy, 100_000],
    [light, 1_000],
  ] as const) {
    for (let start = 0; start < n; start += 5000) {
      const docs = [];
      for (let i = start; i < Math.min(n, start + 5000); i++)
        docs.push({
          patientId,
          type: i % 2 ? 'glucose' : 'heart_rate',
          takenAt: new Date(now - i * 60_000),
          value: i % 100,
        });
      await vitals.insertMany(docs);
    }
  }
  const page = (patientId: ObjectId) => vitals.find({ patientId }).sort({ takenAt: -1, _id: -1 }).limit(51);
  const ms: Record<string, number> = {};
  for (const [name, patientId] of [
    ['1,000 readings', light],
    ['100,000 readings', heavy],
  ] as const) {
    const t0 = performance.now();
    for (let i = 0; i < 5; i++) await page(patientId).toArray();
    ms[name] = (performance.now() - t0) / 5;
    const plan = (await page(patientId).explain()) as {
      queryPlanner: { winningPlan: { inputStage?: { indexName?: string } } };
    };
    console.log(
      `${both ? 'two indexes' : 'one index'}, ${name}: ${ms[name].toFixed(1)} ms per page, index ${plan.queryPlanner.winningPlan.inputStage?.indexName ?? 'none'}`,
    );
  }
  console.log(
    `ratio 100,000 / 1,000: ${((ms['100,000 readings'] ?? 0) / (ms['1,000 readings'] ?? 1)).toFixed(1)}× (MongoDB: about 1×)`,
  );
  await client.close();
  await server.stop();
}

main().catch((e: Error) => {
  console.error(e);
  process.exit(1);
});
