/**
 * `$median`, `$percentile`, `$stdDevPop` and `$stdDevSamp` (accumulators, expressions and `$setWindowFields`
 * outputs) over every numeric BSON type, computed as mongod computes them in doubles
 * (reference/operator/aggregation/median, percentile, stdDevPop, stdDevSamp): non-numeric values are
 * ignored and every result is a double. mingo counted only JS numbers (an int64, a Decimal128 or an integral
 * `Double` was dropped), sorted percentile inputs as strings and returned NaN for an empty standard deviation.
 */
import { fail } from './errors';
import { asDouble, makeDouble, numKind } from './number-types';

type Acc = (coll: unknown[], expr: unknown, options: unknown) => unknown;
type Expr = (obj: unknown, expr: unknown, options: unknown) => unknown;
const push = (require('mingo/operators/accumulator') as { $push: Acc }).$push;
const { evalExpr } = require('mingo/core') as { evalExpr: Expr };

const isDoc = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The numeric values among `values`, as doubles. */
const doubles = (values: unknown[]): number[] => values.filter((v) => numKind(v) !== null).map(asDouble);

/** Welford's online algorithm, as mongod's AccumulatorStdDev; null below two values (sample) or one (population). */
function stdDev(values: unknown[], sample: boolean): unknown {
  let count = 0;
  let mean = 0;
  let m2 = 0;
  for (const x of doubles(values)) {
    count += 1;
    const delta = x - mean;
    if (delta !== 0) {
      mean += delta / count;
      m2 += delta * (x - mean);
    }
  }
  const n = sample ? count - 1 : count;
  return n <= 0 ? null : makeDouble(Math.sqrt(m2 / n));
}

const values = (coll: unknown[], expr: unknown, options: unknown): unknown[] =>
  expr === null || expr === undefined ? coll : (push(coll, expr, options) as unknown[]);

const stdDevAccumulator =
  (sample: boolean): Acc =>
  (coll, expr, options) =>
    stdDev(values(coll, expr, options), sample);

interface PercentileSpec {
  input: unknown;
  p: unknown;
}

/** mongod's parse of `{input, p, method}` (7.0: `method` is required and only "approximate" exists). */
function checkSpec(name: '$median' | '$percentile', spec: unknown, code: number): PercentileSpec {
  if (!isDoc(spec)) return fail(code, `specification must be an object; found ${name}: ${JSON.stringify(spec)}`);
  const fields = name === '$median' ? ['input', 'method'] : ['input', 'p', 'method'];
  const unknown = Object.keys(spec).find((k) => !fields.includes(k));
  if (unknown !== undefined) fail(40415, `BSON field '${name}.${unknown}' is an unknown field.`);
  const missing = fields.find((k) => !(k in spec));
  if (missing !== undefined) fail(40414, `BSON field '${name}.${missing}' is missing but a required field`);
  return spec as unknown as PercentileSpec;
}

const P_MESSAGE = "The $percentile 'p' field must be an array of numbers from [0.0, 1.0], but found: ";

function probabilities(spec: PercentileSpec | null, obj: unknown, options: unknown): number[] {
  if (!spec) return [0.5];
  const list = evalExpr(obj, spec.p, options);
  if (!Array.isArray(list) || !list.length) return fail(7750301, P_MESSAGE + JSON.stringify(list));
  return list.map((x) => {
    if (!numKind(x)) fail(7750302, P_MESSAGE + JSON.stringify(x ?? null));
    if (!(asDouble(x) >= 0 && asDouble(x) <= 1)) fail(7750303, P_MESSAGE + asDouble(x));
    return asDouble(x);
  });
}

function checkMethod(spec: unknown): void {
  if ((spec as { method: unknown }).method !== 'approximate')
    fail(2, "Currently only 'approximate' can be used as a percentile 'method'.");
}

/**
 * mongod's discrete percentile (what its "approximate" method computes on small inputs): the value at rank
 * ⌈p·n⌉ − 1 of the sorted numeric inputs (n − 1 for p = 1), NaN ignored.
 */
function percentiles(inputs: unknown[], ps: number[]): unknown[] {
  const sorted = doubles(inputs)
    .filter((x) => !Number.isNaN(x))
    .sort((a, b) => a - b);
  const n = sorted.length;
  return ps.map((p) => (n ? makeDouble(sorted[p >= 1 ? n - 1 : Math.max(0, Math.ceil(n * p) - 1)]) : null));
}

/** The accumulator: `$median` is `$percentile` with p = [0.5], unwrapped. */
function percentileAccumulator(name: '$median' | '$percentile', code: number): Acc {
  return (coll, expr, options) => {
    const spec = checkSpec(name, expr, code);
    const ps = probabilities(name === '$median' ? null : spec, {}, options);
    checkMethod(spec);
    const out = percentiles(values(coll, spec.input, options), ps);
    return name === '$median' ? out[0] : out;
  };
}

/** The expression: `input` evaluates to an array (or a single value) per document. */
function percentileExpression(name: '$median' | '$percentile', code: number): Expr {
  return (obj, expr, options) => {
    const spec = checkSpec(name, expr, code);
    const ps = probabilities(name === '$median' ? null : spec, obj, options);
    checkMethod(spec);
    const input = evalExpr(obj, spec.input, options);
    const out = percentiles(Array.isArray(input) ? input : [input], ps);
    return name === '$median' ? out[0] : out;
  };
}

export const statisticsAccumulators = {
  $median: percentileAccumulator('$median', 7436100),
  $percentile: percentileAccumulator('$percentile', 7429703),
  $stdDevPop: stdDevAccumulator(false),
  $stdDevSamp: stdDevAccumulator(true),
} as Record<string, Acc>;

/** `{$stdDevPop: <array expression>}` or `{$stdDevPop: [<expr>, …]}` (one array-valued element is traversed). */
const stdDevExpression =
  (sample: boolean): Expr =>
  (obj, expr, options) => {
    let v = evalExpr(obj, expr, options);
    if (Array.isArray(expr) && expr.length === 1 && Array.isArray(v) && Array.isArray(v[0])) v = v[0];
    return stdDev(Array.isArray(v) ? v : [v], sample);
  };

export const statisticsExpressions = {
  $stdDevPop: stdDevExpression(false),
  $stdDevSamp: stdDevExpression(true),
  $median: percentileExpression('$median', 7436201),
  $percentile: percentileExpression('$percentile', 7436200),
} as Record<string, Expr>;
