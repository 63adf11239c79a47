/**
 * Conformance with MongoDB's documented behaviour: queries and sort. Each case cites the manual page it follows
 * (https://www.mongodb.com/docs/manual/...) and expects the result the manual documents.
 */
import { Binary, Decimal128, Long, MinKey, MaxKey, ObjectId, UUID } from 'mongodb';
import { startHarness, type Harness, type LooseDoc } from './testing/harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness('conf');
});
afterAll(() => h.close());

const load = (docs: LooseDoc[]) => h.load(docs);
async function ids(docs: LooseDoc[], filter: LooseDoc): Promise<unknown[]> {
  const c = await load(docs);
  return (await c.find(filter).sort({ _id: 1 }).toArray()).map((d) => d._id);
}

describe('query: null, missing and existence (tutorial/query-for-null-fields)', () => {
  const docs = [{ _id: 1, item: null }, { _id: 2 }, { _id: 3, item: 'x' }];
  it('{item: null} matches documents where item is null or missing', async () =>
    expect(await ids(docs, { item: null })).toEqual([1, 2]));
  it('{item: {$exists: false}} matches only documents without the field', async () =>
    expect(await ids(docs, { item: { $exists: false } })).toEqual([2]));
  it('{item: {$exists: true}} includes documents where the field is null', async () =>
    expect(await ids(docs, { item: { $exists: true } })).toEqual([1, 3]));
  it('{item: {$type: 10}} ("null") matches only an explicit null', async () =>
    expect(await ids(docs, { item: { $type: 'null' } })).toEqual([1]));
  it('$ne selects documents whose field differs, including those without the field (operator/query/ne)', async () =>
    expect(await ids(docs, { item: { $ne: 'x' } })).toEqual([1, 2]));
  it('$nin selects documents whose field is not in the list or does not exist (operator/query/nin)', async () =>
    expect(await ids(docs, { item: { $nin: ['x'] } })).toEqual([1, 2]));
  it('$in with null matches missing fields too', async () =>
    expect(await ids(docs, { item: { $in: [null, 'x'] } })).toEqual([1, 2, 3]));
  it('$not matches documents that do not contain the field (operator/query/not)', async () =>
    expect(await ids([{ _id: 1, p: 1 }, { _id: 2, p: 5 }, { _id: 3 }], { p: { $not: { $gt: 2 } } })).toEqual([1, 3]));
});

describe('query: arrays (tutorial/query-arrays, query-array-of-documents)', () => {
  const inv = [
    { _id: 1, tags: ['blank', 'red'], dim: [14, 21] },
    { _id: 2, tags: ['red', 'blank'], dim: [22.85, 30] },
    { _id: 3, tags: ['red', 'blank', 'plain'], dim: [10, 15.25] },
    { _id: 4, tags: ['blank', 'red', 'plain'], dim: [14, 21] },
    { _id: 5, tags: ['blue'], dim: [10, 15.25] },
  ];
  it('an array field matches a scalar it contains', async () =>
    expect(await ids(inv, { tags: 'red' })).toEqual([1, 2, 3, 4]));
  it('an array value matches the exact array, order included', async () =>
    expect(await ids(inv, { tags: ['red', 'blank'] })).toEqual([2]));
  it('$all matches arrays containing all elements regardless of order', async () =>
    expect(await ids(inv, { tags: { $all: ['red', 'blank'] } })).toEqual([1, 2, 3, 4]));
  it('compound range conditions on an array can be met by different elements', async () =>
    expect(await ids(inv, { dim: { $gt: 15, $lt: 20 } })).toEqual([1, 3, 4, 5]));
  it('with an index on the array field, range conditions still match across elements', async () => {
    const c = await load(inv);
    await c.createIndex({ dim: 1 });
    expect(
      (
        await c
          .find({ dim: { $gt: 15, $lt: 20 } })
          .sort({ _id: 1 })
          .toArray()
      ).map((d) => d._id),
    ).toEqual([1, 3, 4, 5]);
    expect(
      (
        await c
          .find({ dim: { $elemMatch: { $gt: 15, $lt: 20 } } })
          .sort({ _id: 1 })
          .toArray()
      ).map((d) => d._id),
    ).toEqual([3, 5]);
  });
  it('$elemMatch requires one element to meet all conditions', async () =>
    expect(await ids(inv, { dim: { $elemMatch: { $gt: 22, $lt: 30 } } })).toEqual([2]));
  it('an index position path matches that element (dim.1 > 25)', async () =>
    expect(await ids(inv, { 'dim.1': { $gt: 25 } })).toEqual([2]));
  it('$size matches the array length', async () => expect(await ids(inv, { tags: { $size: 3 } })).toEqual([3, 4]));
  const stock = [
    {
      _id: 1,
      instock: [
        { wh: 'A', qty: 5 },
        { wh: 'C', qty: 15 },
      ],
    },
    { _id: 2, instock: [{ wh: 'C', qty: 5 }] },
    {
      _id: 3,
      instock: [
        { wh: 'A', qty: 60 },
        { wh: 'B', qty: 15 },
      ],
    },
  ];
  it('a dotted path reaches into every document of an array', async () =>
    expect(await ids(stock, { 'instock.qty': { $lte: 5 } })).toEqual([1, 2]));
  it('a path with an index reaches one array element', async () =>
    expect(await ids(stock, { 'instock.0.qty': { $lte: 5 } })).toEqual([1, 2]));
  it('$elemMatch on documents applies all criteria to one element', async () =>
    expect(await ids(stock, { instock: { $elemMatch: { qty: 5, wh: 'A' } } })).toEqual([1]));
  it('without $elemMatch the criteria may match different elements', async () =>
    expect(await ids(stock, { 'instock.qty': 5, 'instock.wh': 'A' })).toEqual([1]));
  it('an embedded document in an array matches only an exact (ordered) document', async () => {
    expect(await ids(stock, { instock: { wh: 'A', qty: 5 } })).toEqual([1]);
    expect(await ids(stock, { instock: { qty: 5, wh: 'A' } })).toEqual([]);
  });
});

describe('query: embedded documents and types (tutorial/query-embedded-documents, operator/query/type)', () => {
  it('embedded document equality needs the exact fields in the same order', async () => {
    const docs = [{ _id: 1, size: { h: 14, w: 21, uom: 'cm' } }];
    expect(await ids(docs, { size: { h: 14, w: 21, uom: 'cm' } })).toEqual([1]);
    expect(await ids(docs, { size: { w: 21, h: 14, uom: 'cm' } })).toEqual([]);
    expect(await ids(docs, { 'size.uom': 'cm' })).toEqual([1]);
  });
  it('comparison operators only match values of the same BSON type bracket', async () =>
    expect(
      await ids(
        [
          { _id: 1, a: 5 },
          { _id: 2, a: '7' },
          { _id: 3, a: null },
        ],
        { a: { $gt: 1 } },
      ),
    ).toEqual([1]));
  it('numbers compare by value across int, double, long and decimal', async () => {
    const docs = [
      { _id: 1, n: 1 },
      { _id: 2, n: 2.5 },
      { _id: 3, n: Long.fromNumber(3) },
      { _id: 4, n: Decimal128.fromString('4.5') },
    ];
    expect(await ids(docs, { n: { $gte: 2.5, $lte: 4 } })).toEqual([2, 3]);
    expect(await ids(docs, { n: 3 })).toEqual([3]);
  });
  it('$type "number" matches every numeric type; "string" and "array" match their types', async () => {
    const docs = [
      { _id: 1, v: 1 },
      { _id: 2, v: 1.5 },
      { _id: 3, v: 'a' },
      { _id: 4, v: [1] },
      { _id: 5, v: new ObjectId() },
    ];
    expect(await ids(docs, { v: { $type: 'number' } })).toEqual([1, 2, 4]);
    expect(await ids(docs, { v: { $type: 'string' } })).toEqual([3]);
    expect(await ids(docs, { v: { $type: 'array' } })).toEqual([4]);
    expect(await ids(docs, { v: { $type: 'objectId' } })).toEqual([5]);
  });
  it('ObjectIds and Dates compare by value ($in, $gt)', async () => {
    const a = new ObjectId();
    const b = new ObjectId();
    const docs = [
      { _id: 1, ref: a, at: new Date('2024-01-01') },
      { _id: 2, ref: b, at: new Date('2025-01-01') },
    ];
    expect(await ids(docs, { ref: { $in: [new ObjectId(a.toHexString())] } })).toEqual([1]);
    expect(await ids(docs, { at: { $gt: new Date('2024-06-01') } })).toEqual([2]);
    expect(await ids(docs, { ref: new ObjectId(b.toHexString()) })).toEqual([2]);
  });
  it('64-bit integers beyond 2^53 compare exactly', async () => {
    const docs = [
      { _id: 1, n: Long.fromString('9007199254740992') },
      { _id: 2, n: Long.fromString('9007199254740993') },
    ];
    expect(await ids(docs, { n: Long.fromString('9007199254740993') })).toEqual([2]);
    expect(await ids(docs, { n: { $gt: Long.fromString('9007199254740992') } })).toEqual([2]);
  });
  it('binary data and UUIDs match by value', async () => {
    const u = new UUID();
    const docs = [
      { _id: 1, u, b: new Binary(Buffer.from('abc')) },
      { _id: 2, u: new UUID(), b: new Binary(Buffer.from('abd')) },
    ];
    expect(await ids(docs, { u: new UUID(u.toHexString()) })).toEqual([1]);
    expect(await ids(docs, { b: { $in: [new Binary(Buffer.from('abd'))] } })).toEqual([2]);
  });
  it('regular expressions match strings, also inside $in', async () => {
    const docs = [
      { _id: 1, s: 'Alpha' },
      { _id: 2, s: 'beta' },
      { _id: 3, s: 5 },
    ];
    expect(await ids(docs, { s: /^a/i })).toEqual([1]);
    expect(await ids(docs, { s: { $regex: '^b' } })).toEqual([2]);
    expect(await ids(docs, { s: { $in: [/^B/i, 5] } })).toEqual([2, 3]);
  });
  it('$or, $and and $nor combine clauses ($nor also matches missing fields)', async () => {
    const docs = [
      { _id: 1, a: 1, b: 1 },
      { _id: 2, a: 2 },
      { _id: 3, b: 2 },
    ];
    expect(await ids(docs, { $or: [{ a: 2 }, { b: 2 }] })).toEqual([2, 3]);
    expect(await ids(docs, { $and: [{ a: 1 }, { b: 1 }] })).toEqual([1]);
    expect(await ids(docs, { $nor: [{ a: 1 }, { b: 2 }] })).toEqual([2]);
  });
  it('an unknown query operator is rejected with code 2 (BadValue)', async () => {
    const c = await load([{ _id: 1 }]);
    await expect(c.find({ a: { $frob: 1 } }).toArray()).rejects.toMatchObject({ code: 2 });
  });
});

describe('sort (reference/method/cursor.sort, bson-type-comparison-order)', () => {
  it('sorts mixed types in BSON comparison order, missing fields as null', async () => {
    const oid = new ObjectId();
    const docs = [
      { _id: 1, v: 'str' },
      { _id: 2, v: 10 },
      { _id: 3 },
      { _id: 4, v: true },
      { _id: 5, v: { a: 1 } },
      { _id: 6, v: oid },
      { _id: 7, v: new Date(0) },
      { _id: 8, v: null },
      { _id: 9, v: new MinKey() },
      { _id: 10, v: new MaxKey() },
      { _id: 11, v: 2.5 },
    ];
    const c = await load(docs);
    const order = (await c.find().sort({ v: 1, _id: 1 }).toArray()).map((d) => d._id);
    expect(order).toEqual([9, 3, 8, 11, 2, 1, 5, 6, 4, 7, 10]);
  });
  it('an array sorts by its smallest element ascending and its largest descending', async () => {
    const c = await load([
      { _id: 1, v: [1, 9] },
      { _id: 2, v: [5] },
      { _id: 3, v: [0, 6] },
    ]);
    expect((await c.find().sort({ v: 1 }).toArray()).map((d) => d._id)).toEqual([3, 1, 2]);
    expect((await c.find().sort({ v: -1 }).toArray()).map((d) => d._id)).toEqual([1, 3, 2]);
  });
  it('a compound index with an equality prefix returns the sort field in order, both directions', async () => {
    const docs = Array.from({ length: 60 }, (_, i) => ({ _id: i, p: i % 3, t: (i * 37) % 60 }));
    const c = await load(docs);
    const expected = (dir: 1 | -1) =>
      docs
        .filter((d) => d.p === 1)
        .sort((x, y) => (x.t - y.t) * dir)
        .map((d) => d._id);
    for (const key of [
      { p: 1, t: -1 },
      { p: -1, t: 1 },
    ]) {
      await c.createIndex(key);
      for (const dir of [1, -1] as const) {
        expect((await c.find({ p: 1 }).sort({ t: dir }).toArray()).map((d) => d._id)).toEqual(expected(dir));
        expect((await c.find({ p: 1 }).sort({ t: dir }).limit(5).toArray()).map((d) => d._id)).toEqual(
          expected(dir).slice(0, 5),
        );
      }
      await c.dropIndexes();
    }
  });
  it('{$natural: 1} returns insertion order and {$natural: -1} the reverse', async () => {
    const c = await load([{ _id: 3 }, { _id: 1 }, { _id: 2 }]);
    expect((await c.find().sort({ $natural: 1 }).toArray()).map((d) => d._id)).toEqual([3, 1, 2]);
    expect((await c.find().sort({ $natural: -1 }).toArray()).map((d) => d._id)).toEqual([2, 1, 3]);
  });
  it('aggregation $sort uses the same cross-type order as find', async () => {
    const c = await load([
      { _id: 1, v: 'a' },
      { _id: 2, v: 5 },
      { _id: 3 },
      { _id: 4, v: new ObjectId() },
      { _id: 5, v: Long.fromString('9007199254740993') },
      { _id: 6, v: [0, 9] },
    ]);
    expect((await c.aggregate([{ $sort: { v: 1, _id: 1 } }]).toArray()).map((d) => d._id)).toEqual([3, 6, 2, 5, 1, 4]);
    expect((await c.aggregate([{ $sort: { v: -1, _id: 1 } }]).toArray()).map((d) => d._id)).toEqual([4, 1, 5, 6, 2, 3]);
  });
  it('keyset pagination on _id ($lt + sort -1 + limit) walks every document once', async () => {
    const c = await load(Array.from({ length: 57 }, () => ({ _id: new ObjectId(), v: 1 })));
    const seen: string[] = [];
    let filter: LooseDoc = {};
    for (;;) {
      const page = await c.find(filter).sort({ _id: -1 }).limit(10).toArray();
      if (!page.length) break;
      seen.push(...page.map((d) => String(d._id)));
      filter = { _id: { $lt: page[page.length - 1]._id } };
    }
    const all = (await c.find().toArray())
      .map((d) => String(d._id))
      .sort()
      .reverse();
    expect(seen).toEqual(all);
  });
  it('index-backed and in-memory sorts agree', async () => {
    const docs = Array.from({ length: 40 }, (_, i) => ({ _id: i, v: i % 3 === 0 ? `s${i}` : i % 3 === 1 ? i : null }));
    const c = await load(docs);
    const mem = (await c.find().sort({ v: -1 }).toArray()).map((d) => d._id);
    await c.createIndex({ v: 1 });
    const ix = (await c.find().sort({ v: -1 }).toArray()).map((d) => d._id);
    expect(ix.map((i) => docs[i as number].v)).toEqual(mem.map((i) => docs[i as number].v));
  });
});
