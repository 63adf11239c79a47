/** BSON type numbers and the `$type` aliases MongoDB accepts for them (query `$type`, `$jsonSchema` bsonType). */
import { TypeClass, typeClass } from './compare';

export const TYPE_ALIASES: Record<string, number[]> = {
  double: [1],
  string: [2],
  object: [3],
  array: [4],
  binData: [5],
  undefined: [6],
  objectId: [7],
  bool: [8],
  date: [9],
  null: [10],
  regex: [11],
  javascript: [13],
  int: [16],
  timestamp: [17],
  long: [18],
  decimal: [19],
  minKey: [-1],
  maxKey: [127],
  number: [1, 16, 18, 19],
};

/**
 * BSON type numbers a stored value has: an integral number in the int32 range is an int32, any other JS
 * number a double (as bson serialises them; an integral double is held as `Double`, bson/values.ts).
 */
export function bsonTypeNumbers(v: unknown): number[] {
  if (v === null) return [10];
  if (v === undefined) return [6];
  if (typeof v === 'number')
    return Number.isInteger(v) && v >= -0x80000000 && v <= 0x7fffffff && !Object.is(v, -0) ? [16] : [1];
  if (typeof v === 'bigint') return [18];
  const bt = (v as { _bsontype?: string })._bsontype;
  const map: Record<string, number> = {
    Long: 18,
    Decimal128: 19,
    Int32: 16,
    Double: 1,
    ObjectId: 7,
    Binary: 5,
    Timestamp: 17,
    BSONRegExp: 11,
    MinKey: -1,
    MaxKey: 127,
    Code: 13,
    BSONSymbol: 14,
  };
  if (bt && map[bt] !== undefined) return [map[bt]];
  switch (typeClass(v)) {
    case TypeClass.String:
      return [2];
    case TypeClass.Boolean:
      return [8];
    case TypeClass.Date:
      return [9];
    case TypeClass.RegExp:
      return [11];
    case TypeClass.Array:
      return [4];
    case TypeClass.BinData:
      return [5];
    default:
      return [3];
  }
}
