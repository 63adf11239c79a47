/**
 * Statistics, Decimal128 mathematics, bit tests and positional updates on every BSON numeric type, through
 * the official driver (reference/operator/aggregation/median, percentile, stdDevPop, stdDevSamp, sqrt, exp,
 * ln, log, log10, pow, round, trunc; reference/operator/query/bitsAllSet, bitsAnySet, bitsAllClear,
 * bitsAnyClear; reference/operator/update/positional, positional-all, positional-filtered).
 */
import { Binary, Decimal128, Double, Int32, Long } from 'mongodb';
import { startHarness, type Harness, type LooseDoc } from './testing/harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness('numberstats');
});
afterAll(() => h.close());

const RAW = { promoteValues: false, promoteLongs: false } as const;
const raw = (name: string) => h.client.db('numberstats').collection<LooseDoc>(name);
/** `Type:value`, as the value came over the wire */
const t = (v: unknown) => `${(v as { _bsontype: string })._bsontype}:${String(v)}`;
const ids = (docs: LooseDoc[]) => docs.map((d) => d._id);

// 2, 4, 4, 4, 5, 5, 7, 9: population standard deviation exactly 2
const plain = [2, 4, 4, 4, 5, 5, 7, 9];
const mixed = [
  new Int32(2),
  Long.fromNumber(4),
  new Double(4),
  Decimal128.fromString('4'),
  new Int32(5),
  Long.fromNumber(5),
  Decimal128.fromString('7'),
  new Double(9),
];

const statsStage = {
  $group: {
    _id: null,
    median: { $median: { input: '$v', method: 'approximate' } },
    pct: { $percentile: { input: '$v', p: [0.25, 0.5, 0.9, 1], method: 'approximate' } },
    pop: { $stdDevPop: '$v' },
    samp: { $stdDevSamp: '$v' },
  },
};

describe('$median, $percentile, $stdDevPop, $stdDevSamp count every numeric type', () => {
  it('accumulators over int32, int64, double and Decimal128 equal the same over plain numbers, as doubles', async () => {
    const a = await h.load([...plain.map((v, i) => ({ _id: i, v })), { _id: 'x', v: 'text' }, { _id: 'n', v: null }]);
    const b = await h.load([...mixed.map((v, i) => ({ _id: i, v })), { _id: 'x', v: 'text' }]);
    const [fromPlain] = await raw(a.collectionName).aggregate([statsStage], RAW).toArray();
    const [fromMixed] = await raw(b.collectionName).aggregate([statsStage], RAW).toArray();
    const shape = (o: LooseDoc) => ({
      median: t(o.median),
      pct: (o.pct as unknown[]).map(t),
      pop: t(o.pop),
      samp: t(o.samp),
    });
    expect(shape(fromMixed)).toEqual(shape(fromPlain));
    expect(shape(fromMixed)).toEqual({
      median: 'Double:4',
      pct: ['Double:4', 'Double:4', 'Double:9', 'Double:9'],
      pop: 'Double:2',
      samp: `Double:${Math.sqrt(32 / 7)}`,
    });
  });
  it('the $median example: test01 of five students is 62; per student, the median of three tests', async () => {
    const c = await h.load([
      { _id: 1, studentId: '2345', test01: 62, test02: Long.fromNumber(81), test03: new Double(80) },
      { _id: 2, studentId: '2356', test01: Long.fromNumber(60), test02: 83, test03: Decimal128.fromString('79') },
      { _id: 3, studentId: '2358', test01: new Double(67), test02: 82, test03: 78 },
      { _id: 4, studentId: '2367', test01: Decimal128.fromString('64'), test02: 72, test03: 77 },
      { _id: 5, studentId: '2369', test01: 60, test02: 53, test03: 72 },
    ]);
    const [group] = await c
      .aggregate([{ $group: { _id: null, test01_median: { $median: { input: '$test01', method: 'approximate' } } } }])
      .toArray();
    expect(group.test01_median).toBe(62);
    const perStudent = await c
      .aggregate([
        {
          $project: {
            _id: 0,
            studentId: 1,
            testMedians: { $median: { input: ['$test01', '$test02', '$test03'], method: 'approximate' } },
          },
        },
      ])
      .toArray();
    expect(perStudent).toEqual([
      { studentId: '2345', testMedians: 80 },
      { studentId: '2356', testMedians: 79 },
      { studentId: '2358', testMedians: 78 },
      { studentId: '2367', testMedians: 72 },
      { studentId: '2369', testMedians: 60 },
    ]);
  });
  it('the $stdDevPop example: each quiz has a standard deviation of 8.04155872120988', async () => {
    const c = await h.load([
      { _id: 1, name: 'dave123', quiz: 1, score: Long.fromNumber(85) },
      { _id: 2, name: 'dave2', quiz: 1, score: Decimal128.fromString('90') },
      { _id: 3, name: 'ahn', quiz: 1, score: new Double(71) },
      { _id: 4, name: 'li', quiz: 2, score: 96 },
      { _id: 5, name: 'annT', quiz: 2, score: Long.fromNumber(77) },
      { _id: 6, name: 'ty', quiz: 2, score: Decimal128.fromString('82') },
    ]);
    const out = await c
      .aggregate([{ $group: { _id: '$quiz', stdDev: { $stdDevPop: '$score' } } }, { $sort: { _id: 1 } }])
      .toArray();
    expect(out.map((d) => d._id)).toEqual([1, 2]);
    for (const d of out) expect(d.stdDev).toBeCloseTo(8.04155872120988, 12);
  });
  it('expressions and $setWindowFields count int64, double and Decimal128 elements too', async () => {
    const c = await h.load([{ _id: 1, xs: mixed, few: [Long.fromNumber(1), 2, Decimal128.fromString('10')] }]);
    const [out] = await raw(c.collectionName)
      .aggregate(
        [
          {
            $project: {
              pop: { $stdDevPop: '$xs' },
              samp: { $stdDevSamp: '$xs' },
              // sorted as numbers, not as strings (1, 10, 2)
              median: { $median: { input: '$few', method: 'approximate' } },
              pct: { $percentile: { input: '$xs', p: [0.5, Decimal128.fromString('0.9')], method: 'approximate' } },
              one: { $stdDevSamp: [Long.fromNumber(3)] },
              none: { $stdDevPop: ['a', 'b'] },
              empty: { $median: { input: [], method: 'approximate' } },
            },
          },
        ],
        RAW,
      )
      .toArray();
    expect({
      pop: t(out.pop),
      samp: t(out.samp),
      median: t(out.median),
      pct: (out.pct as unknown[]).map(t),
    }).toEqual({
      pop: 'Double:2',
      samp: `Double:${Math.sqrt(32 / 7)}`,
      median: 'Double:2',
      pct: ['Double:4', 'Double:9'],
    });
    expect([out.one, out.none, out.empty]).toEqual([null, null, null]);

    const w = await h.load(mixed.map((v, i) => ({ _id: i, v })));
    const windowed = await raw(w.collectionName)
      .aggregate(
        [
          {
            $setWindowFields: {
              sortBy: { _id: 1 },
              output: {
                pop: { $stdDevPop: '$v', window: { documents: ['unbounded', 'unbounded'] } },
                median: { $median: { input: '$v', method: 'approximate' }, window: { documents: [-1, 1] } },
              },
            },
          },
        ],
        RAW,
      )
      .toArray();
    expect(windowed.map((d) => t(d.pop))).toEqual(Array(8).fill('Double:2'));
    // windows of neighbours: [2,4] [2,4,4] [4,4,4] [4,4,5] [4,5,5] [5,5,7] [5,7,9] [7,9]
    expect(windowed.map((d) => String(d.median))).toEqual(['2', '4', '4', '4', '5', '5', '7', '7']);
  });
  it('refuses malformed specifications as mongod does', async () => {
    const c = await h.load([{ _id: 1, v: 1 }]);
    const group = (spec: LooseDoc) => c.aggregate([{ $group: { _id: null, x: spec } }]).toArray();
    await expect(group({ $median: { input: '$v' } })).rejects.toMatchObject({ code: 40414 });
    await expect(group({ $median: { input: '$v', method: 'exact' } })).rejects.toMatchObject({ code: 2 });
    await expect(group({ $percentile: { input: '$v', p: [], method: 'approximate' } })).rejects.toMatchObject({
      code: 7750301,
    });
    await expect(group({ $percentile: { input: '$v', p: ['a'], method: 'approximate' } })).rejects.toMatchObject({
      code: 7750302,
    });
    await expect(group({ $percentile: { input: '$v', p: [1.5], method: 'approximate' } })).rejects.toMatchObject({
      code: 7750303,
    });
  });
});

describe('Decimal128 mathematics is exact to 34 digits, rounded half to even', () => {
  it('$sqrt, $exp, $ln, $log, $log10 and $pow of Decimal128 values', async () => {
    const d = (s: string) => Decimal128.fromString(s);
    const c = await h.load([{ _id: 1 }]);
    const [out] = await raw(c.collectionName)
      .aggregate(
        [
          {
            $project: {
              _id: 0,
              sqrt2: { $sqrt: d('2') },
              sqrt4: { $sqrt: d('4') },
              e: { $exp: d('1') },
              ln10: { $ln: d('10') },
              log10: { $log10: d('1000') },
              log2: { $log: [d('8'), 2] },
              logBase: { $log: [Long.fromNumber(100), d('10')] },
              pow: { $pow: [d('1.1'), 10] },
              root: { $pow: [d('2'), d('0.5')] },
              third: { $pow: [d('3'), -1] },
            },
          },
        ],
        RAW,
      )
      .toArray();
    expect(Object.fromEntries(Object.entries(out).map(([k, v]) => [k, t(v)]))).toEqual({
      sqrt2: 'Decimal128:1.414213562373095048801688724209698',
      sqrt4: 'Decimal128:2',
      e: 'Decimal128:2.718281828459045235360287471352662',
      ln10: 'Decimal128:2.302585092994045684017991454684364',
      log10: 'Decimal128:3',
      log2: 'Decimal128:3',
      logBase: 'Decimal128:2',
      pow: 'Decimal128:2.5937424601',
      root: 'Decimal128:1.414213562373095048801688724209698',
      third: 'Decimal128:0.3333333333333333333333333333333333',
    });
  });
  it('$round (half to even), $trunc, $ceil and $floor keep every digit of a Decimal128', async () => {
    const d = (s: string) => Decimal128.fromString(s);
    const big = d('12345678901234567890.5');
    const c = await h.load([{ _id: 1, big }]);
    const [out] = await raw(c.collectionName)
      .aggregate(
        [
          {
            $project: {
              _id: 0,
              half: { $round: d('2.5') },
              halfUp: { $round: d('3.5') },
              places: { $round: [d('1234.5678'), 2] },
              tens: { $round: [d('1234.5678'), -1] },
              big: { $round: '$big' },
              truncated: { $trunc: [d('1.99999999999999999999'), 1] },
              ceil: { $ceil: '$big' },
              floor: { $floor: d('-0.5') },
            },
          },
        ],
        RAW,
      )
      .toArray();
    expect(Object.fromEntries(Object.entries(out).map(([k, v]) => [k, t(v)]))).toEqual({
      half: 'Decimal128:2',
      halfUp: 'Decimal128:4',
      places: 'Decimal128:1234.57',
      tens: 'Decimal128:1.23E+3',
      big: 'Decimal128:12345678901234567890',
      truncated: 'Decimal128:1.9',
      ceil: 'Decimal128:12345678901234567891',
      floor: 'Decimal128:-1',
    });
  });
  it('outside their domains they fail with mongod’s codes; NaN gives NaN', async () => {
    const d = (s: string) => Decimal128.fromString(s);
    const c = await h.load([{ _id: 1 }]);
    const run = (e: LooseDoc) => c.aggregate([{ $project: { x: e } }]).toArray();
    await expect(run({ $sqrt: d('-1') })).rejects.toMatchObject({ code: 28714 });
    await expect(run({ $ln: d('0') })).rejects.toMatchObject({ code: 28766 });
    await expect(run({ $log10: d('-2') })).rejects.toMatchObject({ code: 28761 });
    await expect(run({ $log: [d('2'), 1] })).rejects.toMatchObject({ code: 28759 });
    await expect(run({ $pow: [d('0'), -1] })).rejects.toMatchObject({ code: 28764 });
    const [out] = await raw(c.collectionName)
      .aggregate([{ $project: { x: { $sqrt: d('NaN') } } }], RAW)
      .toArray();
    expect(t(out.x)).toBe('Decimal128:NaN');
  });
});

describe('bit tests on every numeric type and BinData (reference/operator/query/bitsAllSet)', () => {
  it('match int32, int64 (beyond 2^53 and negative), integral doubles and Decimal128 values', async () => {
    const c = await h.load([
      { _id: 1, a: 54 },
      { _id: 2, a: Long.fromNumber(54) },
      { _id: 3, a: new Double(54) },
      { _id: 4, a: Decimal128.fromString('54') },
      { _id: 5, a: 54.5 },
      { _id: 6, a: Long.fromString('4611686018427387906') }, // 2^62 + 2
      { _id: 7, a: Long.fromNumber(-1) },
      { _id: 8, a: new Binary(Buffer.from([0x36])) }, // 54
      { _id: 9, a: 20 },
      { _id: 10, a: '54' },
    ]);
    const find = async (q: LooseDoc) => ids(await c.find({ a: q }).sort({ _id: 1 }).toArray());
    // 50 = bits 1, 4, 5 (54 = bits 1, 2, 4, 5)
    expect(await find({ $bitsAllSet: 50 })).toEqual([1, 2, 3, 4, 7, 8]);
    expect(await find({ $bitsAllSet: Long.fromNumber(50) })).toEqual([1, 2, 3, 4, 7, 8]);
    expect(await find({ $bitsAllSet: Decimal128.fromString('50') })).toEqual([1, 2, 3, 4, 7, 8]);
    expect(await find({ $bitsAllSet: [Long.fromNumber(1), new Double(62)] })).toEqual([6, 7]);
    expect(await find({ $bitsAllSet: [100] })).toEqual([7]); // a negative value is sign-extended
    expect(await find({ $bitsAnySet: new Binary(Buffer.from([0x00, 0x00])) })).toEqual([]);
    expect(await find({ $bitsAllClear: Decimal128.fromString('9') })).toEqual([1, 2, 3, 4, 6, 8, 9]);
    expect(await find({ $bitsAnyClear: [1, 2] })).toEqual([6, 9]);
    expect(await find({ $bitsAnySet: [0, 2] })).toEqual([1, 2, 3, 4, 7, 8, 9]);
  });
  it('refuses a negative, fractional or non-numeric operand with code 2', async () => {
    const c = await h.load([{ _id: 1, a: 1 }]);
    for (const bad of [-1, Decimal128.fromString('1.5'), new Double(0.5), 'x', [-1], [Decimal128.fromString('1.5')]])
      await expect(c.find({ a: { $bitsAllSet: bad } }).toArray()).rejects.toMatchObject({ code: 2 });
  });
});

describe('$inc and $mul through positional paths promote like plain paths (reference/operator/update/positional)', () => {
  it('a.$[], a.$ and a.$[id] keep int32, int64, double and Decimal128 apart', async () => {
    const c = await h.load([
      {
        _id: 1,
        a: [new Int32(2147483647), Long.fromNumber(5), new Double(1.5), Decimal128.fromString('0.1')],
        b: [{ n: Long.fromString('9007199254740993') }, { n: 1 }],
      },
    ]);
    await c.updateOne({ _id: 1 }, { $inc: { 'a.$[]': 1 } });
    const read = async () => (await raw(c.collectionName).findOne({ _id: 1 }, RAW)) as LooseDoc;
    expect((await read()).a.map(t)).toEqual(['Long:2147483648', 'Long:6', 'Double:2.5', 'Decimal128:1.1']);
    await c.updateOne({ _id: 1, a: 6 }, { $inc: { 'a.$': Decimal128.fromString('0.1') } });
    expect(t((await read()).a[1])).toBe('Decimal128:6.1');
    await c.updateOne(
      { _id: 1 },
      { $mul: { 'a.$[d]': Long.fromNumber(2) } },
      { arrayFilters: [{ d: { $type: 'decimal' } }] },
    );
    expect((await read()).a.map(t)).toEqual(['Long:2147483648', 'Decimal128:12.2', 'Double:2.5', 'Decimal128:2.2']);
    await c.updateOne({ _id: 1 }, { $inc: { 'b.$[].n': Long.fromNumber(1), 'b.$[].m': new Int32(3) } });
    const b = (await read()).b as LooseDoc[];
    expect(b.map((e) => t(e.n))).toEqual(['Long:9007199254740994', 'Long:2']);
    expect(b.map((e) => t(e.m))).toEqual(['Int32:3', 'Int32:3']);
    await c.updateOne({ _id: 1 }, { $set: { s: ['x'] } });
    await expect(c.updateOne({ _id: 1 }, { $inc: { 's.$[]': 1 } })).rejects.toMatchObject({ code: 14 });
  });
});
