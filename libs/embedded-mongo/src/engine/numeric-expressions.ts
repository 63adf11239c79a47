/**
 * Aggregation arithmetic and numeric conversions with MongoDB's numeric types (engine/number-types.ts):
 * `$add` (numbers and one date), `$subtract`, `$multiply`, `$divide`, `$mod`, `$abs`, rounding, `$sqrt`,
 * `$pow`, logarithms, and `$toInt`/`$toLong`/`$toDouble`/`$toDecimal`. mingo computes on JS numbers only:
 * it loses int64 precision, refuses `Long`/`Decimal128` operands and cannot return an integral double.
 */
import { Decimal128, Long } from 'bson';
import {
  decimalExp,
  decimalLn,
  decimalLog,
  decimalLog10,
  decimalPow,
  decimalRound,
  decimalSign,
  decimalSqrt,
} from './decimal-math';
import { fail } from './errors';
import { arith, type ArithOp, asDouble, makeDouble, numberOfKind, numKind } from './number-types';

type Expr = (obj: unknown, expr: unknown, options: unknown) => unknown;
const { evalExpr } = require('mingo/core') as { evalExpr: Expr };

const isNil = (v: unknown): boolean => v === null || v === undefined;
const bsontype = (v: unknown): string | undefined => (v as { _bsontype?: string } | null)?._bsontype;

function typeLabel(v: unknown): string {
  if (v instanceof Date) return 'date';
  return numKind(v) ?? (typeof v === 'string' ? 'string' : Array.isArray(v) ? 'array' : typeof v);
}

function args(name: string, obj: unknown, expr: unknown, options: unknown, count?: number): unknown[] {
  const values = evalExpr(obj, expr, options);
  const list = Array.isArray(values) ? values : [values];
  if (count !== undefined && list.length !== count)
    fail(16020, `Expression ${name} takes exactly ${count} arguments. ${list.length} were passed in.`);
  return list;
}

const $add: Expr = (obj, expr, options) => {
  const list = args('$add', obj, expr, options);
  if (list.some(isNil)) return null;
  let date: Date | null = null;
  let total: unknown = 0;
  for (const v of list) {
    if (v instanceof Date) {
      if (date) fail(16612, 'only one date allowed in an $add expression');
      date = v;
      continue;
    }
    if (!numKind(v)) fail(16554, `$add only supports numeric or date types, not ${typeLabel(v)}`);
    total = arith('+', total, v);
  }
  return date ? new Date(date.getTime() + Math.round(asDouble(total))) : total;
};

const $subtract: Expr = (obj, expr, options) => {
  const [a, b] = args('$subtract', obj, expr, options, 2);
  if (isNil(a) || isNil(b)) return null;
  if (a instanceof Date && b instanceof Date) return Long.fromNumber(a.getTime() - b.getTime());
  if (a instanceof Date && numKind(b)) return new Date(a.getTime() - Math.round(asDouble(b)));
  if (!numKind(a) || !numKind(b)) fail(16556, `can't $subtract ${typeLabel(b)} from ${typeLabel(a)}`);
  return arith('-', a, b);
};

function binary(name: string, op: ArithOp, code: number): Expr {
  return (obj, expr, options) => {
    const [a, b] = args(name, obj, expr, options, 2);
    if (isNil(a) || isNil(b)) return null;
    if (!numKind(a) || !numKind(b))
      fail(code, `${name} only supports numeric types, not ${typeLabel(a)} and ${typeLabel(b)}`);
    return arith(op, a, b);
  };
}

const $multiply: Expr = (obj, expr, options) => {
  const list = args('$multiply', obj, expr, options);
  if (list.some(isNil)) return null;
  let total: unknown = 1;
  for (const v of list) {
    if (!numKind(v)) fail(16555, `$multiply only supports numeric types, not ${typeLabel(v)}`);
    total = arith('*', total, v);
  }
  return total;
};

/** A one-argument operator keeping its input's numeric type (`$abs`, `$ceil`, `$floor`, `$trunc`). */
function sameKind(name: string, f: (n: number) => number): Expr {
  return (obj, expr, options) => {
    const [v, place] = args(name, obj, expr, options);
    if (isNil(v)) return null;
    const kind = numKind(v);
    if (!kind) return fail(28765, `${name} only supports numeric types, not ${typeLabel(v)}`);
    if (kind === 'decimal' && name !== '$abs') {
      const mode = name === '$ceil' ? 'ceil' : name === '$floor' ? 'floor' : 'trunc';
      return decimalRound(v as Decimal128, place === undefined ? 0 : asDouble(place), mode);
    }
    if (name === '$trunc' && place !== undefined && asDouble(place) !== 0) {
      const scale = 10 ** asDouble(place);
      return kind === 'long' && scale > 1 ? v : numberOfKind(kind, Math.trunc(asDouble(v) * scale) / scale);
    }
    if (kind === 'long' && name === '$abs') {
      const big = BigInt(String(v));
      return big === -9223372036854775808n
        ? fail(28680, "can't take $abs of long long min")
        : Long.fromBigInt(big < 0n ? -big : big);
    }
    if (kind === 'long' && name !== '$abs') return v; // already integral
    if (kind === 'decimal' && name === '$abs') return Decimal128.fromString(String(v).replace(/^-/, ''));
    return numberOfKind(kind === 'int' && name === '$abs' && v === -2147483648 ? 'long' : kind, f(asDouble(v)));
  };
}

interface Domain {
  /** the argument's sign must be ≥ this (0: non-negative, 1: positive) */
  min: number;
  code: number;
  message: (n: number) => string;
}

/**
 * A one-argument operator (`$sqrt`, `$exp`, `$ln`, `$log10`) with a double result, or a Decimal128 computed
 * to 34 digits for a Decimal128 argument. Outside the domain mongod fails with the operator's own code.
 */
function unaryMath(name: string, f: (n: number) => number, exact: (v: unknown) => Decimal128, domain?: Domain): Expr {
  return (obj, expr, options) => {
    const [v] = args(name, obj, expr, options);
    if (isNil(v)) return null;
    const kind = numKind(v);
    if (!kind) return fail(28765, `${name} only supports numeric types, not ${typeLabel(v)}`);
    if (domain && decimalSign(v) < domain.min) fail(domain.code, domain.message(asDouble(v)));
    return kind === 'decimal' ? exact(v) : makeDouble(f(asDouble(v)));
  };
}

const $round: Expr = (obj, expr, options) => {
  const [v, place = 0] = args('$round', obj, expr, options);
  if (isNil(v) || isNil(place)) return null;
  const kind = numKind(v);
  if (!kind) return fail(51081, `$round only supports numeric types, not ${typeLabel(v)}`);
  const p = asDouble(place);
  if (kind === 'decimal') return decimalRound(v as Decimal128, p, 'round');
  const scale = 10 ** p;
  const n = asDouble(v);
  // MongoDB rounds half to even
  const x = n * scale;
  const r = Math.abs(x % 1) === 0.5 ? 2 * Math.round(x / 2) : Math.round(x);
  if (kind === 'long' && p >= 0) return v;
  return numberOfKind(kind, r / scale);
};

const $pow: Expr = (obj, expr, options) => {
  const [a, b] = args('$pow', obj, expr, options, 2);
  if (isNil(a) || isNil(b)) return null;
  const ka = numKind(a);
  const kb = numKind(b);
  if (!ka || !kb) return fail(28762, `$pow only supports numeric types`);
  if (asDouble(a) === 0 && asDouble(b) < 0) fail(28764, '$pow cannot take a base of 0 and a negative exponent');
  const n = asDouble(a) ** asDouble(b);
  if ((ka === 'int' || ka === 'long') && (kb === 'int' || kb === 'long') && asDouble(b) >= 0) {
    const exact = BigInt(String(a)) ** BigInt(String(b));
    const kind = ka === 'long' || kb === 'long' ? 'long' : 'int';
    if (kind === 'int' && exact >= -2147483648n && exact <= 2147483647n) return Number(exact);
    if (exact >= -9223372036854775808n && exact <= 9223372036854775807n) return Long.fromBigInt(exact);
    return makeDouble(n);
  }
  return ka === 'decimal' || kb === 'decimal' ? decimalPow(a, b) : makeDouble(n);
};

const $log: Expr = (obj, expr, options) => {
  const [a, b] = args('$log', obj, expr, options, 2);
  if (isNil(a) || isNil(b)) return null;
  if (!numKind(a) || !numKind(b)) return fail(28756, '$log only supports numeric types');
  // NaN passes (the result is NaN)
  if (decimalSign(a) <= 0) fail(28758, `$log's argument must be a positive number, but is ${asDouble(a)}`);
  if (decimalSign(b) <= 0 || asDouble(b) === 1)
    fail(28759, `$log's base must be a positive number not equal to 1, but is ${asDouble(b)}`);
  if (numKind(a) === 'decimal' || numKind(b) === 'decimal') return decimalLog(a, b);
  return makeDouble(Math.log(asDouble(a)) / Math.log(asDouble(b)));
};

/** `$toInt`, `$toLong`, `$toDouble`, `$toDecimal` of numbers, booleans, dates and numeric strings. */
function convertNumber(v: unknown, to: 'int' | 'long' | 'double' | 'decimal'): unknown {
  if (isNil(v)) return null;
  const name = { int: '$toInt', long: '$toLong', double: '$toDouble', decimal: '$toDecimal' }[to];
  let n: number;
  if (typeof v === 'boolean') n = v ? 1 : 0;
  else if (v instanceof Date) n = v.getTime();
  else if (typeof v === 'string') {
    if (
      !/^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/.test(v) ||
      ((to === 'int' || to === 'long') && /[.eE]/.test(v))
    )
      return fail(241, `Failed to parse number '${v}' in $convert with no onError value`);
    if (to === 'decimal') return Decimal128.fromString(v.trim());
    if (to === 'long') return Long.fromString(v.trim());
    n = Number(v);
  } else if (numKind(v)) {
    if (to === 'decimal') return bsontype(v) === 'Decimal128' ? v : Decimal128.fromString(String(asDouble(v)));
    if (to === 'long' && numKind(v) === 'long') return v;
    n = asDouble(v);
  } else return fail(241, `Unsupported conversion from ${typeLabel(v)} to ${to} in $convert with no onError value`);
  if (to === 'double') return makeDouble(n);
  if (to === 'decimal') return Decimal128.fromString(String(n));
  const t = Math.trunc(n);
  if (!Number.isFinite(t) || (to === 'int' && (t < -2147483648 || t > 2147483647)))
    return fail(241, `Conversion would overflow target type in ${name}`);
  return to === 'int' ? t : Long.fromNumber(t);
}

const converter =
  (to: 'int' | 'long' | 'double' | 'decimal'): Expr =>
  (obj, expr, options) =>
    convertNumber(evalExpr(obj, expr, options), to);

/** `$convert` targets this module answers (by name or BSON type number). */
export const NUMERIC_TARGETS: Record<string, 'int' | 'long' | 'double' | 'decimal'> = {
  int: 'int',
  16: 'int',
  long: 'long',
  18: 'long',
  double: 'double',
  1: 'double',
  decimal: 'decimal',
  19: 'decimal',
};
export { convertNumber };

export const numericExpressions = {
  $add,
  $subtract,
  $multiply,
  $divide: binary('$divide', '/', 16609),
  $mod: binary('$mod', '%', 16611),
  $abs: sameKind('$abs', Math.abs),
  $ceil: sameKind('$ceil', Math.ceil),
  $floor: sameKind('$floor', Math.floor),
  $trunc: sameKind('$trunc', Math.trunc),
  $round,
  $pow,
  $log,
  $sqrt: unaryMath('$sqrt', Math.sqrt, decimalSqrt, {
    min: 0,
    code: 28714,
    message: () => "$sqrt's argument must be greater than or equal to 0",
  }),
  $exp: unaryMath('$exp', Math.exp, decimalExp),
  $ln: unaryMath('$ln', Math.log, decimalLn, {
    min: 1,
    code: 28766,
    message: (n) => `$ln's argument must be a positive number, but is ${n}`,
  }),
  $log10: unaryMath('$log10', Math.log10, decimalLog10, {
    min: 1,
    code: 28761,
    message: (n) => `$log10's argument must be a positive number, but is ${n}`,
  }),
  $toInt: converter('int'),
  $toLong: converter('long'),
  $toDouble: converter('double'),
  $toDecimal: converter('decimal'),
} as Record<string, Expr>;
