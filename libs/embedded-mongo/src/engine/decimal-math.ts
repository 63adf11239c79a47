/**
 * Decimal128 mathematics to Decimal128's 34 significant digits, rounded half to even as mongod's decimal
 * library rounds: `$sqrt`, `$exp`, `$ln`, `$log`, `$log10`, `$pow`, and `$round`/`$trunc` to a number of
 * places (a quantize: the result has exactly `place` decimals, as mongod's). Values travel between bson's
 * `Decimal128` and decimal.js as strings; every numeric BSON type is accepted as an operand.
 */
import { Decimal128 } from 'bson';
import Decimal from 'decimal.js';
import { asDouble, numKind } from './number-types';

const D = Decimal.clone({
  precision: 34,
  rounding: Decimal.ROUND_HALF_EVEN,
  // Decimal128's exponent range: beyond it a result overflows to Infinity or underflows to 0
  maxE: 6144,
  minE: -6176,
});

/** A BSON number as a decimal.js value (a double by its shortest round-trip spelling). */
function dec(v: unknown): Decimal {
  if (numKind(v) === 'decimal') return new D((v as Decimal128).toString());
  if (numKind(v) === 'long') return new D(String(v));
  return new D(asDouble(v));
}

function bson(d: Decimal): Decimal128 {
  return Decimal128.fromStringWithRounding(d.isNaN() ? 'NaN' : d.toString());
}

export const decimalSqrt = (v: unknown): Decimal128 => bson(dec(v).sqrt());
export const decimalExp = (v: unknown): Decimal128 => bson(dec(v).exp());
export const decimalLn = (v: unknown): Decimal128 => bson(dec(v).ln());
export const decimalLog10 = (v: unknown): Decimal128 => bson(dec(v).log(10));
export const decimalLog = (v: unknown, base: unknown): Decimal128 => bson(dec(v).log(dec(base)));
export const decimalPow = (base: unknown, exponent: unknown): Decimal128 => bson(dec(base).pow(dec(exponent)));

/** A Decimal128's exact integer value, or null if it has a fraction or is not finite. */
export function decimalToInteger(v: unknown): bigint | null {
  const d = dec(v);
  return d.isFinite() && d.isInteger() ? BigInt(d.toFixed(0)) : null;
}

/** Compares a BSON number with zero exactly (NaN compares as NaN). */
export function decimalSign(v: unknown): number {
  const d = dec(v);
  return d.isNaN() ? NaN : d.isZero() ? 0 : d.isNegative() ? -1 : 1;
}

const ROUNDING = {
  round: Decimal.ROUND_HALF_EVEN,
  trunc: Decimal.ROUND_DOWN,
  ceil: Decimal.ROUND_CEIL,
  floor: Decimal.ROUND_FLOOR,
} as const;

/**
 * `$round` (half to even), `$trunc` (towards zero), `$ceil` or `$floor` of a Decimal128 to `place` decimals
 * (negative: tens, hundreds, …). The result's exponent is `-place` unless the value already has fewer digits than that.
 */
export function decimalRound(v: Decimal128, place: number, mode: keyof typeof ROUNDING): Decimal128 {
  const d = dec(v);
  if (!d.isFinite()) return v;
  const scaled = d.times(new D(10).pow(place));
  const coefficient = scaled.toDecimalPlaces(0, ROUNDING[mode]);
  const digits = coefficient.abs().toFixed(0);
  if (digits.length > 34) return v; // more places than the value has digits: unchanged
  const sign = coefficient.isNegative() || (coefficient.isZero() && d.isNegative()) ? '-' : '';
  return Decimal128.fromString(`${sign}${digits}E${-place}`);
}
