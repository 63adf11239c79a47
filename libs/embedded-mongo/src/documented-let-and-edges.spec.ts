/**
 * `let` variables, `$literal`, and edge behaviour through the official driver, following the manual
 * (reference/command/find#specify-a-variable-in-let, reference/command/update#use-variables-in-let,
 * reference/operator/aggregation/literal, core/document#the-_id-field, reference/command/setParameter,
 * reference/operator/aggregation/listLocalSessions).
 */
import { startHarness, type Harness, type LooseDoc } from './testing/harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness('letedges', { ttlMonitorIntervalMs: 60_000 });
});
afterAll(() => h.close());

const load = (docs: LooseDoc[]) => h.load(docs);

// the manual's cakeFlavors collection (reference/command/find#specify-a-variable-in-let)
const cakes = [
  { _id: 1, flavor: 'chocolate' },
  { _id: 2, flavor: 'strawberry' },
  { _id: 3, flavor: 'cherry' },
];

describe('let variables', () => {
  it('find: $$targetFlavor in $expr', async () => {
    const c = await load(cakes);
    const found = await c
      .find({ $expr: { $eq: ['$flavor', '$$targetFlavor'] } }, { let: { targetFlavor: 'chocolate' } })
      .toArray();
    expect(found).toEqual([{ _id: 1, flavor: 'chocolate' }]);
  });
  it('a variable is an expression evaluated once; an undefined one fails with 17276', async () => {
    const c = await load([{ _id: 1, n: 3 }]);
    const found = await c.find({ $expr: { $eq: ['$n', '$$three'] } }, { let: { three: { $add: [1, 2] } } }).toArray();
    expect(found).toHaveLength(1);
    await expect(c.find({ $expr: { $eq: ['$n', '$$nope'] } }).toArray()).rejects.toMatchObject({ code: 17276 });
    await expect(c.find({}, { let: { Bad: 1 } }).toArray()).rejects.toMatchObject({ code: 16867 });
  });
  it('aggregate: $$ variables in $match and later stages', async () => {
    const c = await load(cakes);
    const out = await c
      .aggregate(
        [
          { $match: { $expr: { $eq: ['$flavor', '$$flavor'] } } },
          { $project: { _id: 0, label: { $concat: ['$flavor', '$$suffix'] } } },
        ],
        { let: { flavor: 'cherry', suffix: ' cake' } },
      )
      .toArray();
    expect(out).toEqual([{ label: 'cherry cake' }]);
  });
  it('update (a pipeline update reads $$ variables too), delete and findAndModify', async () => {
    const c = await load(cakes);
    const r = await c.updateOne(
      { $expr: { $eq: ['$flavor', '$$targetFlavor'] } },
      [{ $set: { flavor: '$$newFlavor' } }],
      { let: { targetFlavor: 'cherry', newFlavor: 'orange' } },
    );
    expect(r.modifiedCount).toBe(1);
    expect(await c.findOne({ _id: 3 })).toEqual({ _id: 3, flavor: 'orange' });
    const fm = await c.findOneAndUpdate({ $expr: { $eq: ['$flavor', '$$f'] } }, [{ $set: { rating: '$$r' } }], {
      let: { f: 'orange', r: 5 },
      returnDocument: 'after',
    });
    expect(fm).toEqual({ _id: 3, flavor: 'orange', rating: 5 });
    const d = await c.deleteOne({ $expr: { $eq: ['$flavor', '$$f'] } }, { let: { f: 'strawberry' } });
    expect(d.deletedCount).toBe(1);
  });
  it('bulkWrite passes its let to every statement', async () => {
    const c = await load(cakes);
    const r = await c.bulkWrite(
      [
        { updateMany: { filter: { $expr: { $ne: ['$flavor', '$$keep'] } }, update: [{ $set: { gone: true } }] } },
        { deleteMany: { filter: { $expr: { $eq: ['$flavor', '$$drop'] } } } },
      ],
      { let: { keep: 'chocolate', drop: 'cherry' } },
    );
    expect({ m: r.modifiedCount, d: r.deletedCount }).toEqual({ m: 2, d: 1 });
  });
});

describe('$literal (reference/operator/aggregation/literal)', () => {
  it('returns its argument as a value, never as a path or an expression', async () => {
    const c = await load([{ _id: 1, item: 'abc123', price: '$2.50' }]);
    const out = await c
      .aggregate([
        {
          $project: {
            costsOneDollar: { $eq: ['$price', { $literal: '$1' }] },
            bar: { $literal: '$bar' },
            expr: { $literal: { $add: [1, 2] } },
          },
        },
      ])
      .toArray();
    expect(out).toEqual([{ _id: 1, costsOneDollar: false, bar: '$bar', expr: { $add: [1, 2] } }]);
  });
});

describe('_id edge cases (core/document#the-_id-field)', () => {
  it('_id null is a value: inserted once, found and counted; a second one is a duplicate', async () => {
    const c = await load([]);
    // the driver replaces a null _id by an ObjectId unless the server is to generate ids
    const insert = (doc: LooseDoc) => h.db.command({ insert: c.collectionName, documents: [doc] });
    expect(await insert({ _id: null, a: 1 })).toMatchObject({ n: 1 });
    expect((await insert({ _id: null, a: 2 })).writeErrors[0]).toMatchObject({ code: 11000 });
    await expect(c.updateOne({ _id: null }, { $set: { b: 1 } }, { upsert: true })).resolves.toMatchObject({
      matchedCount: 1,
    });
    await c.updateOne({ _id: null }, { $unset: { b: 1 } });
    expect(await c.countDocuments({ _id: null })).toBe(1);
    expect(await c.countDocuments()).toBe(1);
    expect(await c.findOne({ _id: null })).toEqual({ _id: null, a: 1 });
    expect((await c.deleteOne({ _id: null })).deletedCount).toBe(1);
  });
  it('refuses $-prefixed field names inside _id with code 2', async () => {
    const c = await load([]);
    await expect(c.insertOne({ _id: { $x: 1 } })).rejects.toMatchObject({ code: 2 });
    await expect(c.insertOne({ _id: { a: { $b: 1 } } })).rejects.toMatchObject({ code: 2 });
    await expect(c.updateOne({ k: 1 }, { $set: { v: 1 } }, { upsert: true })).resolves.toBeTruthy();
    await expect(c.replaceOne({ k: 2 }, { _id: { $y: 1 }, k: 2 }, { upsert: true })).rejects.toMatchObject({ code: 2 });
    expect(await c.countDocuments()).toBe(1);
  });
});

describe('MongoDB 7.0 statement parsing', () => {
  it('updateOne/replaceOne with sort are refused as 7.0 refuses an unknown statement field (40415)', async () => {
    const c = await load([
      { _id: 1, v: 1 },
      { _id: 2, v: 2 },
    ]);
    await expect(c.updateOne({}, { $set: { x: 1 } }, { sort: { _id: -1 } })).rejects.toMatchObject({
      code: 40415,
      message: "BSON field 'update.updates.sort' is an unknown field.",
    });
    await expect(c.replaceOne({}, { v: 9 }, { sort: { _id: -1 } })).rejects.toMatchObject({ code: 40415 });
    expect(await c.find().sort({ _id: 1 }).toArray()).toEqual([
      { _id: 1, v: 1 },
      { _id: 2, v: 2 },
    ]);
    // findAndModify has taken sort since long before 7.0
    expect(await c.findOneAndUpdate({}, { $set: { x: 1 } }, { sort: { _id: -1 }, returnDocument: 'after' })).toEqual({
      _id: 2,
      v: 2,
      x: 1,
    });
  });
});

describe('sessions and parameters', () => {
  it('$listLocalSessions lists the sessions commands carried; endSessions removes them', async () => {
    const session = h.client.startSession();
    await h.coll('any').findOne({}, { session });
    const admin = h.client.db('admin');
    const listed = await admin.aggregate([{ $listLocalSessions: {} }], { session }).toArray();
    const id = session.id?.id;
    expect(listed.some((s) => s._id.id.toString('hex') === id?.toString('hex'))).toBe(true);
    expect(listed[0]).toMatchObject({ lastUse: expect.any(Date) });
    expect(await admin.aggregate([{ $listLocalSessions: { users: [{ user: 'x', db: 'y' }] } }]).toArray()).toEqual([]);
    await admin.command({ endSessions: [session.id] });
    const after = await admin.aggregate([{ $listLocalSessions: { allUsers: true } }]).toArray();
    expect(after.some((s) => s._id.id.toString('hex') === id?.toString('hex'))).toBe(false);
    await session.endSession();
  });
  it('setParameter sets ttlMonitorSleepSecs (returning the previous value) and refuses what it does not support', async () => {
    const admin = h.client.db('admin');
    expect(await admin.command({ setParameter: 1, ttlMonitorSleepSecs: 1 })).toEqual({ was: 60, ok: 1 });
    expect(await admin.command({ getParameter: 1, ttlMonitorSleepSecs: 1 })).toEqual({ ttlMonitorSleepSecs: 1, ok: 1 });
    // the sweeper now runs every second: a document that expired is removed without waiting a minute
    const c = h.coll(h.freshName());
    await c.createIndex({ at: 1 }, { expireAfterSeconds: 0 });
    await c.insertOne({ at: new Date(0) });
    for (let i = 0; i < 100 && (await c.countDocuments()) > 0; i++) await new Promise((r) => setTimeout(r, 50));
    expect(await c.countDocuments()).toBe(0);
    await expect(admin.command({ setParameter: 1, notablescan: true })).rejects.toMatchObject({ code: 72 });
    await expect(admin.command({ setParameter: 1 })).rejects.toMatchObject({ code: 72 });
    await expect(admin.command({ setParameter: 1, ttlMonitorSleepSecs: -1 })).rejects.toMatchObject({ code: 2 });
    await admin.command({ setParameter: 1, ttlMonitorSleepSecs: 60 });
  });
});

describe('update statement constants (reference/command/update#update-with-aggregation-pipeline-using-c)', () => {
  it("a statement's c is readable in its pipeline beside the command's let", async () => {
    const c = await load(cakes);
    const r = await h.db.command({
      update: c.collectionName,
      updates: [{ q: { _id: 1 }, u: [{ $set: { label: { $concat: ['$$prefix', '$flavor'] } } }], c: { prefix: 'a ' } }],
    });
    expect(r).toMatchObject({ n: 1, nModified: 1 });
    expect(await c.findOne({ _id: 1 })).toEqual({ _id: 1, flavor: 'chocolate', label: 'a chocolate' });
  });
});
