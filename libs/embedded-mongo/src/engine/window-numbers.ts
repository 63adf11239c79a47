/**
 * `$setWindowFields` outputs on every BSON numeric type, computed with mongod's own steps
 * (reference/operator/aggregation/covariancePop, covarianceSamp, derivative, integral, expMovingAvg):
 * int32/int64 differences and sums stay exact integers until mongod turns them into doubles, a Decimal128
 * anywhere makes the result a Decimal128 rounded at each step to 34 digits as mongod's decimal library rounds,
 * and `unit` expresses a run between two Dates in weeks … milliseconds before it divides or multiplies (the
 * order the manual's results show). mingo computed all of them on JS numbers (an int64 or Decimal128 input
 * was dropped, concatenated or rounded).
 */
import { Decimal128, Long } from 'bson';
import Decimal from 'decimal.js';
import { fail } from './errors';
import { arith, makeDouble, numKind } from './number-types';
import { windowStdDevOperators } from './window-stddev';

type Acc = (coll: unknown[], expr: unknown, options: unknown) => unknown;
interface WindowExpr {
  parentExpr: { sortBy?: Record<string, unknown> };
  inputExpr: Record<string, unknown>;
  documentNumber: number;
  field: string;
}
type WindowOp = (obj: unknown, coll: unknown[], expr: WindowExpr, options: unknown) => unknown;

const push = (require('mingo/operators/accumulator') as { $push: Acc }).$push;
/** Series computed once per partition and output field (the partition's array is the key), as mingo memoises. */
const series = new WeakMap<unknown[], Map<string, unknown[]>>();
function memo(coll: unknown[], expr: WindowExpr, compute: () => unknown[]): unknown {
  const byField = series.get(coll) ?? new Map<string, unknown[]>();
  series.set(coll, byField);
  const values = byField.get(expr.field) ?? compute();
  byField.set(expr.field, values);
  if (expr.documentNumber === coll.length) byField.delete(expr.field);
  return values[expr.documentNumber - 1];
}

const isNum = (v: unknown): boolean => numKind(v) !== null;
const isDecimal = (v: unknown): boolean => numKind(v) === 'decimal';
const isDate = (v: unknown): v is Date => v instanceof Date;
/** NaN or ±Infinity, of any numeric type. */
const nonFinite = (v: unknown): boolean => isNum(v) && !/^-?\d/.test(String(isDecimal(v) ? v : Number(v)));

const MILLIS: Record<string, number> = {
  week: 6048e5,
  day: 864e5,
  hour: 36e5,
  minute: 6e4,
  second: 1e3,
  millisecond: 1,
};

function unitMillis(name: string, unit: unknown): Long | null {
  if (unit === undefined || unit === null) return null;
  if (typeof unit !== 'string' || !(unit in MILLIS))
    return fail(2, `${name} 'unit' must be one of week, day, hour, minute, second, millisecond; found ${String(unit)}`);
  return Long.fromNumber(MILLIS[unit]);
}

/** mongod's $subtract of two sort keys: two Dates give their distance in milliseconds (an int64). */
const run = (to: unknown, from: unknown): unknown =>
  isDate(to) && isDate(from) ? Long.fromNumber(to.getTime() - from.getTime()) : arith('-', to, from);

/** The sortBy field as a `$path` (mongod requires exactly one sortBy field for these operators). */
function sortKey(name: string, expr: WindowExpr): string {
  const keys = Object.keys(expr.parentExpr.sortBy ?? {});
  if (keys.length !== 1) fail(5339902, `${name} requires a sortBy with exactly one field`);
  return '$' + keys[0];
}

/** WindowFunctionAvg: the mean of the numbers so far (a double unless one is a Decimal128). */
class Mean {
  private sum: unknown = 0;
  private count = 0;
  add(v: unknown): void {
    this.sum = arith('+', this.sum, v);
    this.count += 1;
  }
  value(): unknown {
    return this.count ? arith('/', this.sum, this.count) : null;
  }
}

/** The sum of non-finite pairs as mongod's convertNonFiniteInputValue makes it: NaN, +Infinity or -Infinity. */
function nonFiniteSum(pairs: unknown[][]): unknown {
  const text = pairs.flat().map((v) => String(isDecimal(v) ? v : Number(v)));
  const decimal = pairs.flat().some(isDecimal);
  const nan = text.some((s) => s === 'NaN') || (text.includes('Infinity') && text.includes('-Infinity'));
  const spelled = nan ? 'NaN' : text.includes('-Infinity') ? '-Infinity' : 'Infinity';
  return decimal ? Decimal128.fromString(spelled) : makeDouble(Number(spelled));
}

/** WindowFunctionCovariance: Welford's online covariance over the [x, y] pairs whose both values are numbers. */
function covariance(sample: boolean): Acc {
  return (coll, expr, options) => {
    const pairs = (push(coll, expr, options) as unknown[]).filter(
      (p): p is unknown[] => Array.isArray(p) && p.length === 2 && isNum(p[0]) && isNum(p[1]),
    );
    const infinite = pairs.filter((p) => nonFinite(p[0]) || nonFinite(p[1]));
    const meanX = new Mean();
    const meanY = new Mean();
    let cXY: unknown = 0;
    let count = 0;
    for (const [x, y] of pairs.filter((p) => !infinite.includes(p))) {
      count += 1;
      const before = meanX.value();
      meanX.add(x);
      meanY.add(y);
      if (before !== null) cXY = arith('+', cXY, arith('*', arith('-', x, before), arith('-', y, meanY.value())));
    }
    if (count === 1 && !sample) return makeDouble(0);
    const adjusted = sample ? count - 1 : count;
    if (adjusted <= 0) return null;
    if (!infinite.length) return arith('/', cXY, adjusted);
    // a NaN or an infinity decides the result alone (it is added to the co-moment, then divided)
    const extreme = nonFiniteSum(infinite);
    return isDecimal(cXY) ? Decimal128.fromString(String(extreme)) : extreme;
  };
}

/** WindowFunctionExecDerivative: (y at the window's last document − y at its first) / (their sort keys' run). */
const $derivative: WindowOp = (_obj, coll, expr, options) => {
  const unit = unitMillis('$derivative', expr.inputExpr.unit);
  if (!coll.length) return null;
  const key = sortKey('$derivative', expr);
  const ends = [coll[0], coll[coll.length - 1]];
  const [t0, t1] = push(ends, key, options) as unknown[];
  if (unit) {
    if (!isDate(t0) || !isDate(t1)) fail(5624900, "$derivative with 'unit' expects the sortBy field to be a Date");
  } else {
    if (isDate(t0) || isDate(t1)) fail(5624901, "$derivative where the sortBy is a Date requires an 'unit'");
    if (!isNum(t0) || !isNum(t1)) fail(5624902, "$derivative (with no 'unit') expects the sortBy field to be numeric");
  }
  const [y0, y1] = push(ends, expr.inputExpr.input, options) as unknown[];
  if (y0 === null || y0 === undefined || y1 === null || y1 === undefined)
    fail(5624903, '$derivative input must not be null or missing');
  if (!isNum(y0) || !isNum(y1)) fail(16556, 'cant $subtract a non-number from a number');
  const runValue = run(t1, t0);
  if (Number(String(runValue)) === 0) return null; // a one-document window: mongod's divide by zero gives null
  // the run in `unit`s first (the manual's results are computed so), then rise / run
  return arith('/', arith('-', y1, y0), unit ? arith('/', runValue, unit) : runValue);
};

/** WindowFunctionIntegral: the trapezoidal rule over consecutive [sortBy, input] points of the window. */
const $integral: WindowOp = (_obj, coll, expr, options) => {
  const unit = unitMillis('$integral', expr.inputExpr.unit);
  if (!coll.length) return null;
  const xs = push(coll, sortKey('$integral', expr), options) as unknown[];
  const ys = push(coll, expr.inputExpr.input, options) as unknown[];
  let total: unknown = 0;
  let nan = false;
  for (let i = 0; i < xs.length; i += 1) {
    if (!isNum(ys[i]) || !(isNum(xs[i]) || isDate(xs[i])))
      fail(
        5423900,
        'The input value of $integral window function must be a vector of 2 value, the first value must be numeric or date type and the second must be numeric.',
      );
    if (unit && !isDate(xs[i])) fail(5423901, "$integral with 'unit' expects the sortBy field to be a Date");
    if (!unit && !isNum(xs[i])) fail(5423902, "$integral (with no 'unit') expects the sortBy field to be numeric");
    nan ||= String(ys[i]) === 'NaN' || (isNum(xs[i]) && String(xs[i]) === 'NaN');
    if (i === 0 || nan) continue;
    const width = unit ? arith('/', run(xs[i], xs[i - 1]), unit) : run(xs[i], xs[i - 1]);
    const area = arith('/', arith('*', arith('+', ys[i], ys[i - 1]), width), makeDouble(2.0));
    total = arith('+', total, area);
  }
  return nan ? makeDouble(NaN) : total;
};

/** mongod's decimal arithmetic: 34 significant digits, half to even. */
const D = Decimal.clone({ precision: 34, rounding: Decimal.ROUND_HALF_EVEN, maxE: 6144, minE: -6176 });

/** Value::coerceToDecimal: a double converts through its 15 significant digits (Decimal128(double)). */
function toDecimal(v: unknown): Decimal {
  const kind = numKind(v);
  if (kind === 'decimal' || kind === 'long' || kind === 'int') return new D(String(v));
  const n = Number(v);
  return Number.isFinite(n) ? new D(n.toPrecision(15)) : new D(n);
}

function smoothing(spec: Record<string, unknown>): Decimal {
  const keys = Object.keys(spec);
  const n = spec.N;
  const alpha = spec.alpha;
  if (keys.length !== 2 || !('input' in spec) || (n === undefined) === (alpha === undefined))
    return fail(
      9,
      "$expMovingAvg sub object must have exactly two fields: An 'input' field, and either an 'N' field or an 'alpha' field",
    );
  if (n !== undefined) {
    if (!isNum(n) || !Number.isInteger(Number(n))) return fail(9, "'N' field must be an integer");
    if (Number(n) <= 0) return fail(9, `'N' must be greater than zero. Got ${String(n)}`);
    return new D(2).div(new D(String(n)).plus(1));
  }
  const a = isNum(alpha) ? toDecimal(alpha) : null;
  if (!a || !(a.gt(0) && a.lt(1)))
    return fail(9, `'alpha' must be between 0 and 1 (exclusive), found alpha: ${String(alpha)}`);
  return a;
}

/** AccumulatorExpMovingAvg: decimal arithmetic throughout; a double result unless a Decimal128 was seen. */
const $expMovingAvg: WindowOp = (_obj, coll, expr, options) => {
  const alpha = smoothing(expr.inputExpr);
  return memo(coll, expr, () => {
    let current: Decimal | null = null;
    let decimal = false;
    return (push(coll, expr.inputExpr.input, options) as unknown[]).map((v) => {
      if (isNum(v)) {
        decimal ||= isDecimal(v);
        const x = toDecimal(v);
        current = current === null ? x : x.times(alpha).plus(current.times(new D(1).minus(alpha)));
      }
      if (current === null) return null;
      return decimal ? Decimal128.fromStringWithRounding(current.toString()) : makeDouble(current.toNumber());
    });
  });
};

export const windowAccumulators = { $covariancePop: covariance(false), $covarianceSamp: covariance(true) } as Record<
  string,
  Acc
>;
export const windowOperators = {
  $derivative,
  $integral,
  $expMovingAvg,
  ...windowStdDevOperators,
} as Record<string, WindowOp>;
