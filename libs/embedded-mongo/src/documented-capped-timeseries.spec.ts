/**
 * Capped and time-series collections through the official driver, with the manual's examples
 * (core/capped-collections, core/timeseries/timeseries-procedures).
 */
import type { MongoServerError } from 'mongodb';
import { startHarness, type Harness } from './testing/harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness('capped-ts');
});
afterAll(() => h.close());

async function codeOf(p: Promise<unknown>): Promise<number | undefined> {
  try {
    await p;
    return undefined;
  } catch (e) {
    return (e as MongoServerError).code as number;
  }
}

describe('capped collections (core/capped-collections)', () => {
  it('keeps at most max documents in insertion order, removing the oldest first', async () => {
    await h.db.createCollection('log', { capped: true, size: 5242880, max: 5 });
    const log = h.coll('log');
    expect(await log.isCapped()).toBe(true);
    for (let i = 1; i <= 4; i++) await log.insertOne({ _id: 10 - i, i });
    await log.insertMany([5, 6, 7, 8].map((i) => ({ _id: 100 - i, i })));
    expect((await log.find().toArray()).map((d) => d.i)).toEqual([4, 5, 6, 7, 8]);
    expect(await log.countDocuments()).toBe(5);
    expect((await log.find().sort({ $natural: -1 }).limit(2).toArray()).map((d) => d.i)).toEqual([8, 7]);
  });

  it('removes the oldest documents when the size in bytes is exceeded (at least 4096 bytes)', async () => {
    const c = await h.db.createCollection('sized', { capped: true, size: 4096 });
    const pad = 'x'.repeat(1000);
    for (let i = 0; i < 10; i++) await c.insertOne({ i, pad });
    const left = (await c.find().toArray()).map((d) => d.i);
    expect(left).toEqual([7, 8, 9]); // each document is 1,046 BSON bytes: three fit in 4096
    // a delete frees its bytes: the next insert fits beside 7 and 8, the one after pushes 7 out
    await c.deleteOne({ i: 9 });
    await c.insertOne({ i: 10, pad });
    expect((await c.find().toArray()).map((d) => d.i)).toEqual([7, 8, 10]);
    await c.insertOne({ i: 11, pad });
    expect((await c.find().toArray()).map((d) => d.i)).toEqual([8, 10, 11]);
  });

  it('lists capped options; size is required (72); TTL indexes (67) and $out (17152) are refused; deletes and updates work as in 7.0', async () => {
    const [info] = await h.db.listCollections({ name: 'log' }).toArray();
    expect(info).toMatchObject({ type: 'collection', options: { capped: true, size: 5242880, max: 5 } });
    expect(await codeOf(h.db.createCollection('nosize', { capped: true }))).toBe(72);
    const log = h.coll('log');
    expect(await codeOf(log.createIndex({ at: 1 }, { expireAfterSeconds: 5 }))).toBe(67);
    expect(
      await codeOf(
        h
          .coll('log')
          .aggregate([{ $match: {} }, { $out: 'log' }])
          .toArray(),
      ),
    ).toBe(17152);
    // deletes from capped collections are allowed since 5.0.7/5.3 (SERVER-63201), updates may change the size
    expect((await log.deleteOne({ i: 4 })).deletedCount).toBe(1);
    expect((await log.updateOne({ i: 5 }, { $set: { grown: 'y'.repeat(50) } })).modifiedCount).toBe(1);
    expect(await log.countDocuments()).toBe(4);
    expect(await codeOf(log.find({}, { tailable: true }).toArray())).toBe(115);
    // collMod cappedMax: the excess goes on the next insert (core/capped-collections/change-max-docs-capped-collection)
    await h.db.command({ collMod: 'log', cappedMax: 2 });
    await log.insertOne({ i: 9 });
    expect((await log.find().toArray()).map((d) => d.i)).toEqual([8, 9]);
  });
});

describe('time-series collections (core/timeseries)', () => {
  const t = (h: number) => new Date(Date.UTC(2021, 4, 18, h));
  it('creates with timeField/metaField/granularity, lists type "timeseries", reads documents back as inserted', async () => {
    const weather = await h.db.createCollection('weather', {
      timeseries: { timeField: 'timestamp', metaField: 'metadata', granularity: 'hours' },
    });
    const docs = [
      { metadata: { sensorId: 5578, type: 'temperature' }, timestamp: t(0), temp: 12 },
      { metadata: { sensorId: 5578, type: 'temperature' }, timestamp: t(4), temp: 11 },
      { metadata: { sensorId: 5578, type: 'temperature' }, timestamp: t(8), temp: 11 },
      { metadata: { sensorId: 5579, type: 'temperature' }, timestamp: t(12), temp: 12 },
    ];
    await weather.insertMany(docs.map((d) => ({ ...d })));
    const [info] = await h.db.listCollections({ name: 'weather' }).toArray();
    expect(info).toMatchObject({
      type: 'timeseries',
      options: {
        timeseries: {
          timeField: 'timestamp',
          metaField: 'metadata',
          granularity: 'hours',
          bucketMaxSpanSeconds: 2592000,
        },
      },
    });
    const one = await weather.findOne({ timestamp: t(4) }, { projection: { _id: 0 } });
    expect(one).toEqual(docs[1]);
    expect(await weather.countDocuments({ 'metadata.sensorId': 5578 })).toBe(3);
    const perSensor = await weather
      .aggregate([{ $group: { _id: '$metadata.sensorId', avg: { $avg: '$temp' } } }, { $sort: { _id: 1 } }])
      .toArray();
    expect(perSensor).toEqual([
      { _id: 5578, avg: 34 / 3 },
      { _id: 5579, avg: 12 },
    ]);
    expect((await weather.deleteMany({ 'metadata.sensorId': 5579 })).deletedCount).toBe(1);
    expect(await codeOf(h.db.command({ collMod: 'weather', timeseries: { granularity: 'seconds' } }))).toBe(72);
  });

  it('requires the timeField as a date on insert and validates the options', async () => {
    const c = await h.db.createCollection('ticks', { timeseries: { timeField: 'at' } });
    expect(await codeOf(c.insertOne({ v: 1 }))).toBe(2);
    expect(await codeOf(c.insertOne({ at: '2021-05-18', v: 1 }))).toBe(2);
    const [info] = await h.db.listCollections({ name: 'ticks' }, { nameOnly: false }).toArray();
    expect(info.options).toEqual({
      timeseries: { timeField: 'at', granularity: 'seconds', bucketMaxSpanSeconds: 3600 },
    });
    expect(await codeOf(h.db.command({ create: 'x1', timeseries: { metaField: 'm' } }))).toBe(40414);
    expect(await codeOf(h.db.command({ create: 'x2', timeseries: { timeField: 't', metaField: 't' } }))).toBe(72);
    expect(await codeOf(h.db.command({ create: 'x3', timeseries: { timeField: 't', granularity: 'days' } }))).toBe(2);
    await h.db.command({ collMod: 'ticks', timeseries: { granularity: 'minutes' } });
    const [after] = await h.db.listCollections({ name: 'ticks' }, { nameOnly: false }).toArray();
    expect(after.options?.timeseries).toMatchObject({ granularity: 'minutes', bucketMaxSpanSeconds: 86400 });
    const custom = await h.db.createCollection('custom', {
      timeseries: { timeField: 't', bucketMaxSpanSeconds: 300, bucketRoundingSeconds: 300 },
    });
    await custom.insertOne({ t: t(1), v: 2 });
    expect(await custom.countDocuments({ t: { $gte: t(0) } })).toBe(1);
  });
});
