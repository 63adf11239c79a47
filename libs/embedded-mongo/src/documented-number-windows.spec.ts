/**
 * `$setWindowFields` outputs on int64 and Decimal128 inputs, through the official driver
 * (reference/operator/aggregation/covariancePop, covarianceSamp, derivative, integral, expMovingAvg, and the
 * window forms of sum, avg, stdDevPop, stdDevSamp): the manual's examples give its documented results; int64
 * inputs beyond 2^53 give mongod's doubles, and Decimal128 inputs give Decimal128 results.
 */
import { Decimal128, Double, Long } from 'mongodb';
import { startHarness, type Harness, type LooseDoc } from './testing/harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness('numberwindows');
});
afterAll(() => h.close());

const RAW = { promoteValues: false, promoteLongs: false } as const;
const raw = (name: string) => h.client.db('numberwindows').collection<LooseDoc>(name);
/** `Type:value`, as the value came over the wire */
const t = (v: unknown) => (v === null ? 'null' : `${(v as { _bsontype: string })._bsontype}:${String(v)}`);
const at = (iso: string) => new Date(iso);
const BIG = 2n ** 53n;
const big = (offset: number) => Long.fromBigInt(BIG + BigInt(offset));

const cakeSales = [
  { _id: 0, orderDate: at('2020-05-18T14:10:30Z'), state: 'CA', price: 13, quantity: 120 },
  { _id: 1, orderDate: at('2021-03-20T11:30:05Z'), state: 'WA', price: 14, quantity: 140 },
  { _id: 2, orderDate: at('2021-01-11T06:31:15Z'), state: 'CA', price: 12, quantity: 145 },
  { _id: 3, orderDate: at('2020-02-08T13:13:23Z'), state: 'WA', price: 13, quantity: 104 },
  { _id: 4, orderDate: at('2019-05-18T16:09:01Z'), state: 'CA', price: 41, quantity: 162 },
  { _id: 5, orderDate: at('2019-01-08T06:12:03Z'), state: 'WA', price: 43, quantity: 134 },
];
const covarianceStage = (op: '$covariancePop' | '$covarianceSamp', x: unknown, y: unknown) => ({
  $setWindowFields: {
    partitionBy: '$state',
    sortBy: { orderDate: 1 },
    output: { c: { [op]: [x, y], window: { documents: ['unbounded', 'current'] } } },
  },
});

describe('$covariancePop and $covarianceSamp', () => {
  // no $sort after the stage: mongod returns the partitions in partitionBy order, each in sortBy order
  it('the manual’s cakeSales examples, with quantities as int32, int64 or double alike', async () => {
    for (const quantity of [(q: number) => q, (q: number) => Long.fromNumber(q), (q: number) => new Double(q)]) {
      const c = await h.load(cakeSales.map((d) => ({ ...d, quantity: quantity(d.quantity) })));
      const run = async (op: '$covariancePop' | '$covarianceSamp') =>
        (await c.aggregate([covarianceStage(op, { $year: '$orderDate' }, '$quantity')]).toArray()).map((d) => [
          d._id,
          d.c,
        ]);
      expect(await run('$covariancePop')).toEqual([
        [4, 0],
        [0, -10.5],
        [2, -5.666666666666671],
        [5, 0],
        [3, -7.5],
        [1, 2],
      ]);
      expect(await run('$covarianceSamp')).toEqual([
        [4, null],
        [0, -21],
        [2, -8.500000000000007],
        [5, null],
        [3, -15],
        [1, 3],
      ]);
    }
  });
  it('Decimal128 inputs give a Decimal128; int64 inputs a double; non-numeric pairs are ignored', async () => {
    const c = await h.load([
      { _id: 1, state: 'A', orderDate: at('2020-01-01'), x: Decimal128.fromString('1'), y: Long.fromNumber(2) },
      { _id: 2, state: 'A', orderDate: at('2020-01-02'), x: Decimal128.fromString('2'), y: Long.fromNumber(4) },
      { _id: 3, state: 'A', orderDate: at('2020-01-03'), x: 'two', y: 9 },
      { _id: 4, state: 'A', orderDate: at('2020-01-04'), x: Decimal128.fromString('3'), y: Long.fromNumber(6) },
      { _id: 5, state: 'B', orderDate: at('2020-01-01'), x: big(1), y: big(1) },
      { _id: 6, state: 'B', orderDate: at('2020-01-02'), x: big(3), y: big(3) },
    ]);
    const out = await raw(c.collectionName)
      .aggregate([covarianceStage('$covariancePop', '$x', '$y')], RAW)
      .toArray();
    expect(out.map((d) => t(d.c))).toEqual([
      'Double:0',
      'Decimal128:0.5',
      'Decimal128:0.5',
      'Decimal128:1.333333333333333333333333333333333',
      'Double:0',
      // as mongod, an int64 minus the (double) running mean is a double subtraction: 2^53+3 becomes 2^53+4, so
      // the co-moment is 4 · 2 / 2 (the exact covariance is 1; mongod answers 4 too)
      'Double:4',
    ]);
  });
});

const fleet = [
  ['1', '14:10:30', 1295.1],
  ['1', '14:11:00', 1295.63],
  ['1', '14:11:30', 1296.25],
  ['1', '14:12:00', 1296.76],
  ['2', '14:10:30', 10234.1],
  ['2', '14:11:00', 10234.33],
  ['2', '14:11:30', 10234.73],
  ['2', '14:12:00', 10235.13],
] as const;
const derivativeStage = (input: unknown, unit?: string, window: LooseDoc = { range: [-30, 0], unit: 'second' }) => ({
  $setWindowFields: {
    partitionBy: '$truckID',
    sortBy: { timeStamp: 1 },
    output: { speed: { $derivative: { input, ...(unit ? { unit } : {}) }, window } },
  },
});

describe('$derivative', () => {
  it('the manual’s deliveryFleet example: average speeds above 50 mph', async () => {
    const c = await h.load(
      fleet.map(([truckID, time, miles], i) => ({ _id: i, truckID, timeStamp: at(`2020-05-18T${time}Z`), miles })),
    );
    const out = await c.aggregate([derivativeStage('$miles', 'hour'), { $match: { speed: { $gt: 50 } } }]).toArray();
    expect(out.map((d) => [d._id, d.speed])).toEqual([
      [1, 63.60000000002401],
      [2, 74.3999999999869],
      [3, 61.19999999999891],
    ]);
  });
  it('int64 differences are exact before the division; Decimal128 gives a Decimal128; a lone document null', async () => {
    const c = await h.load([
      { _id: 1, truckID: 'L', timeStamp: big(0), miles: big(1) },
      { _id: 2, truckID: 'L', timeStamp: big(2), miles: big(3) },
      { _id: 3, truckID: 'D', timeStamp: 0, miles: Decimal128.fromString('1.1') },
      { _id: 4, truckID: 'D', timeStamp: 3, miles: Decimal128.fromString('2.2') },
    ]);
    const out = await raw(c.collectionName)
      .aggregate([derivativeStage('$miles', undefined, { documents: [-1, 0] })], RAW)
      .toArray();
    expect(out.map((d) => [Number(d._id), t(d.speed)])).toEqual([
      [3, 'null'],
      [4, 'Decimal128:0.3666666666666666666666666666666667'],
      [1, 'null'],
      [2, 'Double:1'],
    ]);
  });
  it('refuses a Date sortBy without a unit, and a unit over numbers, with mongod’s codes', async () => {
    const c = await h.load([
      { _id: 1, truckID: '1', timeStamp: at('2020-05-18T14:10:30Z'), n: 1, miles: 1 },
      { _id: 2, truckID: '1', timeStamp: at('2020-05-18T14:11:00Z'), n: 2, miles: 2 },
    ]);
    const stage = (sortBy: LooseDoc, unit?: string) => ({
      $setWindowFields: {
        sortBy,
        output: { s: { $derivative: { input: '$miles', unit }, window: { documents: [-1, 0] } } },
      },
    });
    await expect(c.aggregate([stage({ timeStamp: 1 })]).toArray()).rejects.toMatchObject({ code: 5624901 });
    await expect(c.aggregate([stage({ n: 1 }, 'hour')]).toArray()).rejects.toMatchObject({ code: 5624900 });
    await expect(c.aggregate([stage({ timeStamp: 1 }, 'month')]).toArray()).rejects.toMatchObject({ code: 2 });
  });
});

describe('numeric range windows over int64 and Decimal128 sortBy values', () => {
  it('select by value as over int32 keys; a key no double equals is refused with code 2', async () => {
    const c = await h.load([
      { _id: 1, k: Long.fromNumber(1), v: 1 },
      { _id: 2, k: Decimal128.fromString('2'), v: 10 },
      { _id: 3, k: Long.fromNumber(4), v: 100 },
      { _id: 4, k: 5, v: 1000 },
    ]);
    const stage = { $setWindowFields: { sortBy: { k: 1 }, output: { s: { $sum: '$v', window: { range: [-2, 0] } } } } };
    const out = await raw(c.collectionName).aggregate([stage], RAW).toArray();
    expect(out.map((d) => [t(d.k), Number(d.s)])).toEqual([
      ['Long:1', 1],
      ['Decimal128:2', 11],
      ['Long:4', 110],
      ['Int32:5', 1100],
    ]);
    const huge = await h.load([{ _id: 1, k: big(1), v: 1 }]);
    await expect(huge.aggregate([stage]).toArray()).rejects.toMatchObject({ code: 2 });
    const fractional = await h.load([{ _id: 1, k: Decimal128.fromString('0.1'), v: 1 }]);
    await expect(fractional.aggregate([stage]).toArray()).rejects.toMatchObject({ code: 2 });
  });
});

const power = [
  ['1', '14:10:30', 2.95],
  ['1', '14:11:00', 2.7],
  ['1', '14:11:30', 2.6],
  ['1', '14:12:00', 2.98],
  ['2', '14:10:30', 2.5],
  ['2', '14:11:00', 2.25],
  ['2', '14:11:30', 2.75],
  ['2', '14:12:00', 2.82],
] as const;

describe('$integral', () => {
  it('the manual’s powerConsumption example: kilowatt-hours by trapezoids', async () => {
    const c = await h.load(
      power.map(([powerMeterID, time, kilowatts], i) => ({
        _id: i,
        powerMeterID,
        timeStamp: at(`2020-05-18T${time}Z`),
        kilowatts,
      })),
    );
    const out = await c
      .aggregate([
        {
          $setWindowFields: {
            partitionBy: '$powerMeterID',
            sortBy: { timeStamp: 1 },
            output: {
              kwh: {
                $integral: { input: '$kilowatts', unit: 'hour' },
                window: { range: ['unbounded', 'current'], unit: 'minute' },
              },
            },
          },
        },
      ])
      .toArray();
    expect(out.map((d) => d.kwh)).toEqual([
      0, 0.02354166666666667, 0.045625000000000006, 0.068875, 0, 0.019791666666666666, 0.040624999999999994,
      0.06383333333333333,
    ]);
  });
  it('int64 runs are exact; Decimal128 inputs give a Decimal128; a Date sortBy needs a unit', async () => {
    const c = await h.load([
      { _id: 1, g: 'L', x: big(0), y: Long.fromNumber(3) },
      { _id: 2, g: 'L', x: big(1), y: Long.fromNumber(5) },
      { _id: 3, g: 'D', x: 0, y: Decimal128.fromString('0.1') },
      { _id: 4, g: 'D', x: 1, y: Decimal128.fromString('0.2') },
      { _id: 5, g: 'D', x: 3, y: Decimal128.fromString('0.3') },
    ]);
    const stage = (sortBy: LooseDoc, unit?: string) => ({
      $setWindowFields: {
        partitionBy: '$g',
        sortBy,
        output: {
          area: {
            $integral: { input: '$y', ...(unit ? { unit } : {}) },
            window: { documents: ['unbounded', 'current'] },
          },
        },
      },
    });
    const out = await raw(c.collectionName)
      .aggregate([stage({ x: 1 })], RAW)
      .toArray();
    expect(out.map((d) => [Number(d._id), t(d.area)])).toEqual([
      [3, 'Int32:0'],
      [4, 'Decimal128:0.15'],
      [5, 'Decimal128:0.65'],
      [1, 'Int32:0'],
      [2, 'Double:4'],
    ]);
    const dated = await h.load([{ _id: 1, x: at('2020-01-01'), y: 1 }]);
    await expect(dated.aggregate([stage({ x: 1 })]).toArray()).rejects.toMatchObject({ code: 5423902 });
    await expect(c.aggregate([stage({ x: 1 }, 'hour')]).toArray()).rejects.toMatchObject({ code: 5423901 });
    // a NaN makes the integral NaN, as in mongod; a Decimal128 infinity has no exact arithmetic here: refused
    const odd = await h.load([
      { _id: 1, g: 'N', x: 0, y: Decimal128.fromString('NaN') },
      { _id: 2, g: 'N', x: 1, y: 1 },
    ]);
    expect((await odd.aggregate([stage({ x: 1 })]).toArray()).map((d) => d.area)).toEqual([NaN, NaN]);
    const infinite = await h.load([
      { _id: 1, g: 'I', x: 0, y: Decimal128.fromString('Infinity') },
      { _id: 2, g: 'I', x: 1, y: 1 },
    ]);
    await expect(infinite.aggregate([stage({ x: 1 })]).toArray()).rejects.toMatchObject({ code: 2 });
  });
});

const stocks = [
  ['ABC', 13],
  ['ABC', 15.4],
  ['ABC', 12],
  ['ABC', 11.7],
  ['DEF', 82],
  ['DEF', 94],
  ['DEF', 112],
  ['DEF', 97.3],
] as const;
const emaStage = (spec: LooseDoc) => ({
  $setWindowFields: {
    partitionBy: '$stock',
    sortBy: { date: 1 },
    output: { ema: { $expMovingAvg: { input: '$price', ...spec } } },
  },
});

describe('$expMovingAvg', () => {
  it('the manual’s stockPrices examples with N: 2 and alpha: 0.75, prices as int32/double or int64', async () => {
    for (const price of [(p: number) => p, (p: number) => (Number.isInteger(p) ? Long.fromNumber(p) : p)]) {
      const c = await h.load(
        stocks.map(([stock, p], i) => ({
          _id: i,
          stock,
          date: at(`2020-05-${18 + (i % 4)}T20:00:00Z`),
          price: price(p),
        })),
      );
      const ema = async (spec: LooseDoc) => (await c.aggregate([emaStage(spec)]).toArray()).map((d) => d.ema);
      expect(await ema({ N: 2 })).toEqual([
        13, 14.6, 12.866666666666667, 12.088888888888889, 82, 90, 104.66666666666667, 99.75555555555556,
      ]);
      expect(await ema({ alpha: 0.75 })).toEqual([13, 14.8, 12.7, 11.95, 82, 91, 106.75, 99.6625]);
    }
  });
  it('a Decimal128 input makes the average a Decimal128 from then on; N may be an int64', async () => {
    const c = await h.load([
      { _id: 1, stock: 'X', date: at('2020-05-18'), price: 13 },
      { _id: 2, stock: 'X', date: at('2020-05-19'), price: Decimal128.fromString('15.4') },
      { _id: 3, stock: 'X', date: at('2020-05-20'), price: 'n/a' },
      { _id: 4, stock: 'X', date: at('2020-05-21'), price: big(0) },
    ]);
    const out = await raw(c.collectionName)
      .aggregate([emaStage({ alpha: Decimal128.fromString('0.5') })], RAW)
      .toArray();
    expect(out.map((d) => t(d.ema))).toEqual([
      'Double:13',
      'Decimal128:14.2',
      'Decimal128:14.2',
      // 2^53 · 0.5 + 14.2 · 0.5, exactly
      'Decimal128:4503599627370503.1',
    ]);
    const n = await raw(c.collectionName)
      .aggregate([emaStage({ N: Long.fromNumber(3) })], RAW)
      .toArray();
    expect(t(n[1].ema)).toBe('Decimal128:14.2');
  });
  it('refuses N with alpha, N ≤ 0 and alpha outside (0, 1) with code 9', async () => {
    const c = await h.load([{ _id: 1, stock: 'X', date: at('2020-05-18'), price: 13 }]);
    for (const spec of [{ N: 2, alpha: 0.5 }, { N: 0 }, { alpha: 1 }])
      await expect(c.aggregate([emaStage(spec)]).toArray()).rejects.toMatchObject({ code: 9 });
  });
});

describe('window $sum, $avg, $stdDevPop and $stdDevSamp', () => {
  it('keep int64 sums exact and Decimal128 sums decimal; standard deviations are computed as mongod’s windows', async () => {
    const c = await h.load([
      { _id: 1, g: 'L', v: big(1) },
      { _id: 2, g: 'L', v: big(3) },
      { _id: 3, g: 'D', v: Decimal128.fromString('1.1') },
      { _id: 4, g: 'D', v: Decimal128.fromString('3.1') },
    ]);
    const out = await raw(c.collectionName)
      .aggregate(
        [
          {
            $setWindowFields: {
              partitionBy: '$g',
              sortBy: { _id: 1 },
              output: {
                sum: { $sum: '$v', window: { documents: ['unbounded', 'current'] } },
                avg: { $avg: '$v', window: { documents: ['unbounded', 'current'] } },
                pop: { $stdDevPop: '$v', window: { documents: ['unbounded', 'current'] } },
                samp: { $stdDevSamp: '$v', window: { documents: ['unbounded', 'current'] } },
              },
            },
          },
          { $sort: { g: 1, _id: 1 } },
        ],
        RAW,
      )
      .toArray();
    expect(out.map((d) => [Number(d._id), t(d.sum), t(d.avg), t(d.pop), t(d.samp)])).toEqual([
      // mongod's window standard deviation of a single value is the int 0 (its $group accumulator's a double)
      [3, 'Decimal128:1.1', 'Decimal128:1.1', 'Int32:0', 'null'],
      [4, 'Decimal128:4.2', 'Decimal128:2.1', 'Double:1', `Double:${Math.SQRT2}`],
      // the sums are exact int64s; standard deviations convert each int64 to a double first, as mongod does
      [1, `Long:${BIG + 1n}`, `Double:${Number(BIG + 1n)}`, 'Int32:0', 'null'],
      [2, `Long:${BIG * 2n + 4n}`, `Double:${Number(BIG + 2n)}`, 'Double:2', `Double:${2 * Math.SQRT2}`],
    ]);
    const unknown = { $setWindowFields: { sortBy: { _id: 1 }, output: { s: { $stdDevPop_window: '$v' } } } };
    await expect(c.aggregate([unknown]).toArray()).rejects.toMatchObject({ code: 9 });
  });
});
