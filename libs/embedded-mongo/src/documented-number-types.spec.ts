/**
 * BSON numeric types kept apart end to end, and regex flags, through the official driver
 * (reference/bson-types, reference/operator/query/type, reference/operator/aggregation/add#behavior,
 * reference/operator/update/inc, reference/operator/update/mul#mul-a-non-existing-field,
 * reference/operator/query/regex#std-label-regex-options).
 */
import { BSONRegExp, Decimal128, Double, Int32, Long } from 'mongodb';
import { startHarness, type Harness, type LooseDoc } from './testing/harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness('numbers');
});
afterAll(() => h.close());

/** the same collection read with the BSON types as they are on the wire */
const raw = (name: string) => h.client.db('numbers').collection<LooseDoc>(name);
const RAW = { promoteValues: false, promoteLongs: false } as const;

const typed = [
  { _id: 1, v: new Int32(5) },
  { _id: 2, v: Long.fromNumber(5) },
  { _id: 3, v: new Double(5) },
  { _id: 4, v: new Double(5.5) },
  { _id: 5, v: Decimal128.fromString('5') },
];

describe('int32, int64, double and Decimal128 are distinct types (reference/bson-types)', () => {
  it('each comes back as the type it was inserted as', async () => {
    const c = await h.load(typed);
    const back = await raw(c.collectionName).find({}, RAW).sort({ _id: 1 }).toArray();
    expect(back.map((d) => (d.v as { _bsontype: string })._bsontype)).toEqual([
      'Int32',
      'Long',
      'Double',
      'Double',
      'Decimal128',
    ]);
    // the default driver options turn a small Long into a number; useBigInt64 keeps it 64-bit
    const big = await raw(c.collectionName).findOne({ _id: 2 }, { useBigInt64: true });
    expect(big?.v).toBe(5n);
  });
  it('$type tells them apart; "number" matches all; equality across types still holds', async () => {
    const c = await h.load(typed);
    const idsOf = async (t: string) => (await c.find({ v: { $type: t } }).toArray()).map((d) => d._id);
    expect(await idsOf('int')).toEqual([1]);
    expect(await idsOf('long')).toEqual([2]);
    expect(await idsOf('double')).toEqual([3, 4]);
    expect(await idsOf('decimal')).toEqual([5]);
    expect(await idsOf('number')).toEqual([1, 2, 3, 4, 5]);
    expect((await c.find({ v: 5 }).toArray()).map((d) => d._id)).toEqual([1, 2, 3, 5]);
    const types = await c.aggregate([{ $project: { t: { $type: '$v' } } }]).toArray();
    expect(types.map((d) => d.t)).toEqual(['int', 'long', 'double', 'double', 'decimal']);
  });
  it('an index on mixed numeric types finds each by value and keeps its type', async () => {
    const c = await h.load(typed);
    await c.createIndex({ v: 1 });
    const plan = await c.find({ v: { $gte: 5, $lt: 6 } }).explain();
    expect(JSON.stringify(plan.queryPlanner.winningPlan)).toContain('IXSCAN');
    const found = await raw(c.collectionName)
      .find({ v: { $gte: 5, $lt: 6 } }, RAW)
      .sort({ _id: 1 })
      .toArray();
    expect(found.map((d) => (d.v as { _bsontype: string })._bsontype)).toEqual([
      'Int32',
      'Long',
      'Double',
      'Double',
      'Decimal128',
    ]);
    expect((await h.db.command({ validate: c.collectionName })).valid).toBe(true);
  });
});

describe('arithmetic follows MongoDB type promotion (reference/operator/aggregation/add#behavior)', () => {
  it('int + int = int, overflowing to long; long + int = long; with a double a double; with a decimal an exact decimal', async () => {
    const c = await h.load([
      {
        _id: 1,
        i: new Int32(2147483647),
        l: Long.fromString('9007199254740993'),
        d: new Double(1.5),
        m: Decimal128.fromString('0.1'),
      },
    ]);
    const [out] = await raw(c.collectionName)
      .aggregate(
        [
          {
            $project: {
              intInt: { $add: [1, 2] },
              intOverflow: { $add: ['$i', 1] },
              longInt: { $add: ['$l', 1] },
              withDouble: { $add: ['$d', 1.5] },
              decimal: { $add: ['$m', Decimal128.fromString('0.2')] },
              product: { $multiply: ['$l', 2] },
              quotient: { $divide: [10, 4] },
              wholeQuotient: { $divide: [10, 5] },
              difference: { $subtract: ['$l', 2] },
              remainder: { $mod: ['$l', 10] },
              exactDivision: { $divide: [Decimal128.fromString('1'), Decimal128.fromString('3')] },
            },
          },
        ],
        RAW,
      )
      .toArray();
    const t = (v: unknown) => `${(v as { _bsontype: string })._bsontype}:${String(v)}`;
    expect({
      intInt: t(out.intInt),
      intOverflow: t(out.intOverflow),
      longInt: t(out.longInt),
      withDouble: t(out.withDouble),
      decimal: t(out.decimal),
      product: t(out.product),
      quotient: t(out.quotient),
      wholeQuotient: t(out.wholeQuotient),
      difference: t(out.difference),
      remainder: t(out.remainder),
      exactDivision: t(out.exactDivision),
    }).toEqual({
      intInt: 'Int32:3',
      intOverflow: 'Long:2147483648',
      longInt: 'Long:9007199254740994',
      withDouble: 'Double:3',
      decimal: 'Decimal128:0.3',
      product: 'Long:18014398509481986',
      quotient: 'Double:2.5',
      wholeQuotient: 'Double:2',
      difference: 'Long:9007199254740991',
      remainder: 'Long:3',
      exactDivision: 'Decimal128:0.3333333333333333333333333333333333',
    });
  });
  it('$sum keeps the widest type; $toLong/$toDouble convert', async () => {
    const c = await h.load([
      { _id: 1, v: new Int32(1) },
      { _id: 2, v: Long.fromNumber(2) },
    ]);
    const [out] = await raw(c.collectionName)
      .aggregate(
        [
          {
            $group: {
              _id: null,
              total: { $sum: '$v' },
              asLong: { $sum: { $toLong: '$v' } },
              asDouble: { $sum: { $toDouble: '$v' } },
            },
          },
        ],
        RAW,
      )
      .toArray();
    expect([out.total, out.asLong, out.asDouble].map((v) => (v as { _bsontype: string })._bsontype)).toEqual([
      'Long',
      'Long',
      'Double',
    ]);
  });
  it('$inc on an int32 overflows to a long; on a long past 2^63 fails; $mul of a missing field is a typed zero', async () => {
    const c = await h.load([{ _id: 1, i: new Int32(2147483647), l: Long.MAX_VALUE, d: new Double(2) }]);
    await c.updateOne({ _id: 1 }, { $inc: { i: 1, d: 1 }, $mul: { none: Long.fromNumber(3) } });
    const doc = await raw(c.collectionName).findOne({ _id: 1 }, RAW);
    expect((doc?.i as Long)._bsontype).toBe('Long');
    expect(String(doc?.i)).toBe('2147483648');
    expect((doc?.d as Double)._bsontype).toBe('Double');
    expect((doc?.none as Long)._bsontype).toBe('Long');
    await expect(c.updateOne({ _id: 1 }, { $inc: { l: 1 } })).rejects.toMatchObject({ code: 2 });
    await c.updateOne({ _id: 1 }, { $inc: { m: Decimal128.fromString('0.1') } });
    await c.updateOne({ _id: 1 }, { $inc: { m: Decimal128.fromString('0.2') } });
    expect(String((await c.findOne({ _id: 1 }))?.m)).toBe('0.3');
  });
});

describe('regex flags survive (reference/operator/query/regex#std-label-regex-options)', () => {
  it('a stored regex keeps s and x; queries honour them', async () => {
    const c = await h.load([
      { _id: 1, r: new BSONRegExp('a . b # comment', 'sx') },
      { _id: 2, s: 'a\nb' },
      { _id: 3, s: 'ab' },
    ]);
    const stored = await raw(c.collectionName).findOne({ _id: 1 }, { bsonRegExp: true });
    expect(stored?.r).toEqual(new BSONRegExp('a . b # comment', 'sx'));
    const ids = async (filter: LooseDoc) => (await c.find(filter).sort({ _id: 1 }).toArray()).map((d) => d._id);
    expect(await ids({ s: new BSONRegExp('a.b', 's') })).toEqual([2]);
    expect(await ids({ s: new BSONRegExp('a.b', '') })).toEqual([]);
    expect(await ids({ s: { $regex: 'a  b  # letters', $options: 'x' } })).toEqual([3]);
    expect(await ids({ s: { $not: new BSONRegExp('^a.b$', 's') } })).toEqual([1, 3]);
    const agg = await c
      .aggregate([
        { $match: { _id: 2 } },
        { $project: { m: { $regexMatch: { input: '$s', regex: new BSONRegExp('a.b', 's') } } } },
      ])
      .toArray();
    expect(agg).toEqual([{ _id: 2, m: true }]);
  });
});

describe('updates change the type as well as the value (reference/operator/update/set)', () => {
  it('$set of a Long over an equal int32 is a modification', async () => {
    const c = await h.load([{ _id: 1, a: 5 }]);
    expect((await c.updateOne({ _id: 1 }, { $set: { a: Long.fromNumber(5) } })).modifiedCount).toBe(1);
    expect(await c.countDocuments({ a: { $type: 'long' } })).toBe(1);
    expect((await c.updateOne({ _id: 1 }, { $set: { a: Long.fromNumber(5) } })).modifiedCount).toBe(0);
  });
});

describe('$mod on every numeric type (reference/operator/query/mod)', () => {
  it('matches int32, int64 beyond 2^53, doubles (truncated) and decimals; refuses a zero divisor', async () => {
    const c = await h.load([
      { _id: 1, v: 12 },
      { _id: 2, v: Long.fromString('9007199254740996') },
      { _id: 3, v: 8.9 },
      { _id: 4, v: Decimal128.fromString('16') },
      { _id: 5, v: 5 },
      { _id: 6, v: 'x' },
    ]);
    const ids = (
      await c
        .find({ v: { $mod: [4, 0] } })
        .sort({ _id: 1 })
        .toArray()
    ).map((d) => d._id);
    expect(ids).toEqual([1, 2, 3, 4]);
    await expect(c.find({ v: { $mod: [0, 1] } }).toArray()).rejects.toMatchObject({ code: 2 });
    await expect(c.find({ v: { $mod: [4] } }).toArray()).rejects.toMatchObject({ code: 2 });
  });
});

describe('conversions of int64 and double values (reference/operator/aggregation/toDate, toString)', () => {
  it('$toDate of a Long and $toString of an integral double', async () => {
    const c = await h.load([{ _id: 1, ms: Long.fromNumber(86_400_000), d: new Double(5) }]);
    const [out] = await c
      .aggregate([{ $project: { _id: 0, at: { $toDate: '$ms' }, s: { $toString: '$d' } } }])
      .toArray();
    expect(out).toEqual({ at: new Date(86_400_000), s: '5' });
  });
});
