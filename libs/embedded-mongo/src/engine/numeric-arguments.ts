/**
 * Expression operators mingo implements on JS numbers only, given int64, Decimal128 or integral-double
 * arguments where MongoDB takes any numeric type: positions and counts (`$arrayElemAt`, `$slice`, `$range`,
 * `$substrCP`/`$substrBytes`/`$substr`, `$indexOfArray`/`$indexOfBytes`, `$firstN`/`$lastN`, `$dateFromParts`,
 * `$dateTrunc`'s `binSize`, `$maxN`/`$minN`'s `n`) and trigonometry. The numeric arguments are evaluated here, turned into JS numbers and handed to mingo's
 * operator as literals. `$isNumber`, the bitwise operators (exact on int64), `$sortArray` (MongoDB's
 * cross-type order) and `$indexOfCP` (missing from mingo) are implemented here.
 */
import { Decimal128, Long } from 'bson';
import { compareSortKeys, sortKey } from '../bson/compare';
import { isDocument, sortValue } from '../bson/paths';
import { typeName } from './conversions';
import { fail } from './errors';
import { asDouble, makeDouble, numKind } from './number-types';

type Expr = (obj: unknown, expr: unknown, options: unknown) => unknown;
const { evalExpr } = require('mingo/core') as { evalExpr: Expr };
const mingoOps = require('mingo/operators/expression') as Record<string, Expr>;

/** A numeric BSON value as a JS number (others unchanged). */
const plain = (v: unknown): unknown => (numKind(v) && typeof v !== 'number' ? asDouble(v) : v);
const literal = (v: unknown) => ({ $literal: v });

/** mingo's operator with the array arguments at `positions` made plain numbers. */
function positional(name: string, positions: number[]): Expr {
  const arg = plain;
  return (obj, expr, options) => {
    const values = evalExpr(obj, expr, options);
    if (!Array.isArray(values)) return mingoOps[name](obj, literal(arg(values)), options);
    const args = values.map((v, i) => literal(positions.includes(i) ? arg(v) : v));
    return mingoOps[name](obj, args, options);
  };
}

/** mingo's operator with the named fields of its object argument made plain numbers. */
function named(name: string, fields: string[]): Expr {
  return (obj, expr, options) => {
    if (!isDocument(expr)) return mingoOps[name](obj, expr, options);
    const args: Record<string, unknown> = {};
    for (const [k, e] of Object.entries(expr)) {
      const v = evalExpr(obj, e, options);
      args[k] = literal(fields.includes(k) ? (Array.isArray(v) ? v.map(plain) : plain(v)) : v);
    }
    return mingoOps[name](obj, args, options);
  };
}

/** Trigonometry and angle conversions: a double, or a Decimal128 for a Decimal128 argument. */
function unaryMath(name: string): Expr {
  return (obj, expr, options) => {
    const values = evalExpr(obj, expr, options);
    const list = Array.isArray(values) ? values : [values];
    const r = mingoOps[name](
      obj,
      list.length === 1 ? literal(plain(list[0])) : list.map((v) => literal(plain(v))),
      options,
    );
    if (typeof r !== 'number') return r;
    return list.some((v) => numKind(v) === 'decimal') ? Decimal128.fromString(String(r)) : makeDouble(r);
  };
}

const $isNumber: Expr = (obj, expr, options) => {
  const v = evalExpr(obj, Array.isArray(expr) && expr.length === 1 ? expr[0] : expr, options);
  return numKind(v) !== null;
};

/** `$bitAnd`/`$bitOr`/`$bitXor`/`$bitNot` on int32 and int64 (a long when any operand is one), exact. */
function bitwise(name: string, op: (a: bigint, b: bigint) => bigint): Expr {
  return (obj, expr, options) => {
    const values = evalExpr(obj, expr, options);
    const list = Array.isArray(values) ? values : [values];
    if (list.some((v) => v === null || v === undefined)) return null;
    const kinds = list.map(numKind);
    if (!kinds.every((k) => k === 'int' || k === 'long')) return mingoOps[name](obj, expr, options);
    const bits = list.map((v) => BigInt(String(v)));
    const r = name === '$bitNot' ? ~bits[0] : bits.reduce(op);
    return kinds.includes('long') ? Long.fromBigInt(BigInt.asIntN(64, r)) : Number(BigInt.asIntN(32, r));
  };
}

/** `$sortArray` in MongoDB's cross-type order (numbers of every type compare by value). */
const $sortArray: Expr = (obj, expr, options) => {
  if (!isDocument(expr)) return mingoOps.$sortArray(obj, expr, options);
  const input = evalExpr(obj, expr.input, options);
  const sortBy = expr.sortBy;
  if (!Array.isArray(input) || !(sortBy === 1 || sortBy === -1 || isDocument(sortBy)))
    return mingoOps.$sortArray(obj, expr, options);
  const keys = isDocument(sortBy) ? Object.entries(sortBy).map(([p, d]) => [p, Number(d) < 0 ? -1 : 1] as const) : [];
  const cmp = (a: unknown, b: unknown): number => {
    if (!keys.length) {
      const dir = sortBy as 1 | -1;
      return compareSortKeys(sortKey(a, dir), sortKey(b, dir)) * dir;
    }
    for (const [p, dir] of keys) {
      const c = compareSortKeys(sortKey(sortValue(a, p), dir), sortKey(sortValue(b, p), dir)) * dir;
      if (c) return c;
    }
    return 0;
  };
  return [...input].sort(cmp);
};

/** `$indexOfCP` (mingo lacks it): the code point index of a substring, with optional start and end. */
const $indexOfCP: Expr = (obj, expr, options) => {
  const values = evalExpr(obj, expr, options);
  const list = Array.isArray(values) ? values : [values];
  if (list.length < 2 || list.length > 4)
    fail(28667, `Expression $indexOfCP takes at least 2 arguments, and at most 4, but ${list.length} were passed in.`);
  const [s, sub, start, end] = list;
  if (s === null || s === undefined) return null;
  if (typeof s !== 'string') fail(40093, `$indexOfCP requires a string as the first argument, found: ${typeName(s)}`);
  if (typeof sub !== 'string')
    fail(40094, `$indexOfCP requires a string as the second argument, found: ${typeName(sub)}`);
  const index = (v: unknown, which: string, dflt: number): number => {
    if (v === undefined) return dflt;
    const n = numKind(v) ? asDouble(v) : NaN;
    if (!Number.isInteger(n))
      fail(40096, `$indexOfCP requires an integral ${which} index, found a value of type: ${typeName(v)}`);
    if (n < 0) fail(40097, `$indexOfCP requires a nonnegative ${which} index, found: ${n}`);
    return n;
  };
  const cps = [...(s as string)];
  const needle = [...(sub as string)];
  const from = index(start, 'starting', 0);
  const to = Math.min(index(end, 'ending', cps.length), cps.length);
  for (let i = from; i + needle.length <= to; i++) if (needle.every((c, j) => cps[i + j] === c)) return i;
  return -1;
};

/** `$maxN`/`$minN` of an array: the n largest (descending) or smallest (ascending) non-null values. */
function extremes(name: '$maxN' | '$minN'): Expr {
  return (obj, expr, options) => {
    if (Array.isArray(obj) || !isDocument(expr)) return mingoOps[name](obj, expr, options);
    const input = evalExpr(obj, expr.input, options);
    const n = plain(evalExpr(obj, expr.n, options));
    // anything else fails (or is null) as mingo reports it
    if (!Array.isArray(input) || !Number.isInteger(n) || (n as number) < 1)
      return mingoOps[name](obj, { input: literal(input), n: literal(n) }, options);
    const dir = name === '$maxN' ? -1 : 1;
    const values = input.filter((v) => v !== null && v !== undefined);
    return values.sort((a, b) => compareSortKeys(a, b) * dir).slice(0, n as number);
  };
}

const TRIG = ['$sin', '$cos', '$tan', '$asin', '$acos', '$atan', '$atan2', '$sinh', '$cosh', '$tanh'];
const ANGLES = ['$asinh', '$acosh', '$atanh', '$degreesToRadians', '$radiansToDegrees'];
const DATE_PARTS = ['year', 'month', 'day', 'hour', 'minute', 'second', 'millisecond'];
const ISO_PARTS = ['isoWeekYear', 'isoWeek', 'isoDayOfWeek'];

export const numericArgumentExpressions: Record<string, Expr> = {
  $arrayElemAt: positional('$arrayElemAt', [1]),
  $slice: positional('$slice', [1, 2]),
  $range: positional('$range', [0, 1, 2]),
  $substrCP: positional('$substrCP', [1, 2]),
  $substrBytes: positional('$substrBytes', [1, 2]),
  $substr: positional('$substr', [1, 2]),
  $indexOfArray: positional('$indexOfArray', [2, 3]),
  $indexOfBytes: positional('$indexOfBytes', [2, 3]),
  $indexOfCP,
  $firstN: named('$firstN', ['n']),
  $maxN: extremes('$maxN'),
  $minN: extremes('$minN'),
  $lastN: named('$lastN', ['n']),
  $dateFromParts: named('$dateFromParts', [...DATE_PARTS, ...ISO_PARTS]),
  $dateTrunc: named('$dateTrunc', ['binSize']),
  ...Object.fromEntries([...TRIG, ...ANGLES].map((n) => [n, unaryMath(n)])),
  $isNumber,
  $bitAnd: bitwise('$bitAnd', (a, b) => a & b),
  $bitOr: bitwise('$bitOr', (a, b) => a | b),
  $bitXor: bitwise('$bitXor', (a, b) => a ^ b),
  $bitNot: bitwise('$bitNot', (a) => ~a),
  $sortArray,
};
