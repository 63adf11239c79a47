/**
 * Expression operators take int64, Decimal128 and integral doubles wherever MongoDB takes a number
 * (reference/operator/aggregation/arrayElemAt, slice, range, substrCP, indexOfCP, firstN, dateFromParts,
 * dateTrunc, sin, isNumber, bitAnd, sortArray), through the official driver.
 */
import { Decimal128, Double, Long } from 'mongodb';
import { startHarness, type Harness, type LooseDoc } from './testing/harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness('number_args');
});
afterAll(() => h.close());

const RAW = { promoteValues: false, promoteLongs: false } as const;

async function project(expr: Record<string, unknown>, doc: LooseDoc = {}, options = RAW): Promise<LooseDoc> {
  const c = await h.load([{ _id: 1, ...doc }]);
  const [out] = await c.aggregate([{ $project: { _id: 0, ...expr } }], options).toArray();
  return out;
}
const failure = (expr: Record<string, unknown>) => project(expr, {}, {} as typeof RAW);

const long = (n: number | string) => Long.fromString(String(n));
const dec = (s: string) => Decimal128.fromString(s);

describe('positions and counts given as int64, Decimal128 or integral doubles', () => {
  it('$arrayElemAt, $slice, $range, $substrCP, $indexOfArray, $firstN/$lastN, $maxN/$minN', async () => {
    const out = await project(
      {
        at: { $arrayElemAt: ['$arr', long(1)] },
        last: { $arrayElemAt: ['$arr', dec('-1')] },
        slice: { $slice: ['$arr', long(1), dec('2')] },
        range: { $range: [long(0), dec('10'), new Double(3)] },
        sub: { $substrCP: ['$s', long(1), new Double(3)] },
        idx: { $indexOfArray: ['$arr', 30, long(1)] },
        first: { $firstN: { input: '$arr', n: long(2) } },
        max: { $maxN: { input: [3, long(7), null, dec('5.5'), 1], n: long(2) } },
        min: { $minN: { input: [3, long(7), null, dec('5.5'), 1], n: dec('2') } },
        lastN: { $lastN: { input: '$arr', n: dec('1') } },
      },
      { arr: [10, 20, 30, 40], s: 'héllo' },
    );
    const { max, min, ...rest } = out;
    expect([max.map(String), min.map(String)]).toEqual([
      ['7', '5.5'],
      ['1', '3'],
    ]);
    expect(JSON.parse(JSON.stringify(rest))).toEqual({
      at: 20,
      last: 40,
      slice: [20, 30],
      range: [0, 3, 6, 9],
      sub: 'éll',
      idx: 2,
      first: [10, 20],
      lastN: [40],
    });
  });

  it('$indexOfCP counts code points and fails as mongod on bad arguments', async () => {
    const out = await project({
      a: { $indexOfCP: ['cafétéria', 'é'] },
      b: { $indexOfCP: ['cafétéria', 'é', long(4)] },
      c: { $indexOfCP: ['cafétéria', 'é', 0, dec('3')] },
      d: { $indexOfCP: [null, 'é'] },
    });
    expect([out.a, out.b, out.c, out.d].map((v) => (v === null ? v : Number(v)))).toEqual([3, 5, -1, null]);
    await expect(failure({ x: { $indexOfCP: [['a'], 'a'] } })).rejects.toMatchObject({ code: 40093 });
    await expect(failure({ x: { $indexOfCP: ['a', 'a', 'b'] } })).rejects.toMatchObject({ code: 40096 });
    await expect(failure({ x: { $indexOfCP: ['a', 'a', -1] } })).rejects.toMatchObject({ code: 40097 });
  });

  it('$dateFromParts and $dateTrunc take int64/Decimal128 parts and bin sizes', async () => {
    const out = await project({
      d: { $dateFromParts: { year: long(2020), month: dec('2'), day: new Double(29), hour: long(13) } },
      // two-day bins counted from 2000-01-01: 2024-01-06 falls in the bin starting 2024-01-05
      t: { $dateTrunc: { date: new Date('2024-01-06T10:00:00Z'), unit: 'day', binSize: long(2) } },
    });
    expect(out.d).toEqual(new Date('2020-02-29T13:00:00Z'));
    expect(out.t).toEqual(new Date('2024-01-05T00:00:00Z'));
  });
});

describe('numeric type of results', () => {
  it('trigonometry: a double, or a Decimal128 for a Decimal128 argument', async () => {
    const out = await project({
      sinLong: { $type: { $sin: long(0) } },
      sinDec: { $type: { $sin: dec('0') } },
      atan2: { $atan2: [long(1), dec('1')] },
      deg: { $radiansToDegrees: long(0) },
    });
    expect(out).toMatchObject({ sinLong: 'double', sinDec: 'decimal' });
    expect(String(out.atan2)).toBe(String(Math.atan2(1, 1)));
    expect(out.deg).toEqual(new Double(0));
  });

  it('$isNumber is true for int32, int64, double and Decimal128', async () => {
    const out = await project({
      values: { $map: { input: [1, long(2), new Double(3), dec('4.5'), 1.5, '5', null], in: { $isNumber: '$$this' } } },
    });
    expect(out.values).toEqual([true, true, true, true, true, false, false]);
  });

  it('$bitAnd/$bitOr/$bitXor/$bitNot: int32 stays int32, any int64 gives an exact int64', async () => {
    const big = long('9007199254740993'); // 2^53 + 1: not a double
    const out = await project({
      and: { $bitAnd: [big, long('-1')] },
      or: { $bitOr: [long(4), 1] },
      xor: { $bitXor: [5, 3] },
      not: { $bitNot: long(0) },
      types: { $map: { input: [{ $bitAnd: [5, 3] }, { $bitAnd: [long(5), 3] }], in: { $type: '$$this' } } },
    });
    expect(String(out.and)).toBe('9007199254740993');
    expect(out.or).toEqual(long(5));
    expect(Number(out.xor)).toBe(6);
    expect(out.not).toEqual(long(-1));
    expect(out.types).toEqual(['int', 'long']);
  });

  it('$sortArray orders numbers of every type by value (and documents by a field)', async () => {
    const sorted = { $sortArray: { input: [3, long(2), dec('1.5'), 10, 'a'], sortBy: 1 } };
    const docs = { $sortArray: { input: [{ v: long(1) }, { v: dec('2.5') }, { v: 2 }], sortBy: { v: -1 } } };
    const out = await project({
      values: { $map: { input: sorted, in: { $toString: '$$this' } } },
      types: { $map: { input: sorted, in: { $type: '$$this' } } },
      docs: { $map: { input: docs, in: { $toString: '$$this.v' } } },
    });
    expect(out).toEqual({
      values: ['1.5', '2', '3', '10', 'a'],
      types: ['decimal', 'long', 'int', 'int', 'string'],
      docs: ['2.5', '2', '1'],
    });
  });
});
