/**
 * `$sum`, `$avg`, `$min`, `$max` (as accumulators and as expressions) on BSON numbers: Decimal128 sums stay
 * exact decimals, 64-bit integers beyond 2^53 stay exact, and `$min`/`$max` compare with MongoDB's BSON order
 * ignoring null and missing (reference/operator/aggregation/sum, avg, min, max). mingo only adds JS numbers
 * (a Decimal128 was skipped) and orders mixed types its own way.
 */
import { Decimal128, Long } from 'bson';
import { compareValues, TypeClass, typeClass } from '../bson/compare';
import { decimalOp } from './numeric-ops';

type Acc = (coll: unknown[], expr: unknown, options: unknown) => unknown;
const push = (require('mingo/operators/accumulator') as { $push: Acc }).$push;

const bsontype = (v: unknown): string | undefined => (v as { _bsontype?: string } | null)?._bsontype;
const values = (coll: unknown[], expr: unknown, options: unknown): unknown[] =>
  expr === null || expr === undefined ? coll : (push(coll, expr, options) as unknown[]);
const isNumeric = (v: unknown): boolean => typeClass(v) === TypeClass.Number;

/** Exact sum of the numeric values (others are ignored, as MongoDB does). */
function sum(nums: unknown[]): unknown {
  if (nums.some((v) => bsontype(v) === 'Decimal128'))
    return nums.reduce((acc: Decimal128, v) => decimalOp('$inc', acc, v), Decimal128.fromString('0'));
  const integral = nums.every((v) => bsontype(v) === 'Long' || typeof v === 'bigint' || Number.isInteger(Number(v)));
  if (!integral) return nums.reduce((acc: number, v) => acc + Number(String(v)), 0);
  const total = nums.reduce((acc: bigint, v) => acc + BigInt(String(v)), 0n);
  const hadLong = nums.some((v) => bsontype(v) === 'Long' || typeof v === 'bigint');
  return hadLong && (total > BigInt(Number.MAX_SAFE_INTEGER) || total < BigInt(Number.MIN_SAFE_INTEGER))
    ? Long.fromBigInt(total)
    : Number(total);
}

const $sum: Acc = (coll, expr, options) => {
  if (typeof expr === 'number') return coll.length * expr; // {$sum: 1} counts
  return sum(values(coll, expr, options).filter(isNumeric));
};

const $avg: Acc = (coll, expr, options) => {
  const nums = values(coll, expr, options).filter(isNumeric);
  if (!nums.length) return null;
  const total = sum(nums);
  if (bsontype(total) === 'Decimal128')
    return Decimal128.fromStringWithRounding(String(Number((total as Decimal128).toString()) / nums.length));
  return Number(String(total)) / nums.length;
};

function extreme(sign: 1 | -1): Acc {
  return (coll, expr, options) => {
    let best: unknown = null;
    for (const v of values(coll, expr, options)) {
      if (v === null || v === undefined) continue;
      if (best === null || compareValues(v, best) * sign > 0) best = v;
    }
    return best;
  };
}

export const accumulatorOperators = { $sum, $avg, $min: extreme(-1), $max: extreme(1) } as Record<string, Acc>;
