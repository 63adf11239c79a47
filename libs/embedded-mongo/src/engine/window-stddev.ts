/**
 * `$stdDevPop`/`$stdDevSamp` as `$setWindowFields` outputs, computed as mongod's WindowFunctionStdDev does
 * (not as the `$group` accumulator's Welford method): each value as a double, x = n·v − Σ, m2 += x²/(n(n−1)),
 * the sums kept as double-doubles; NaN or an infinity makes the result NaN; a population of one is the int 0.
 * mingo would call the accumulator for a window, so window-fields.ts renames these outputs to the names
 * below (and refuses them from a client, as mongod refuses an unknown window function).
 */
import { asDouble, makeDouble, numKind } from './number-types';

type Acc = (coll: unknown[], expr: unknown, options: unknown) => unknown;
type WindowOp = (obj: unknown, coll: unknown[], expr: { inputExpr: unknown }, options: unknown) => unknown;
const push = (require('mingo/operators/accumulator') as { $push: Acc }).$push;

/** The window forms' operator names, by the name a client writes. */
export const WINDOW_STDDEV: Record<string, string> = {
  $stdDevPop: '$stdDevPop_window',
  $stdDevSamp: '$stdDevSamp_window',
};

/** A sum of doubles kept as an unevaluated pair (hi + lo), as mongod's DoubleDoubleSummation. */
class DoubleDouble {
  private hi = 0;
  private lo = 0;
  add(x: number): void {
    const s = this.hi + x;
    const bp = s - this.hi;
    this.lo += this.hi - (s - bp) + (x - bp);
    this.hi = s;
  }
  value(): number {
    return this.hi + this.lo;
  }
}

function windowStdDev(sample: boolean): WindowOp {
  return (_obj, coll, expr, options) => {
    let count = 0;
    let nonFinite = 0;
    const sum = new DoubleDouble();
    const m2 = new DoubleDouble();
    for (const v of push(coll, expr.inputExpr, options) as unknown[]) {
      const kind = numKind(v);
      if (!kind) continue;
      const d = asDouble(v);
      if (kind !== 'int' && kind !== 'long' && !Number.isFinite(d)) {
        nonFinite += 1;
        count += 1;
        continue;
      }
      if (count === 0) {
        count = 1;
        sum.add(d);
        continue;
      }
      const x = count * d - sum.value();
      count += 1;
      sum.add(d);
      m2.add((x * x) / (count * (count - 1)));
    }
    if (nonFinite) return makeDouble(NaN);
    const adjusted = sample ? count - 1 : count;
    if (adjusted <= 0) return null;
    const squares = m2.value();
    if (squares < 0 || (!sample && count === 1)) return 0;
    return makeDouble(Math.sqrt(squares / adjusted));
  };
}

export const windowStdDevOperators: Record<string, WindowOp> = {
  [WINDOW_STDDEV.$stdDevPop]: windowStdDev(false),
  [WINDOW_STDDEV.$stdDevSamp]: windowStdDev(true),
};
