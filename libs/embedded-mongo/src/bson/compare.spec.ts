import { Binary, Decimal128, Long, MaxKey, MinKey, ObjectId, Timestamp } from 'bson';
import { compareValues } from './compare';
import { pathValues } from './paths';

describe('BSON comparison (MongoDB comparison/sort order)', () => {
  it('orders types MinKey < null < numbers < string < object < array < binData < ObjectId < bool < Date < timestamp < regex < MaxKey', () => {
    const ordered = [
      new MinKey(),
      null,
      1,
      'a',
      { a: 1 },
      [1],
      new Binary(Buffer.from('x')),
      new ObjectId(),
      false,
      new Date(0),
      new Timestamp({ t: 1, i: 1 }),
      /a/,
      new MaxKey(),
    ];
    for (let i = 0; i < ordered.length; i++) {
      for (let j = 0; j < ordered.length; j++) {
        expect(Math.sign(compareValues(ordered[i], ordered[j]))).toBe(Math.sign(i - j));
      }
    }
  });

  it('compares numbers across int, double, Long and Decimal128 by value', () => {
    expect(compareValues(Long.fromString('9007199254740993'), Long.fromString('9007199254740992'))).toBe(1);
    expect(compareValues(Decimal128.fromString('10'), 9)).toBe(1);
    expect(compareValues(Decimal128.fromString('2.5'), 2.5)).toBe(0);
    expect(compareValues(Long.fromNumber(3), 3)).toBe(0);
    expect(compareValues(NaN, -Infinity)).toBe(-1);
  });

  it('compares ObjectIds by bytes and Dates by time, never by reference', () => {
    const a = new ObjectId('000000000000000000000001');
    expect(compareValues(a, new ObjectId('000000000000000000000001'))).toBe(0);
    expect(compareValues(a, new ObjectId('0000000000000000000000ff'))).toBe(-1);
    expect(compareValues(new Date(5), new Date(5))).toBe(0);
  });

  it('resolves dotted paths through arrays of documents', () => {
    const doc = { a: [{ b: 1 }, { b: [2, 3] }, { c: 1 }] };
    const pv = pathValues(doc, 'a.b');
    expect(pv.values).toEqual([1, [2, 3], 2, 3]);
    expect(pv.missing).toBe(true);
    expect(pathValues({ a: [{ b: 1 }, { b: 2 }] }, 'a.1.b').values).toContain(2);
  });
});
