/**
 * MongoDB's numeric types and their promotion (reference/operator/aggregation/add, multiply, …; reference/
 * operator/update/inc): int32 op int32 is an int32 unless it overflows (then int64); with an int64 it is an
 * int64 (overflowing to a double); with a double a double; with a Decimal128 an exact Decimal128. Values are
 * held as bson/values.ts describes (int32 = integral JS number, double = other JS number or `Double`,
 * int64 = `Long`).
 */
import { Decimal128, Double, Long } from 'bson';
import { needsDoubleWrapper } from '../bson/values';
import { fail } from './errors';

export type NumKind = 'int' | 'long' | 'double' | 'decimal';
const RANK: Record<NumKind, number> = { int: 0, long: 1, double: 2, decimal: 3 };

const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;
const INT64_MIN = -9223372036854775808n;
const INT64_MAX = 9223372036854775807n;

const bsontype = (v: unknown): string | undefined => (v as { _bsontype?: string } | null)?._bsontype;

export function numKind(v: unknown): NumKind | null {
  if (typeof v === 'number')
    return Number.isInteger(v) && v >= INT32_MIN && v <= INT32_MAX && !Object.is(v, -0) ? 'int' : 'double';
  if (typeof v === 'bigint') return 'long';
  switch (bsontype(v)) {
    case 'Int32':
      return 'int';
    case 'Long':
      return 'long';
    case 'Double':
      return 'double';
    case 'Decimal128':
      return 'decimal';
    default:
      return null;
  }
}

export function widest(a: NumKind, b: NumKind): NumKind {
  return RANK[a] >= RANK[b] ? a : b;
}

export function asDouble(v: unknown): number {
  if (typeof v === 'number') return v;
  if (bsontype(v) === 'Long') return (v as Long).toNumber();
  if (bsontype(v) === 'Decimal128') return Number((v as Decimal128).toString());
  return Number(v);
}

function asBig(v: unknown): bigint {
  return typeof v === 'bigint' ? v : BigInt(String(v));
}

/** A double result: one a plain number would turn into an int32 is held as `Double` (bson/values.ts). */
export function makeDouble(n: number): number | Double {
  return needsDoubleWrapper(n) ? new Double(n) : n;
}

/** An integer result of kind int/long: int32 overflow widens to int64, int64 overflow to a double. */
function makeInteger(r: bigint, kind: 'int' | 'long', onLongOverflow: 'double' | 'fail', op: string): unknown {
  if (kind === 'int' && r >= BigInt(INT32_MIN) && r <= BigInt(INT32_MAX)) return Number(r);
  if (r >= INT64_MIN && r <= INT64_MAX) return Long.fromBigInt(r);
  if (onLongOverflow === 'fail') return fail(2, `Failed to apply ${op} operations to current value: integer overflow`);
  return makeDouble(Number(r));
}

interface Dec {
  coef: bigint;
  exp: number;
}

function toDec(v: unknown): Dec {
  const s = bsontype(v) === 'Double' ? String((v as Double).value) : String(v);
  const m = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(s);
  if (!m) return fail(2, `cannot do exact decimal arithmetic on ${s}`);
  const digits = (m[2] || '0') + (m[3] ?? '');
  return { coef: BigInt((m[1] === '-' ? '-' : '') + digits), exp: Number(m[4] ?? 0) - (m[3]?.length ?? 0) };
}

function fromDec(d: Dec): Decimal128 {
  const neg = d.coef < 0n;
  return Decimal128.fromStringWithRounding(`${neg ? '-' : ''}${(neg ? -d.coef : d.coef).toString()}E${d.exp}`);
}

function align(x: Dec, y: Dec): [bigint, bigint, number] {
  const e = Math.min(x.exp, y.exp);
  return [x.coef * 10n ** BigInt(x.exp - e), y.coef * 10n ** BigInt(y.exp - e), e];
}

const DIVISION_DIGITS = 40n;

function decimal(op: string, a: unknown, b: unknown): Decimal128 {
  const x = toDec(a);
  const y = toDec(b);
  if (op === '*') return fromDec({ coef: x.coef * y.coef, exp: x.exp + y.exp });
  if (op === '/') {
    if (y.coef === 0n) return fail(16608, "can't $divide by zero");
    let coef = (x.coef * 10n ** DIVISION_DIGITS) / y.coef;
    let exp = x.exp - y.exp - Number(DIVISION_DIGITS);
    // an exact quotient takes the exponent closest to IEEE 754's preferred one (x's minus y's): 1/2 is 0.5
    if (coef * y.coef === x.coef * 10n ** DIVISION_DIGITS)
      while (exp < x.exp - y.exp && coef % 10n === 0n) {
        coef /= 10n;
        exp += 1;
      }
    return fromDec({ coef, exp });
  }
  const [p, q, e] = align(x, y);
  if (op === '%') {
    if (q === 0n) return fail(16610, "can't $mod by zero");
    return fromDec({ coef: p % q, exp: e });
  }
  return fromDec({ coef: op === '+' ? p + q : p - q, exp: e });
}

export type ArithOp = '+' | '-' | '*' | '/' | '%';

/**
 * `a op b` for two numbers with MongoDB's type promotion. `onLongOverflow`: aggregation widens an int64
 * overflow to a double; update operators ($inc, $mul) fail instead.
 */
export function arith(op: ArithOp, a: unknown, b: unknown, onLongOverflow: 'double' | 'fail' = 'double'): unknown {
  const ka = numKind(a);
  const kb = numKind(b);
  if (!ka || !kb) return fail(2, `arithmetic on a non-numeric value`);
  const kind = widest(ka, kb);
  if (kind === 'decimal') return decimal(op, a, b);
  if (op === '/') {
    if (asDouble(b) === 0) return fail(16608, "can't $divide by zero");
    return makeDouble(asDouble(a) / asDouble(b));
  }
  if (kind === 'double') {
    const x = asDouble(a);
    const y = asDouble(b);
    if (op === '%' && y === 0) return fail(16610, "can't $mod by zero");
    return makeDouble(op === '+' ? x + y : op === '-' ? x - y : op === '*' ? x * y : x % y);
  }
  const x = asBig(a);
  const y = asBig(b);
  if (op === '%' && y === 0n) return fail(16610, "can't $mod by zero");
  const r = op === '+' ? x + y : op === '-' ? x - y : op === '*' ? x * y : x % y;
  return makeInteger(r, kind, onLongOverflow, op === '*' ? '$mul' : '$inc');
}

/** Zero of a number's type ($mul on a missing field). */
export function zeroOf(v: unknown): unknown {
  switch (numKind(v)) {
    case 'long':
      return Long.fromNumber(0);
    case 'double':
      return new Double(0);
    case 'decimal':
      return Decimal128.fromString('0');
    default:
      return 0;
  }
}

/** A number of kind `kind` with the value `n` (conversions, unary math keeping the input type). */
export function numberOfKind(kind: NumKind, n: number): unknown {
  if (kind === 'decimal') return Decimal128.fromString(String(n));
  if (kind === 'double' || !Number.isFinite(n)) return makeDouble(n);
  if (kind === 'int' && n >= INT32_MIN && n <= INT32_MAX) return n;
  return Long.fromNumber(n);
}
