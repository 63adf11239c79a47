import { MongoBulkWriteError, ObjectId } from 'mongodb';
import { startHarness, type Harness } from './testing/harness';

describe('integration through the official mongodb driver', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness('drv', { ttlMonitorIntervalMs: 100 });
  });
  afterAll(() => h.close());

  it('enforces a unique index under many concurrent inserts from a pool of connections', async () => {
    const c = h.coll('uniq');
    await c.createIndex({ email: 1 }, { unique: true });
    const attempts = Array.from({ length: 200 }, (_, i) =>
      c.insertOne({ email: `u${i % 20}@x` }).then(
        () => 'ok',
        (e) => e.code,
      ),
    );
    const results = await Promise.all(attempts);
    expect(results.filter((r) => r === 'ok')).toHaveLength(20);
    expect(results.filter((r) => r === 11000)).toHaveLength(180);
    expect(await c.countDocuments()).toBe(20);
  });

  it('enforces a compound unique index concurrently and reports keyPattern/keyValue', async () => {
    const c = h.coll('cuniq');
    await c.createIndex({ title: 1, n: -1 }, { unique: true });
    const results = await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        c.insertOne({ title: `t${i % 3}`, n: i % 2 }).then(
          () => 'ok',
          (e) => e,
        ),
      ),
    );
    expect(results.filter((r) => r === 'ok')).toHaveLength(6);
    const err = results.find((r) => r !== 'ok');
    expect(err).toMatchObject({ code: 11000, keyPattern: { title: 1, n: -1 } });
    expect(err.message).toMatch(
      /^E11000 duplicate key error collection: drv\.cuniq index: title_1_n_-1 dup key: \{ title: "t\d", n: \d \}$/,
    );
  });

  it('a missing field indexes as null: two documents without it collide on a unique index', async () => {
    const c = h.coll('nullkey');
    await c.createIndex({ code: 1 }, { unique: true });
    await c.insertOne({ name: 'a' });
    await expect(c.insertOne({ name: 'b' })).rejects.toMatchObject({ code: 11000, keyValue: { code: null } });
  });

  it('sparse unique indexes skip documents without the field', async () => {
    const c = h.coll('sparse');
    await c.createIndex({ code: 1 }, { unique: true, sparse: true });
    await c.insertMany([{ name: 'a' }, { name: 'b' }, { code: 1 }]);
    await expect(c.insertOne({ code: 1 })).rejects.toMatchObject({ code: 11000 });
  });

  it('partial unique indexes only constrain matching documents', async () => {
    const c = h.coll('partial');
    await c.createIndex({ email: 1 }, { unique: true, partialFilterExpression: { active: true } });
    await c.insertMany([
      { email: 'a', active: false },
      { email: 'a', active: false },
      { email: 'a', active: true },
    ]);
    await expect(c.insertOne({ email: 'a', active: true })).rejects.toMatchObject({ code: 11000 });
    const ix = (await c.listIndexes().toArray())[1];
    expect(ix.partialFilterExpression).toEqual({ active: true });
  });

  it('insertMany reports writeErrors with indexes (ordered stops, unordered continues)', async () => {
    const c = h.coll('bulk');
    await c.insertOne({ _id: 2 });
    const ordered = await c.insertMany([{ _id: 1 }, { _id: 2 }, { _id: 3 }]).catch((e) => e);
    expect(ordered).toBeInstanceOf(MongoBulkWriteError);
    expect(ordered.result.insertedCount).toBe(1);
    expect(ordered.writeErrors[0].index).toBe(1);
    const unordered = await c.insertMany([{ _id: 4 }, { _id: 2 }, { _id: 5 }], { ordered: false }).catch((e) => e);
    expect(unordered.result.insertedCount).toBe(2);
    expect(await c.countDocuments()).toBe(4);
  });

  it('returns large results through getMore (> 101 documents) and large insertMany batches', async () => {
    const c = h.coll('big');
    await c.insertMany(Array.from({ length: 1500 }, (_, i) => ({ i, pad: 'x'.repeat(100) })));
    const all = await c.find({}, { sort: { i: 1 } }).toArray();
    expect(all).toHaveLength(1500);
    expect(all.map((d) => d.i)).toEqual(Array.from({ length: 1500 }, (_, i) => i));
    const cursor = c.find({ i: { $lt: 300 } }).batchSize(50);
    let n = 0;
    for await (const doc of cursor) if (doc) n++;
    expect(n).toBe(300);
  });

  it('pages with sort/skip/limit consistently', async () => {
    const c = h.coll('page');
    await c.insertMany(
      Array.from({ length: 95 }, (_, i) => ({ _id: i, score: i % 7, name: `n${String(i).padStart(3, '0')}` })),
    );
    await c.createIndex({ score: 1 });
    const seen: unknown[] = [];
    for (let page = 0; page < 10; page++) {
      const docs = await c
        .find({})
        .sort({ score: -1, name: 1 })
        .skip(page * 10)
        .limit(10)
        .toArray();
      seen.push(...docs.map((d) => d._id));
    }
    expect(seen).toHaveLength(95);
    expect(new Set(seen).size).toBe(95);
    const first = await c
      .find({ score: { $gte: 5 } })
      .sort({ score: 1 })
      .limit(3)
      .toArray();
    expect(first.map((d) => d.score)).toEqual([5, 5, 5]);
  });

  it('applies every update operator, including positional $, $[] and $[id] with arrayFilters', async () => {
    const c = h.coll('ops');
    await c.insertOne({
      _id: 1,
      a: 1,
      b: 2,
      c: 3,
      m: 5,
      arr: [1, 2, 3, 4],
      tags: ['x'],
      items: [
        { k: 'a', q: 1 },
        { k: 'b', q: 2 },
      ],
      old: 'r',
      d: { e: 1 },
    });
    await c.updateOne(
      { _id: 1 },
      {
        $set: { 'n.deep': 1 },
        $unset: { b: '' },
        $inc: { a: 2, z: 1 },
        $mul: { c: 2 },
        $min: { m: 3 },
        $max: { big: 10 },
        $rename: { old: 'renamed' },
        $currentDate: { touched: true },
      },
    );
    await c
      .updateOne({ _id: 1 }, {
        $push: { arr: { $each: [5, 6], $slice: -5 } },
        $addToSet: { tags: { $each: ['x', 'y'] } },
        $pop: { 'd.list': 1 },
      } as never)
      .catch(() => undefined);
    await c.updateOne({ _id: 1 }, { $pull: { arr: { $lt: 3 } }, $pullAll: { tags: ['y'] } } as never);
    await c.updateOne({ _id: 1, 'items.k': 'b' }, { $set: { 'items.$.q': 20 } });
    await c.updateOne({ _id: 1 }, { $inc: { 'items.$[].q': 1 } });
    await c.updateOne({ _id: 1 }, { $set: { 'items.$[it].flag': true } }, { arrayFilters: [{ 'it.q': { $gt: 5 } }] });
    const d = await c.findOne({ _id: 1 });
    expect(d).toMatchObject({
      a: 3,
      z: 1,
      c: 6,
      m: 3,
      big: 10,
      renamed: 'r',
      n: { deep: 1 },
      arr: [3, 4, 5, 6],
      tags: ['x'],
    });
    expect(d).not.toHaveProperty('b');
    expect(d).not.toHaveProperty('old');
    expect(d?.touched).toBeInstanceOf(Date);
    expect(d?.items).toEqual([
      { k: 'a', q: 2 },
      { k: 'b', q: 21, flag: true },
    ]);
  });

  it('supports pipeline updates and rejects unknown modifiers (9) and _id changes (66)', async () => {
    const c = h.coll('pipe');
    await c.insertOne({ _id: 1, a: 2, b: 3 });
    await c.updateOne({ _id: 1 }, [{ $set: { sum: { $add: ['$a', '$b'] } } }, { $unset: 'b' }]);
    expect(await c.findOne({ _id: 1 })).toEqual({ _id: 1, a: 2, sum: 5 });
    await expect(c.updateOne({ _id: 1 }, { $frob: { a: 1 } } as never)).rejects.toMatchObject({ code: 9 });
    await expect(c.updateOne({ _id: 1 }, { $set: { _id: 2 } })).rejects.toMatchObject({ code: 66 });
    await expect(c.replaceOne({ _id: 1 }, { _id: 3, a: 1 })).rejects.toMatchObject({ code: 66 });
  });

  it('upserts seed the document from the filter equality fields and $setOnInsert', async () => {
    const c = h.coll('ups');
    const r = await c.updateOne(
      { email: 'a@b', 'profile.kind': 'x', age: { $gt: 3 } },
      { $set: { name: 'A' }, $setOnInsert: { created: 1 } },
      { upsert: true },
    );
    expect(r.upsertedId).toBeInstanceOf(ObjectId);
    const d = await c.findOne({ _id: r.upsertedId ?? undefined });
    expect(d).toEqual({ _id: r.upsertedId, email: 'a@b', profile: { kind: 'x' }, name: 'A', created: 1 });
    await c.updateOne({ email: 'a@b' }, { $set: { name: 'B' }, $setOnInsert: { created: 2 } }, { upsert: true });
    expect((await c.findOne({ email: 'a@b' }))?.created).toBe(1);
  });

  it('expires documents through a TTL index', async () => {
    const c = h.coll('ttl');
    await c.createIndex({ expiresAt: 1 }, { expireAfterSeconds: 0 });
    await c.insertMany([
      { k: 'old', expiresAt: new Date(Date.now() - 1000) },
      { k: 'new', expiresAt: new Date(Date.now() + 3600_000) },
      { k: 'none' },
    ]);
    for (let i = 0; i < 200 && (await c.countDocuments()) > 2; i++) await new Promise((r) => setTimeout(r, 50));
    expect((await c.find().toArray()).map((d) => d.k).sort()).toEqual(['new', 'none']);
  });

  it('$text search with a text index, textScore projection and sort', async () => {
    const c = h.coll('text');
    await c.createIndex({ title: 'text', body: 'text' }, { weights: { title: 5 } });
    await c.insertMany([
      { _id: 1, title: 'Blood pressure', body: 'Morning readings of blood pressure' },
      { _id: 2, title: 'Heart rate', body: 'pressure was fine' },
      { _id: 3, title: 'Glucose', body: 'fasting glucose levels' },
    ]);
    const docs = await c
      .find({ $text: { $search: 'pressure' } }, { projection: { score: { $meta: 'textScore' } } })
      .sort({ score: { $meta: 'textScore' } })
      .toArray();
    expect(docs.map((d) => d._id)).toEqual([1, 2]);
    expect(docs[0].score).toBeGreaterThan(docs[1].score as number);
    expect((await c.find({ $text: { $search: 'glucose -fasting' } }).toArray()).length).toBe(0);
    expect((await c.find({ $text: { $search: '"blood pressure"' } }).toArray()).map((d) => d._id)).toEqual([1]);
    const ix = (await c.listIndexes().toArray())[1];
    expect(ix).toMatchObject({
      key: { _fts: 'text', _ftsx: 1 },
      weights: { body: 1, title: 5 },
      default_language: 'english',
      language_override: 'language',
      textIndexVersion: 3,
    });
    const agg = await c
      .aggregate([
        { $match: { $text: { $search: 'pressure' } } },
        { $sort: { score: { $meta: 'textScore' } } },
        { $project: { title: 1, score: { $meta: 'textScore' } } },
      ])
      .toArray();
    expect(agg.map((d) => d._id)).toEqual([1, 2]);
    expect(agg[0].score).toBe(docs[0].score);
    expect(Object.keys(agg[0]).sort()).toEqual(['_id', 'score', 'title']);
    await h.coll('notext').insertOne({ a: 'x' });
    await expect(
      h
        .coll('notext')
        .find({ $text: { $search: 'x' } })
        .toArray(),
    ).rejects.toMatchObject({ code: 27 });
  });

  it('aggregates with $match/$group/$lookup/$unwind/$facet/$sort/$project/$count', async () => {
    const users = h.coll('ag_users');
    const orders = h.coll('ag_orders');
    const u1 = new ObjectId();
    const u2 = new ObjectId();
    await users.insertMany([
      { _id: u1, name: 'ann' },
      { _id: u2, name: 'bob' },
    ]);
    await orders.insertMany([
      { user: u1, total: 10, items: ['a', 'b'] },
      { user: u1, total: 5, items: ['c'] },
      { user: u2, total: 7, items: [] },
    ]);
    const grouped = await orders
      .aggregate([{ $group: { _id: '$user', sum: { $sum: '$total' }, n: { $sum: 1 } } }, { $sort: { sum: -1 } }])
      .toArray();
    expect(grouped).toEqual([
      { _id: u1, sum: 15, n: 2 },
      { _id: u2, sum: 7, n: 1 },
    ]);
    const joined = await orders
      .aggregate([
        { $match: { total: { $gte: 5 } } },
        { $lookup: { from: 'ag_users', localField: 'user', foreignField: '_id', as: 'u' } },
        { $unwind: '$u' },
        { $unwind: '$items' },
        { $project: { _id: 0, name: '$u.name', item: '$items' } },
        { $sort: { item: 1 } },
      ])
      .toArray();
    expect(joined).toEqual([
      { name: 'ann', item: 'a' },
      { name: 'ann', item: 'b' },
      { name: 'ann', item: 'c' },
    ]);
    const [facet] = await orders
      .aggregate([
        {
          $facet: {
            count: [{ $count: 'n' }],
            top: [{ $sort: { total: -1 } }, { $limit: 1 }, { $project: { _id: 0, total: 1 } }],
          },
        },
      ])
      .toArray();
    expect(facet).toEqual({ count: [{ n: 3 }], top: [{ total: 10 }] });
    expect(await orders.countDocuments({ user: u1 })).toBe(2);
    const big = await orders
      .aggregate(
        [
          { $match: { $expr: { $gte: ['$total', '$$min'] } } },
          { $project: { _id: 0, total: 1 } },
          { $sort: { total: 1 } },
        ],
        { let: { min: 7 } },
      )
      .toArray();
    expect(big).toEqual([{ total: 7 }, { total: 10 }]);
  });

  it('handles many connections and interleaved reads/writes without losing writes', async () => {
    const c = h.coll('conc');
    await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        c
          .updateOne({ _id: 'counter' }, { $inc: { n: 1 }, $push: { seen: i } } as never, { upsert: true })
          .catch(() => c.updateOne({ _id: 'counter' }, { $inc: { n: 1 }, $push: { seen: i } } as never)),
      ),
    );
    const d = await c.findOne({ _id: 'counter' });
    expect(d?.n).toBe(100);
    expect((d?.seen as number[]).length).toBe(100);
  });
});
