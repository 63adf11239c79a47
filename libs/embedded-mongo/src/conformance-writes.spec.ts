/**
 * Conformance with MongoDB's documented behaviour: updates, projection, writes and aggregation. Each case cites
 * the manual page it follows (https://www.mongodb.com/docs/manual/...); conformance.spec.ts holds the queries.
 */
import { Decimal128, Long, ObjectId, type UpdateOptions } from 'mongodb';
import { startHarness, type Harness, type LooseDoc } from './testing/harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness('conf-w');
});
afterAll(() => h.close());

const load = (docs: LooseDoc[]) => h.load(docs);
async function updated(
  doc: LooseDoc,
  update: LooseDoc | LooseDoc[],
  options: UpdateOptions = {},
): Promise<LooseDoc | null> {
  const c = await load([doc]);
  await c.updateOne({ _id: doc._id as number }, update as never, options);
  return c.findOne({ _id: doc._id as number });
}

describe('update operators (reference/operator/update)', () => {
  it('$set creates embedded documents for missing path components', async () =>
    expect(await updated({ _id: 1 }, { $set: { 'a.b.c': 1 } })).toEqual({ _id: 1, a: { b: { c: 1 } } }));
  it('$set with an array index path updates that element', async () =>
    expect(await updated({ _id: 1, a: [{ x: 1 }, { x: 2 }] }, { $set: { 'a.1.x': 9 } })).toEqual({
      _id: 1,
      a: [{ x: 1 }, { x: 9 }],
    }));
  it('$inc on a missing field creates it with the increment', async () =>
    expect(await updated({ _id: 1 }, { $inc: { n: 5 } })).toEqual({ _id: 1, n: 5 }));
  it('$inc on a non-numeric or null field is an error (14) and changes nothing', async () => {
    const c = await load([{ _id: 1, a: 'x', n: null }]);
    await expect(c.updateOne({ _id: 1 }, { $inc: { a: 1 } })).rejects.toMatchObject({ code: 14 });
    await expect(c.updateOne({ _id: 1 }, { $inc: { n: 1 } })).rejects.toMatchObject({ code: 14 });
    expect(await c.findOne({ _id: 1 })).toEqual({ _id: 1, a: 'x', n: null });
  });
  it('$push on a non-array field is an error (2); $set through a scalar is PathNotViable (28)', async () => {
    const c = await load([{ _id: 1, a: 'x' }]);
    await expect(c.updateOne({ _id: 1 }, { $push: { a: 1 } } as never)).rejects.toMatchObject({ code: 2 });
    await expect(c.updateOne({ _id: 1 }, { $set: { 'a.b': 1 } })).rejects.toMatchObject({ code: 28 });
    expect(await c.findOne({ _id: 1 })).toEqual({ _id: 1, a: 'x' });
  });
  it('$inc and $mul on Decimal128 are exact decimal arithmetic', async () => {
    const d = await updated(
      { _id: 1, a: Decimal128.fromString('0.1'), b: Decimal128.fromString('1.5') },
      { $inc: { a: Decimal128.fromString('0.2') }, $mul: { b: 3 } },
    );
    expect(String(d?.a)).toBe('0.3');
    expect(String(d?.b)).toBe('4.5');
  });
  it('$inc on a 64-bit integer beyond 2^53 is exact', async () => {
    const d = await updated({ _id: 1, n: Long.fromString('9007199254740993') }, { $inc: { n: 2 } });
    expect(String(d?.n)).toBe('9007199254740995');
  });
  it('$min/$max compare with the BSON order (numbers below strings)', async () =>
    expect(await updated({ _id: 1, a: 'x', b: 'x' }, { $min: { a: 1 }, $max: { b: 1 } })).toEqual({
      _id: 1,
      a: 1,
      b: 'x',
    }));
  it('$mul on a missing field creates it with 0', async () =>
    expect(await updated({ _id: 1 }, { $mul: { n: 5 } })).toEqual({ _id: 1, n: 0 }));
  it('$unset removes the field and is a no-op when it is missing', async () =>
    expect(await updated({ _id: 1, a: 1, b: 2 }, { $unset: { a: '', zz: '' } })).toEqual({ _id: 1, b: 2 }));
  it('$min/$max only replace when the new value is smaller/larger', async () =>
    expect(await updated({ _id: 1, lo: 5, hi: 5 }, { $min: { lo: 7 }, $max: { hi: 9 } })).toEqual({
      _id: 1,
      lo: 5,
      hi: 9,
    }));
  it('$rename moves a field', async () =>
    expect(await updated({ _id: 1, a: 1 }, { $rename: { a: 'b' } })).toEqual({ _id: 1, b: 1 }));
  it('$push appends, creating the array when missing', async () =>
    expect(await updated({ _id: 1 }, { $push: { a: 1 } })).toEqual({ _id: 1, a: [1] }));
  it('$push with $each/$sort/$slice on a missing field creates the sorted, sliced array', async () =>
    expect(await updated({ _id: 1 }, { $push: { a: { $each: [3, 1, 2], $sort: 1, $slice: 2 } } })).toEqual({
      _id: 1,
      a: [1, 2],
    }));
  it('$push with $position inserts at the index', async () =>
    expect(await updated({ _id: 1, a: [1, 4] }, { $push: { a: { $each: [2, 3], $position: 1 } } })).toEqual({
      _id: 1,
      a: [1, 2, 3, 4],
    }));
  it('$addToSet adds only missing values ($each)', async () =>
    expect(await updated({ _id: 1, a: [1, 2] }, { $addToSet: { a: { $each: [2, 3, 3] } } })).toEqual({
      _id: 1,
      a: [1, 2, 3],
    }));
  it('$pull removes every element matching a condition', async () =>
    expect(await updated({ _id: 1, a: [1, 5, 2, 6, 5] }, { $pull: { a: { $gte: 5 } } })).toEqual({
      _id: 1,
      a: [1, 2],
    }));
  it('$pull with a document condition removes matching embedded documents', async () =>
    expect(await updated({ _id: 1, a: [{ k: 1, v: 1 }, { k: 2 }] }, { $pull: { a: { k: 1 } } })).toEqual({
      _id: 1,
      a: [{ k: 2 }],
    }));
  it('$pullAll removes all listed values', async () =>
    expect(await updated({ _id: 1, a: [0, 2, 5, 5, 1, 0] }, { $pullAll: { a: [0, 5] } })).toEqual({
      _id: 1,
      a: [2, 1],
    }));
  it('$pop removes the first (-1) or last (1) element', async () =>
    expect(await updated({ _id: 1, a: [1, 2, 3], b: [1, 2, 3] }, { $pop: { a: -1, b: 1 } })).toEqual({
      _id: 1,
      a: [2, 3],
      b: [1, 2],
    }));
  it('positional $ updates the first matched element', async () => {
    const c = await load([{ _id: 1, grades: [80, 85, 90] }]);
    await c.updateOne({ _id: 1, grades: 85 }, { $set: { 'grades.$': 82 } });
    expect(await c.findOne({ _id: 1 })).toEqual({ _id: 1, grades: [80, 82, 90] });
  });
  it('$[] updates every element; $[id] those matching arrayFilters', async () => {
    expect(await updated({ _id: 1, g: [1, 2, 3] }, { $inc: { 'g.$[]': 10 } })).toEqual({ _id: 1, g: [11, 12, 13] });
    expect(
      await updated({ _id: 1, g: [95, 92, 100] }, { $set: { 'g.$[e]': 100 } }, { arrayFilters: [{ e: { $gte: 95 } }] }),
    ).toEqual({ _id: 1, g: [100, 92, 100] });
  });
  it('a replacement document keeps the _id', async () => {
    const c = await load([{ _id: 1, a: 1, b: 2 }]);
    await c.replaceOne({ _id: 1 }, { c: 3 });
    expect(await c.findOne({ _id: 1 })).toEqual({ _id: 1, c: 3 });
  });
  it('_id is immutable (code 66)', async () => {
    const c = await load([{ _id: 1 }]);
    await expect(c.updateOne({ _id: 1 }, { $set: { _id: 2 } })).rejects.toMatchObject({ code: 66 });
  });
  it('an unknown update operator is rejected (code 9)', async () => {
    const c = await load([{ _id: 1 }]);
    await expect(c.updateOne({ _id: 1 }, { $nope: { a: 1 } } as never)).rejects.toMatchObject({ code: 9 });
  });
  it('updateOne changes one document; nModified counts only real changes', async () => {
    const c = await load([
      { _id: 1, a: 1 },
      { _id: 2, a: 1 },
    ]);
    const one = await c.updateOne({ a: 1 }, { $set: { b: 1 } });
    expect([one.matchedCount, one.modifiedCount]).toEqual([1, 1]);
    const same = await c.updateMany({ a: 1 }, { $set: { a: 1 } });
    expect([same.matchedCount, same.modifiedCount]).toEqual([2, 0]);
  });
  it('upsert inserts the equality fields of the query plus the update; operator conditions are not copied', async () => {
    const c = await load([]);
    const r = await c.updateOne(
      { name: 'x', qty: { $gt: 5 }, 'meta.kind': 'k' },
      { $set: { done: true }, $setOnInsert: { created: 1 } },
      { upsert: true },
    );
    expect(await c.findOne({ _id: r.upsertedId ?? undefined }, { projection: { _id: 0 } })).toEqual({
      name: 'x',
      meta: { kind: 'k' },
      done: true,
      created: 1,
    });
  });
  it('$setOnInsert has no effect when the upsert updates an existing document', async () =>
    expect(await updated({ _id: 1, a: 1 }, { $set: { b: 1 }, $setOnInsert: { c: 1 } }, { upsert: true })).toEqual({
      _id: 1,
      a: 1,
      b: 1,
    }));
  it('an upsert with a replacement document uses the query _id', async () => {
    const c = await load([]);
    await c.replaceOne({ _id: 7 }, { v: 1 }, { upsert: true });
    expect(await c.findOne({ _id: 7 })).toEqual({ _id: 7, v: 1 });
  });
});

describe('projection (tutorial/project-fields-from-query-results)', () => {
  const doc = { _id: 1, item: 'journal', size: { h: 14, uom: 'cm' }, tags: [1, 2, 3, 4] };
  it('an inclusion projection returns the listed fields and _id', async () =>
    expect(await (await load([doc])).findOne({}, { projection: { item: 1, 'size.uom': 1 } })).toEqual({
      _id: 1,
      item: 'journal',
      size: { uom: 'cm' },
    }));
  it('_id: 0 suppresses _id', async () =>
    expect(await (await load([doc])).findOne({}, { projection: { item: 1, _id: 0 } })).toEqual({ item: 'journal' }));
  it('an exclusion projection returns all other fields', async () =>
    expect(await (await load([doc])).findOne({}, { projection: { size: 0, tags: 0 } })).toEqual({
      _id: 1,
      item: 'journal',
    }));
  it('a projection with only $slice returns all other fields too', async () =>
    expect(await (await load([doc])).findOne({}, { projection: { tags: { $slice: -2 } } })).toEqual({
      ...doc,
      tags: [3, 4],
    }));
  it('the positional projection field.$ returns the first element matching the query', async () => {
    const c = await load([{ _id: 1, grades: [80, 85, 90] }]);
    expect(await c.findOne({ grades: { $gte: 85 } }, { projection: { 'grades.$': 1 } })).toEqual({
      _id: 1,
      grades: [85],
    });
  });
  it('$elemMatch in a projection returns the first matching element', async () => {
    const c = await load([
      {
        _id: 1,
        items: [
          { k: 'a', v: 1 },
          { k: 'b', v: 2 },
        ],
      },
    ]);
    expect(await c.findOne({}, { projection: { items: { $elemMatch: { k: 'b' } } } })).toEqual({
      _id: 1,
      items: [{ k: 'b', v: 2 }],
    });
  });
  it('mixing inclusion and exclusion is an error (31254)', async () => {
    const c = await load([doc]);
    await expect(c.findOne({}, { projection: { item: 1, size: 0 } })).rejects.toMatchObject({ code: 31254 });
  });
});

describe('writes and indexes (core/index-unique, reference/command/distinct)', () => {
  it('a duplicate key error names the collection, index and key', async () => {
    const c = await load([{ _id: 1, email: 'a@b.c' }]);
    await c.createIndex({ email: 1 }, { unique: true });
    const err = await c.insertOne({ email: 'a@b.c' }).catch((e) => e);
    expect(err.code).toBe(11000);
    expect(err.message).toBe(
      `E11000 duplicate key error collection: conf-w.${c.collectionName} index: email_1 dup key: { email: "a@b.c" }`,
    );
    expect(err.keyPattern).toEqual({ email: 1 });
    expect(err.keyValue).toEqual({ email: 'a@b.c' });
  });
  it('a unique index on an array field treats each element as a key', async () => {
    const c = await load([{ _id: 1, tags: ['a', 'b'] }]);
    await c.createIndex({ tags: 1 }, { unique: true });
    await expect(c.insertOne({ _id: 2, tags: ['c', 'b'] })).rejects.toMatchObject({ code: 11000 });
    await c.insertOne({ _id: 3, tags: ['c'] });
  });
  it('an inserted document without _id gets an ObjectId _id as its first field', async () => {
    const c = await load([]);
    await h.db.command({ insert: c.collectionName, documents: [{ a: 1 }] });
    const d = await c.findOne({});
    expect(d?._id).toBeInstanceOf(ObjectId);
    expect(Object.keys(d ?? {})[0]).toBe('_id');
  });
  it('distinct flattens array values', async () =>
    expect(
      (
        await (
          await load([
            { _id: 1, t: ['a', 'b'] },
            { _id: 2, t: 'a' },
            { _id: 3, t: ['c'] },
          ])
        ).distinct('t')
      ).sort(),
    ).toEqual(['a', 'b', 'c']));
  it('$group groups equal ObjectIds together', async () => {
    const a = new ObjectId();
    const c = await load([
      { _id: 1, u: a, n: 1 },
      { _id: 2, u: new ObjectId(a.toHexString()), n: 2 },
    ]);
    expect(await c.aggregate([{ $group: { _id: '$u', t: { $sum: '$n' } } }]).toArray()).toEqual([{ _id: a, t: 3 }]);
  });
});

describe('aggregation: $lookup equality match with a pipeline (operator/aggregation/lookup, MongoDB 5.0+)', () => {
  it('joins on localField/foreignField and runs the pipeline on the matches only', async () => {
    const from = await load([
      { _id: 10, name: 'a', x: 1 },
      { _id: 20, name: 'b', x: 2 },
      { _id: 30, name: 'c', x: 3 },
    ]);
    const c = await load([{ _id: 1, u: 10 }, { _id: 2, u: [20, 30] }, { _id: 3 }]);
    const out = await c
      .aggregate([
        {
          $lookup: {
            from: from.collectionName,
            localField: 'u',
            foreignField: '_id',
            as: 'x',
            pipeline: [{ $project: { name: 1 } }],
          },
        },
        { $sort: { _id: 1 } },
      ])
      .toArray();
    expect(out.map((d) => (d['x'] as LooseDoc[]).map((j) => j['name']))).toEqual([['a'], ['b', 'c'], []]);
    expect((out[0]['x'] as LooseDoc[])[0]).toEqual({ _id: 10, name: 'a' });
  });

  it('keeps let variables usable in the pipeline', async () => {
    const from = await load([
      { _id: 10, n: 1 },
      { _id: 11, n: 5 },
    ]);
    const c = await load([{ _id: 1, u: [10, 11], min: 2 }]);
    const out = await c
      .aggregate([
        {
          $lookup: {
            from: from.collectionName,
            localField: 'u',
            foreignField: '_id',
            let: { m: '$min' },
            pipeline: [{ $match: { $expr: { $gte: ['$n', '$$m'] } } }],
            as: 'x',
          },
        },
      ])
      .toArray();
    expect((out[0]['x'] as LooseDoc[]).map((d) => d['_id'])).toEqual([11]);
  });
});

describe('projection: _id alone (tutorial/project-fields-from-query-results)', () => {
  it('{_id: 1} returns only _id', async () => {
    const c = await load([{ _id: 1, a: 1, b: 2 }]);
    expect(await c.find({}, { projection: { _id: 1 } }).toArray()).toEqual([{ _id: 1 }]);
  });
  it('{_id: 0} returns everything but _id', async () => {
    const c = await load([{ _id: 1, a: 1, b: 2 }]);
    expect(await c.find({}, { projection: { _id: 0 } }).toArray()).toEqual([{ a: 1, b: 2 }]);
  });
});

describe('aggregation: a leading $match, $sort, $limit behaves as find().sort().limit() (reference/operator/aggregation/sort)', () => {
  it('returns the same documents in the same order, with and without an index on the sort fields', async () => {
    const docs = Array.from({ length: 60 }, (_, i) => ({
      _id: i,
      g: i % 2,
      at: i % 7 === 0 ? null : i % 3 === 0 ? `s${i % 10}` : i % 11,
    }));
    const c = await load(docs);
    const run = () =>
      Promise.all([
        c.aggregate([{ $match: { g: 1 } }, { $sort: { at: -1, _id: -1 } }, { $limit: 12 }]).toArray(),
        c.find({ g: 1 }).sort({ at: -1, _id: -1 }).limit(12).toArray(),
        c.aggregate([{ $match: { g: 0 } }, { $sort: { at: 1, _id: 1 } }, { $project: { _id: 1 } }]).toArray(),
        c
          .find({ g: 0 }, { projection: { _id: 1 } })
          .sort({ at: 1, _id: 1 })
          .toArray(),
      ]);
    const [a1, f1, a2, f2] = await run();
    expect(a1).toEqual(f1);
    expect(a1).toHaveLength(12);
    expect(a2).toEqual(f2);
    await c.createIndex({ g: 1, at: -1, _id: -1 });
    const [b1, g1, b2, g2] = await run();
    expect({ b1, g1, b2, g2 }).toEqual({ b1: a1, g1: f1, b2: a2, g2: f2 });
  });
});
