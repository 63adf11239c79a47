/**
 * The query operators `$bitsAllSet`, `$bitsAllClear`, `$bitsAnySet`, `$bitsAnyClear`
 * (reference/operator/query/bitsAllSet, …) on every numeric BSON type and BinData. The operand is a
 * non-negative integral number (int32, int64, an integral double or Decimal128), a BinData bitmask or an array
 * of bit positions. A field's number matches only if it is integral and fits an int64; a negative one is two's
 * complement, sign-extended beyond bit 63. mingo tested bits with JS's 32-bit operators on JS numbers only.
 */
import type { Binary } from 'bson';
import { pathValues } from '../bson/paths';
import { decimalToInteger } from './decimal-math';
import { fail } from './errors';
import { asDouble, numKind } from './number-types';

type Pred = (doc: unknown) => boolean;

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const bsontype = (v: unknown): string | undefined => (v as { _bsontype?: string } | null)?._bsontype;

/** A number as an exact int64, or null if it is not integral or does not fit. */
function toInt64(v: unknown): bigint | null {
  const kind = numKind(v);
  if (kind === 'long') return BigInt(String(v));
  const n = kind === 'decimal' ? decimalToInteger(v) : kind ? asDouble(v) : null;
  if (n === null || (typeof n === 'number' && !Number.isInteger(n))) return null;
  const big = BigInt(n);
  return big >= INT64_MIN && big <= INT64_MAX ? big : null;
}

function bitsOfBinary(b: Binary): number[] {
  const bytes = b.buffer;
  const positions: number[] = [];
  for (let i = 0; i < bytes.length; i++)
    for (let bit = 0; bit < 8; bit++) if (bytes[i] & (1 << bit)) positions.push(i * 8 + bit);
  return positions;
}

/** The operand's bit positions (mongod's errors: code 2). */
function positionsOf(op: string, spec: unknown): number[] {
  if (bsontype(spec) === 'Binary') return bitsOfBinary(spec as Binary);
  if (Array.isArray(spec))
    return spec.map((p) => {
      if (!numKind(p)) return fail(2, `${op} bit positions must be numbers, but got: ${JSON.stringify(p)}`);
      const n = toInt64(p);
      if (n === null) return fail(2, `${op} bit positions must be integers, but got: ${asDouble(p)}`);
      if (n < 0n) return fail(2, `${op} bit positions must be >= 0, but got: ${n}`);
      if (n > 2147483647n) return fail(2, `${op} bit positions cannot exceed 2147483647, but got: ${n}`);
      return Number(n);
    });
  if (!numKind(spec))
    return fail(2, `${op} takes an Array, a number, or a BinData but received: ${JSON.stringify(spec)}`);
  const mask = toInt64(spec);
  if (mask === null) return fail(2, `${op} cannot represent ${asDouble(spec)} as a 64-bit integer bitmask`);
  if (mask < 0n) return fail(2, `${op} bitmask must be a non-negative number, but got: ${mask}`);
  const positions: number[] = [];
  for (let i = 0; i < 64; i++) if ((mask >> BigInt(i)) & 1n) positions.push(i);
  return positions;
}

/** Whether bit `p` of a field's value is set: an int64 (sign-extended) or BinData (bytes little-endian). */
function bitReader(v: unknown): ((p: number) => boolean) | null {
  if (bsontype(v) === 'Binary') {
    const bytes = (v as Binary).buffer;
    return (p) => p >> 3 < bytes.length && (bytes[p >> 3] & (1 << (p & 7))) !== 0;
  }
  const n = toInt64(v);
  if (n === null) return null;
  return (p) => (p >= 64 ? n < 0n : ((BigInt.asUintN(64, n) >> BigInt(p)) & 1n) === 1n);
}

type Test = (positions: number[], bit: (p: number) => boolean) => boolean;

function bitsOperator(op: string, test: Test) {
  return (path: string, spec: unknown): Pred => {
    const positions = positionsOf(op, spec);
    return (doc) =>
      pathValues(doc, path).values.some((v) => {
        const bit = bitReader(v);
        return bit !== null && test(positions, bit);
      });
  };
}

export const bitsQueryOperators = {
  $bitsAllSet: bitsOperator('$bitsAllSet', (ps, bit) => ps.every(bit)),
  $bitsAllClear: bitsOperator('$bitsAllClear', (ps, bit) => ps.every((p) => !bit(p))),
  $bitsAnySet: bitsOperator('$bitsAnySet', (ps, bit) => ps.some(bit)),
  $bitsAnyClear: bitsOperator('$bitsAnyClear', (ps, bit) => ps.some((p) => !bit(p))),
} as Record<string, (path: string, spec: unknown) => Pred>;
