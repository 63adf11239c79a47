/**
 * The index key encoding orders bytes exactly as MongoDB orders values (bson/compare.ts), for random values
 * of every type class, in both directions; prefixEnd/classBounds bracket what they should.
 */
import { Binary, Decimal128, Long, MaxKey, MinKey, ObjectId, Timestamp } from 'bson';
import { compareSortKeys, EMPTY_ARRAY_KEY, typeClass } from '../bson/compare';
import { classBounds, encodeValue, prefixEnd } from './keystring';
import { seededRandom } from '../testing/seeded-random';

const rand = seededRandom(7);
const pick = <T>(xs: T[]): T => xs[Math.floor(rand() * xs.length)];

function scalar(depth = 0): unknown {
  switch (Math.floor(rand() * 16)) {
    case 0:
      return pick([0, -0, 1, -1, 0.5, -2.75, 1e300, -1e300, Infinity, -Infinity, NaN, 2 ** 53, 2 ** 53 + 2]);
    case 1:
      return pick([Long.fromString('9007199254740993'), Long.fromString('9007199254740992'), Long.fromNumber(-5)]);
    case 2:
      return pick([Decimal128.fromString('3'), Decimal128.fromString('-1')]);
    case 3:
      return pick(['', 'a', 'a\u0000', 'a\u0000b', 'ab', 'b', 'é', '\uffff', 'Z', 'a'.repeat(3)]);
    case 4:
      return pick([true, false]);
    case 5:
      return new Date(pick([0, -1, 1, 86_400_000, -8.64e15, 8.64e15]));
    case 6:
      return new ObjectId(pick(['000000000000000000000000', '00000000000000000000000f', 'ffffffffffffffffffffffff']));
    case 7:
      return pick([null, undefined]);
    case 8:
      return pick([new MinKey(), new MaxKey()]);
    case 9:
      return new Binary(Buffer.from(pick(['', 'a', 'ab', 'b'])), pick([0, 4]));
    case 10:
      return new Timestamp({ t: pick([0, 1, 2 ** 31]), i: pick([0, 1]) });
    case 11:
      return pick([/a/, /a/i, /b/]);
    case 12:
      return depth > 2
        ? 1
        : { [pick(['a', 'b'])]: scalar(depth + 1), ...(rand() < 0.5 ? { c: scalar(depth + 1) } : {}) };
    case 13:
      return depth > 2 ? [] : Array.from({ length: Math.floor(rand() * 3) }, () => scalar(depth + 1));
    case 14:
      return EMPTY_ARRAY_KEY;
    default:
      return Math.floor(rand() * 10) - 5;
  }
}

const sign = (n: number): number => (n < 0 ? -1 : n > 0 ? 1 : 0);

describe('keystring: byte order is MongoDB order', () => {
  const values = Array.from({ length: 400 }, () => scalar());

  it('compares like compareSortKeys for every pair, ascending and inverted for descending', () => {
    const asc = values.map((v) => encodeValue(v));
    const desc = values.map((v) => encodeValue(v, true));
    const bad: string[] = [];
    for (let i = 0; i < values.length; i++) {
      for (let j = 0; j < values.length; j++) {
        const want = sign(compareSortKeys(values[i], values[j]));
        if (sign(Buffer.compare(asc[i], asc[j])) !== want || sign(Buffer.compare(desc[i], desc[j])) !== -want)
          bad.push(`${String(values[i])} vs ${String(values[j])}`);
      }
    }
    expect(bad.slice(0, 5)).toEqual([]);
  });

  it('is self-delimiting: a value followed by more bytes stays inside [enc, prefixEnd(enc))', () => {
    for (const v of values) {
      const e = encodeValue(v);
      const longer = Buffer.concat([e, Buffer.from([0xff, 0xff, 0, 1])]);
      expect(Buffer.compare(longer, e)).toBeGreaterThan(0);
      expect(Buffer.compare(longer, prefixEnd(e))).toBeLessThan(0);
    }
  });

  it('brackets every value of a type class between its class bounds', () => {
    for (const v of values) {
      if (v === EMPTY_ARRAY_KEY) continue;
      const { low, high } = classBounds(typeClass(v));
      const e = encodeValue(v);
      expect(Buffer.compare(e, low)).toBeGreaterThanOrEqual(0);
      expect(Buffer.compare(e, high)).toBeLessThan(0);
    }
  });
});
