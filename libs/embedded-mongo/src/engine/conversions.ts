/**
 * Aggregation type expressions on BSON values mingo does not know: `$toObjectId`, `$convert` to/from
 * objectId, `$toString`/`$toDate` of an ObjectId, and `$type` names (objectId, date, long, decimal, …).
 * Anything else is handed to mingo's own operator.
 */
import { ObjectId } from 'bson';
import { TypeClass, typeClass } from '../bson/compare';
import { fail } from './errors';
type Expr = (obj: unknown, expr: unknown, options: unknown) => unknown;
const { evalExpr } = require('mingo/core') as { evalExpr: Expr };
const base = require('mingo/operators/expression') as Record<string, Expr>;

const bsontype = (v: unknown): string | undefined => (v as { _bsontype?: string } | null)?._bsontype;
const isObjectId = (v: unknown): v is ObjectId => bsontype(v) === 'ObjectId';

function toObjectId(v: unknown): ObjectId | null {
  if (v === null || v === undefined) return null;
  if (isObjectId(v)) return v;
  if (typeof v !== 'string')
    return fail(241, `Unsupported conversion from ${typeName(v)} to objectId in $convert with no onError value`);
  if (!/^[0-9a-fA-F]{24}$/.test(v)) {
    const why =
      v.length === 24
        ? 'Invalid character found in hex string'
        : `Invalid string length for parsing to OID, expected 24 but found ${v.length}`;
    return fail(241, `Failed to parse objectId '${v}' in $convert with no onError value: ${why}`);
  }
  return new ObjectId(v);
}

export function typeName(v: unknown): string {
  if (v === undefined) return 'missing';
  if (v === null) return 'null';
  const bt = bsontype(v);
  const names: Record<string, string> = {
    ObjectId: 'objectId',
    Long: 'long',
    Decimal128: 'decimal',
    Int32: 'int',
    Double: 'double',
    Binary: 'binData',
    Timestamp: 'timestamp',
    BSONRegExp: 'regex',
    MinKey: 'minKey',
    MaxKey: 'maxKey',
    Code: 'javascript',
    BSONSymbol: 'symbol',
  };
  if (bt && names[bt]) return names[bt];
  switch (typeClass(v)) {
    case TypeClass.Date:
      return 'date';
    case TypeClass.Array:
      return 'array';
    case TypeClass.BinData:
      return 'binData';
    case TypeClass.RegExp:
      return 'regex';
    case TypeClass.Boolean:
      return 'bool';
    case TypeClass.String:
      return 'string';
    case TypeClass.Number:
      return Number.isInteger(v) ? (Math.abs(v as number) <= 0x7fffffff ? 'int' : 'long') : 'double';
    default:
      return 'object';
  }
}

/** ObjectId and 64-bit/decimal values convert to their string form; the rest as mingo does. */
function toStringValue(v: unknown, obj: unknown, options: unknown): unknown {
  if (isObjectId(v)) return v.toHexString();
  const bt = bsontype(v);
  if (bt === 'Long' || bt === 'Decimal128') return String(v);
  return base.$toString(obj, { $literal: v }, options);
}

function toDateValue(v: unknown, obj: unknown, options: unknown): unknown {
  if (isObjectId(v)) return v.getTimestamp();
  return base.$toDate(obj, { $literal: v }, options);
}

const $convert: Expr = (obj, expr, options) => {
  const spec = expr as { input?: unknown; to?: unknown; onError?: unknown; onNull?: unknown };
  if (spec === null || typeof spec !== 'object' || !('input' in spec) || !('to' in spec))
    return fail(9, "Missing 'input' or 'to' parameter to $convert");
  const input = evalExpr(obj, spec.input, options);
  if (input === null || input === undefined)
    return spec.onNull === undefined ? null : evalExpr(obj, spec.onNull, options);
  const to = evalExpr(obj, spec.to, options);
  try {
    if (to === 'objectId' || to === 7) return toObjectId(input);
    if (to === 'string' || to === 2) return toStringValue(input, obj, options);
    if (to === 'date' || to === 9) return toDateValue(input, obj, options);
    return base.$convert(obj, { ...spec, input: { $literal: input }, onError: undefined }, options);
  } catch (e) {
    if (spec.onError === undefined) throw e;
    return evalExpr(obj, spec.onError, options);
  }
};

export const conversionExpressions = {
  $toObjectId: ((obj: unknown, expr: unknown, options: unknown) => toObjectId(evalExpr(obj, expr, options))) as never,
  $toString: ((obj: unknown, expr: unknown, options: unknown) =>
    toStringValue(evalExpr(obj, expr, options), obj, options)) as never,
  $toDate: ((obj: unknown, expr: unknown, options: unknown) =>
    toDateValue(evalExpr(obj, expr, options), obj, options)) as never,
  $type: ((obj: unknown, expr: unknown, options: unknown) => typeName(evalExpr(obj, expr, options))) as never,
  $convert: $convert as never,
};
