/**
 * More conformance with MongoDB's documented behaviour (https://www.mongodb.com/docs/manual/...): aggregation
 * expressions and accumulators, update details, hints, validation levels and $out.
 */
import { ObjectId } from 'mongodb';
import { startHarness, type Harness, type LooseDoc } from './testing/harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness('documented-agg');
});
afterAll(() => h.close());

const load = (docs: LooseDoc[]) => h.load(docs);

describe('aggregation comparison expressions use the BSON order (reference/operator/aggregation/gt, ne, cmp)', () => {
  it('values of different types compare by type order; a missing field is distinct from null; ObjectIds and decimals by value', async () => {
    const { Decimal128 } = await import('mongodb');
    const id = new ObjectId();
    const c = await load([{ _id: 1, d: new Date(0), n: null, u: id, p: Decimal128.fromString('5.5') }]);
    const [doc] = await c
      .aggregate([
        {
          $project: {
            _id: 0,
            dateAboveNull: { $gt: ['$d', null] },
            dateAboveNumber: { $gt: ['$d', 5] },
            nullSet: { $gt: ['$n', null] },
            missingIsNotNull: { $eq: ['$zz', null] },
            missingNeNull: { $ne: ['$zz', null] },
            idEq: { $eq: ['$u', new ObjectId(id.toHexString())] },
            decimalCmp: { $cmp: ['$p', 5] },
            stringAboveNumber: { $lt: [5, 'a'] },
          },
        },
      ])
      .toArray();
    expect(doc).toEqual({
      dateAboveNull: true,
      dateAboveNumber: true,
      nullSet: false,
      missingIsNotNull: false,
      missingNeNull: true,
      idEq: true,
      decimalCmp: 1,
      stringAboveNumber: true,
    });
    expect(await c.countDocuments({ $expr: { $gt: ['$p', 5] } })).toBe(1);
  });
});

describe('$setWindowFields (reference/operator/aggregation/setWindowFields)', () => {
  it('computes running totals per partition, document numbers and ranks', async () => {
    const c = await load([
      { _id: 1, g: 'a', q: 2 },
      { _id: 2, g: 'a', q: 5 },
      { _id: 3, g: 'b', q: 1 },
      { _id: 4, g: 'a', q: 5 },
    ]);
    const out = await c
      .aggregate([
        {
          $setWindowFields: {
            partitionBy: '$g',
            sortBy: { _id: 1 },
            output: {
              total: { $sum: '$q', window: { documents: ['unbounded', 'current'] } },
              n: { $documentNumber: {} },
            },
          },
        },
        { $setWindowFields: { sortBy: { q: -1 }, output: { rank: { $rank: {} } } } },
        { $sort: { _id: 1 } },
        { $project: { _id: 1, total: 1, n: 1, rank: 1 } },
      ])
      .toArray();
    expect(out).toEqual([
      { _id: 1, total: 2, n: 1, rank: 3 },
      { _id: 2, total: 7, n: 2, rank: 1 },
      { _id: 3, total: 1, n: 1, rank: 4 },
      { _id: 4, total: 12, n: 3, rank: 1 },
    ]);
  });
});

describe('aggregation output field order (reference/operator/aggregation/project, bucket)', () => {
  it('$project keeps the document order with _id first and computed fields after; $bucket puts _id first', async () => {
    const c = await load([{ _id: 1, a: 1, b: 2, c: 3 }]);
    const [p] = await c.aggregate([{ $project: { c: 1, a: 1, s: { $add: ['$a', '$b'] } } }]).toArray();
    expect(Object.keys(p)).toEqual(['_id', 'a', 'c', 's']);
    const [b] = await c
      .aggregate([{ $bucket: { groupBy: '$a', boundaries: [0, 5], output: { n: { $sum: 1 } } } }])
      .toArray();
    expect(Object.keys(b)).toEqual(['_id', 'n']);
  });
});

describe('$sum/$avg/$min/$max on BSON numbers (reference/operator/aggregation/sum, avg, min, max)', () => {
  it('Decimal128 amounts add up exactly as decimals; $min/$max use the BSON order and ignore null and missing', async () => {
    const { Decimal128 } = await import('mongodb');
    const c = await load([
      { _id: 1, amount: Decimal128.fromString('0.1'), n: 1, v: null },
      { _id: 2, amount: Decimal128.fromString('0.2'), n: 'x', v: 5 },
      { _id: 3, amount: Decimal128.fromString('10.25'), n: 3 },
    ]);
    const [g] = await c
      .aggregate([
        {
          $group: {
            _id: null,
            total: { $sum: '$amount' },
            avg: { $avg: '$n' },
            min: { $min: '$v' },
            max: { $max: '$n' },
            cnt: { $sum: 1 },
          },
        },
      ])
      .toArray();
    expect(g['total']).toBeInstanceOf(Decimal128);
    expect(g['total'].toString()).toBe('10.55');
    expect({ avg: g['avg'], min: g['min'], max: g['max'], cnt: g['cnt'] }).toEqual({
      avg: 2,
      min: 5,
      max: 'x',
      cnt: 3,
    });
  });
});

describe('$addToSet duplicates (reference/operator/update/addToSet)', () => {
  it('an embedded document is a duplicate only with the same fields in the same order; ObjectIds and numbers compare by value', async () => {
    const id = new ObjectId();
    const c = await load([{ _id: 1, docs: [{ a: 1, b: 2 }], ids: [id], n: [1] }]);
    const r = await c.updateOne(
      { _id: 1 },
      {
        $addToSet: {
          docs: {
            $each: [
              { a: 1, b: 2 },
              { b: 2, a: 1 },
            ],
          },
          ids: new ObjectId(id.toHexString()),
          n: 1.0,
        },
      },
    );
    expect(r.modifiedCount).toBe(1);
    expect(await c.findOne({ _id: 1 })).toEqual({
      _id: 1,
      docs: [
        { a: 1, b: 2 },
        { b: 2, a: 1 },
      ],
      ids: [id],
      n: [1],
    });
    const again = await c.updateOne({ _id: 1 }, { $addToSet: { ids: id } });
    expect(again.modifiedCount).toBe(0);
  });
});

describe('$week and $isoWeekYear (reference/operator/aggregation/week, isoWeekYear)', () => {
  it('$week counts from the first Sunday (week 0 before it); $isoWeekYear is the ISO week-numbering year', async () => {
    const c = await load([
      { _id: 1, d: new Date('2024-03-05T10:00:00Z') },
      { _id: 2, d: new Date('2024-12-30T10:00:00Z') },
      { _id: 3, d: new Date('2021-01-01T10:00:00Z') },
    ]);
    const out = await c
      .aggregate([
        { $sort: { _id: 1 } },
        {
          $project: {
            _id: 0,
            w: { $week: '$d' },
            iw: { $isoWeek: '$d' },
            iy: { $isoWeekYear: '$d' },
            tz: { $week: { date: '$d', timezone: '-12:00' } },
          },
        },
      ])
      .toArray();
    expect(out).toEqual([
      { w: 9, iw: 10, iy: 2024, tz: 9 },
      { w: 52, iw: 1, iy: 2025, tz: 52 },
      { w: 0, iw: 53, iy: 2020, tz: 52 },
    ]);
  });
});

describe('array expression argument errors (reference/operator/aggregation/size, in)', () => {
  it('$size of a non-array (missing included) fails with 17124; $in with a non-array second argument with 40081', async () => {
    const c = await load([{ _id: 1, tags: ['a'], s: 'x' }]);
    expect(
      await c.aggregate([{ $project: { _id: 0, n: { $size: '$tags' }, has: { $in: ['a', '$tags'] } } }]).toArray(),
    ).toEqual([{ n: 1, has: true }]);
    await expect(c.aggregate([{ $project: { n: { $size: '$missing' } } }]).toArray()).rejects.toMatchObject({
      code: 17124,
    });
    await expect(c.aggregate([{ $project: { n: { $size: '$s' } } }]).toArray()).rejects.toMatchObject({ code: 17124 });
    await expect(c.aggregate([{ $project: { n: { $in: ['a', '$missing'] } } }]).toArray()).rejects.toMatchObject({
      code: 40081,
    });
  });
});

describe('dollar-prefixed field names (core/dot-dollar-considerations/dollar-prefix)', () => {
  it('an insert may use $-prefixed field names at the top level and nested; a replacement may not', async () => {
    const c = await load([]);
    await c.insertOne({ _id: 1, $price: 50, location: { $db: 'novels', $inc: true } });
    expect(await c.findOne({ _id: 1 })).toEqual({ _id: 1, $price: 50, location: { $db: 'novels', $inc: true } });
    const r = await h.db.command({ update: c.collectionName, updates: [{ q: { _id: 1 }, u: { $price: 1, a: 1 } }] });
    expect(r['writeErrors']?.[0]?.code).toBe(9);
  });
});

describe('hint (reference/method/cursor.hint)', () => {
  it('a hint naming no existing index fails with 2 BadValue; an existing name, key pattern or $natural is accepted', async () => {
    const c = await load([{ _id: 1, a: 1 }]);
    await c.createIndex({ a: 1 });
    expect(await c.find({ a: 1 }).hint('a_1').toArray()).toEqual([{ _id: 1, a: 1 }]);
    expect(await c.find({ a: 1 }).hint({ a: 1 }).toArray()).toHaveLength(1);
    expect(await c.find({}).hint({ $natural: 1 }).toArray()).toHaveLength(1);
    await expect(c.find({}).hint('b_1').toArray()).rejects.toMatchObject({ code: 2 });
    await expect(c.countDocuments({}, { hint: { b: 1 } })).rejects.toMatchObject({ code: 2 });
    await expect(c.updateOne({ a: 1 }, { $set: { b: 1 } }, { hint: 'nope' })).rejects.toMatchObject({ code: 2 });
  });
});

describe('validationLevel moderate (core/schema-validation/specify-validation-level)', () => {
  it('updates to documents that were already invalid are not validated; updates to valid ones are', async () => {
    const c = await load([
      { _id: 1, n: -1 },
      { _id: 2, n: 1 },
    ]);
    await h.db.command({ collMod: c.collectionName, validator: { n: { $gte: 0 } }, validationLevel: 'moderate' });
    await c.updateOne({ _id: 1 }, { $set: { n: -2 } });
    await expect(c.updateOne({ _id: 2 }, { $set: { n: -2 } })).rejects.toMatchObject({ code: 121 });
    await expect(c.insertOne({ _id: 3, n: -5 })).rejects.toMatchObject({ code: 121 });
    expect(await c.find().sort({ _id: 1 }).toArray()).toEqual([
      { _id: 1, n: -2 },
      { _id: 2, n: 1 },
    ]);
  });
});

describe('$out (reference/operator/aggregation/out)', () => {
  it('replaces the target documents but keeps its indexes; a duplicate key leaves the target unchanged', async () => {
    const src = await load([
      { _id: 1, k: 'a' },
      { _id: 2, k: 'b' },
    ]);
    const target = await load([{ _id: 9, k: 'z' }]);
    await target.createIndex({ k: 1 }, { unique: true });
    await src.aggregate([{ $out: target.collectionName }]).toArray();
    expect(await target.find().sort({ _id: 1 }).toArray()).toEqual([
      { _id: 1, k: 'a' },
      { _id: 2, k: 'b' },
    ]);
    expect((await target.listIndexes().toArray()).map((i) => i.name)).toEqual(['_id_', 'k_1']);
    await src.insertOne({ _id: 3, k: 'a' });
    await expect(src.aggregate([{ $out: target.collectionName }]).toArray()).rejects.toMatchObject({ code: 11000 });
    expect(await target.countDocuments()).toBe(2);
    expect((await h.db.listCollections({}, { nameOnly: true }).toArray()).some((c) => c.name.startsWith('tmp.'))).toBe(
      false,
    );
  });
});

describe('query $all and $comment (reference/operator/query/all, comment)', () => {
  it('$all with an array value also matches a field equal to that array; $elemMatch values are element conditions', async () => {
    const docs = [
      { _id: 1, t: [['a', 'b'], 'c'] },
      { _id: 2, t: ['a', 'b'] },
      { _id: 3, t: [{ q: 1 }, { q: 5 }] },
    ];
    const c = await load(docs);
    expect(
      (
        await c
          .find({ t: { $all: [['a', 'b']] } })
          .sort({ _id: 1 })
          .toArray()
      ).map((d) => d._id),
    ).toEqual([1, 2]);
    expect((await c.find({ t: { $all: ['a', 'b'] } }).toArray()).map((d) => d._id)).toEqual([2]);
    expect(
      (await c.find({ t: { $all: [{ $elemMatch: { q: { $gt: 4 } } }, { $elemMatch: { q: 1 } }] } }).toArray()).map(
        (d) => d._id,
      ),
    ).toEqual([3]);
    expect(await c.find({ t: { $all: [] } }).toArray()).toEqual([]);
  });
  it('a $comment in a filter is accepted and does not affect matching', async () => {
    const c = await load([
      { _id: 1, a: 1 },
      { _id: 2, a: 2 },
    ]);
    expect(await c.find({ a: 1, $comment: 'tagged query' }).toArray()).toEqual([{ _id: 1, a: 1 }]);
    expect(await c.countDocuments({ $comment: 'only a comment' })).toBe(2);
  });
});
