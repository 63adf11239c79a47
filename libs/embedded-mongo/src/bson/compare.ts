/**
 * MongoDB's BSON comparison and sort order.
 *
 * Cross-type order (https://www.mongodb.com/docs/manual/reference/bson-type-comparison-order/):
 * MinKey < null/missing < numbers < symbol/string < object < array < binData < ObjectId < bool < Date
 * < timestamp < regex < MaxKey. Values of the same class compare by value (never by reference).
 */
import type { Binary, Decimal128, Long, ObjectId, Timestamp } from 'bson';

export const enum TypeClass {
  MinKey = 1,
  Null = 2,
  Number = 3,
  String = 4,
  Object = 5,
  Array = 6,
  BinData = 7,
  ObjectId = 8,
  Boolean = 9,
  Date = 10,
  Timestamp = 11,
  RegExp = 12,
  Code = 13,
  MaxKey = 14,
}

function bsontype(v: object): string | undefined {
  return (v as { _bsontype?: string })._bsontype;
}

export function typeClass(v: unknown): TypeClass {
  if (v === null || v === undefined) return TypeClass.Null;
  switch (typeof v) {
    case 'number':
    case 'bigint':
      return TypeClass.Number;
    case 'string':
      return TypeClass.String;
    case 'boolean':
      return TypeClass.Boolean;
    case 'object':
      break;
    default:
      return TypeClass.Object;
  }
  if (Array.isArray(v)) return TypeClass.Array;
  if (v instanceof Date) return TypeClass.Date;
  if (v instanceof RegExp) return TypeClass.RegExp;
  switch (bsontype(v as object)) {
    case 'Long':
    case 'Int32':
    case 'Double':
    case 'Decimal128':
      return TypeClass.Number;
    case 'BSONSymbol':
      return TypeClass.String;
    case 'Binary':
      return TypeClass.BinData;
    case 'ObjectId':
      return TypeClass.ObjectId;
    case 'Timestamp':
      return TypeClass.Timestamp;
    case 'BSONRegExp':
      return TypeClass.RegExp;
    case 'MinKey':
      return TypeClass.MinKey;
    case 'MaxKey':
      return TypeClass.MaxKey;
    case 'Code':
      return TypeClass.Code;
    default:
      if (Buffer.isBuffer(v) || v instanceof Uint8Array) return TypeClass.BinData;
      return TypeClass.Object;
  }
}

const sign = (n: number): number => (n < 0 ? -1 : n > 0 ? 1 : 0);

/** Numeric value as bigint-exact where possible; returns [bigint|null, number]. */
function numParts(v: unknown): { big: bigint | null; num: number } {
  if (typeof v === 'number') return { big: Number.isInteger(v) && Number.isSafeInteger(v) ? BigInt(v) : null, num: v };
  if (typeof v === 'bigint') return { big: v, num: Number(v) };
  const t = bsontype(v as object);
  if (t === 'Long') return { big: BigInt((v as Long).toString()), num: (v as Long).toNumber() };
  if (t === 'Decimal128') {
    const s = (v as Decimal128).toString();
    const num = s === 'NaN' ? NaN : s === 'Infinity' ? Infinity : s === '-Infinity' ? -Infinity : parseFloat(s);
    return { big: /^-?\d+$/.test(s) ? BigInt(s) : null, num };
  }
  return { big: null, num: Number((v as { valueOf(): number }).valueOf()) };
}

export function compareNumbers(a: unknown, b: unknown): number {
  const x = numParts(a);
  const y = numParts(b);
  if (x.big !== null && y.big !== null) return x.big < y.big ? -1 : x.big > y.big ? 1 : 0;
  // MongoDB: NaN is smaller than every other number and equal to NaN.
  const xn = Number.isNaN(x.num);
  const yn = Number.isNaN(y.num);
  if (xn || yn) return xn && yn ? 0 : xn ? -1 : 1;
  if (x.num !== y.num) return x.num < y.num ? -1 : 1;
  // equal as doubles; refine with exact integer parts when only one side is exact
  if (x.big !== null && y.big === null && Number.isInteger(y.num)) return sign(Number(x.big - BigInt(y.num)));
  if (y.big !== null && x.big === null && Number.isInteger(x.num)) return sign(Number(BigInt(x.num) - y.big));
  return 0;
}

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
  return sign(a.length - b.length);
}

type PackedObjectId = ObjectId & { i0?: number; i1?: number; i2?: number; i3?: number };

/** bson 7 keeps an ObjectId as four 24-bit big-endian integers; comparing them avoids allocating bytes. */
function compareObjectIds(a: PackedObjectId, b: PackedObjectId): number {
  if (typeof a.i0 === 'number' && typeof b.i0 === 'number') {
    return (
      sign(a.i0 - b.i0) ||
      sign((a.i1 ?? 0) - (b.i1 ?? 0)) ||
      sign((a.i2 ?? 0) - (b.i2 ?? 0)) ||
      sign((a.i3 ?? 0) - (b.i3 ?? 0))
    );
  }
  return compareBytes(a.id, b.id);
}

function strCmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** How string values compare: binary (the simple collation) unless a command's collation is in force. */
let stringCompare: (a: string, b: string) => number = strCmp;

/** Whether a collation (not binary comparison) is in force. */
export function collationActive(): boolean {
  return stringCompare !== strCmp;
}

/** Puts a string comparison in force (null: binary); returns the previous one (engine/collation.ts). */
export function setStringCompare(f: ((a: string, b: string) => number) | null): (a: string, b: string) => number {
  const prev = stringCompare;
  stringCompare = f ?? strCmp;
  return prev;
}

function compareObjects(a: Record<string, unknown>, b: Record<string, unknown>): number {
  const ka = Object.keys(a).filter((k) => a[k] !== undefined);
  const kb = Object.keys(b).filter((k) => b[k] !== undefined);
  const n = Math.min(ka.length, kb.length);
  for (let i = 0; i < n; i++) {
    // BSON compares field by field: type of value, then field name, then value.
    const ta = typeClass(a[ka[i]]);
    const tb = typeClass(b[kb[i]]);
    if (ta !== tb) return sign(ta - tb);
    const kc = strCmp(ka[i], kb[i]);
    if (kc) return kc;
    const vc = compareValues(a[ka[i]], b[kb[i]]);
    if (vc) return vc;
  }
  return sign(ka.length - kb.length);
}

/** Total order of two BSON values as MongoDB sorts them (arrays compared element-wise). */
export function compareValues(a: unknown, b: unknown): number {
  // fast paths for the common index key types
  const ja = typeof a;
  if (ja === typeof b) {
    if (ja === 'number') {
      const x = a as number;
      const y = b as number;
      if (x < y) return -1;
      if (x > y) return 1;
      if (x === y) return 0;
      return compareNumbers(x, y); // NaN
    }
    if (ja === 'string') return stringCompare(a as string, b as string);
  }
  const ta = typeClass(a);
  const tb = typeClass(b);
  if (ta !== tb) return sign(ta - tb);
  switch (ta) {
    case TypeClass.Null:
    case TypeClass.MinKey:
    case TypeClass.MaxKey:
      return 0;
    case TypeClass.Number:
      return compareNumbers(a, b);
    case TypeClass.String:
      return stringCompare(String(a), String(b));
    case TypeClass.Boolean:
      return sign(Number(a) - Number(b));
    case TypeClass.Date:
      return sign((a as Date).getTime() - (b as Date).getTime());
    case TypeClass.ObjectId:
      return compareObjectIds(a as ObjectId, b as ObjectId);
    case TypeClass.BinData: {
      const ba = bsontype(a as object) === 'Binary' ? (a as Binary) : null;
      const bb = bsontype(b as object) === 'Binary' ? (b as Binary) : null;
      const bufA = ba ? ba.buffer.subarray(0, ba.position) : (a as Uint8Array);
      const bufB = bb ? bb.buffer.subarray(0, bb.position) : (b as Uint8Array);
      // MongoDB: length first, then subtype, then bytes.
      if (bufA.length !== bufB.length) return sign(bufA.length - bufB.length);
      const st = (ba?.sub_type ?? 0) - (bb?.sub_type ?? 0);
      if (st) return sign(st);
      return compareBytes(bufA, bufB);
    }
    case TypeClass.Timestamp: {
      const x = a as Timestamp;
      const y = b as Timestamp;
      return compareNumbers(BigInt.asUintN(64, BigInt(x.toString())), BigInt.asUintN(64, BigInt(y.toString())));
    }
    case TypeClass.RegExp: {
      const ra = a as { source?: string; pattern?: string; flags?: string; options?: string };
      const rb = b as typeof ra;
      return (
        strCmp(ra.source ?? ra.pattern ?? '', rb.source ?? rb.pattern ?? '') ||
        strCmp(ra.flags ?? ra.options ?? '', rb.flags ?? rb.options ?? '')
      );
    }
    case TypeClass.Array: {
      const xa = a as unknown[];
      const xb = b as unknown[];
      const n = Math.min(xa.length, xb.length);
      for (let i = 0; i < n; i++) {
        const c = compareValues(xa[i], xb[i]);
        if (c) return c;
      }
      return sign(xa.length - xb.length);
    }
    case TypeClass.Code:
      return strCmp(String((a as { code: string }).code), String((b as { code: string }).code));
    default:
      return compareObjects(a as Record<string, unknown>, b as Record<string, unknown>);
  }
}

export function valuesEqual(a: unknown, b: unknown): boolean {
  return compareValues(a, b) === 0;
}

/** The sort key of an empty array: below null and missing, above MinKey, in both directions. */
export const EMPTY_ARRAY_KEY: unique symbol = Symbol('emptyArraySortKey');

/** Key used for sorting a field that may hold an array: min element ascending, max descending. */
export function sortKey(v: unknown, direction: 1 | -1): unknown {
  if (!Array.isArray(v)) return v;
  if (v.length === 0) return EMPTY_ARRAY_KEY;
  let best = v[0];
  for (const x of v) {
    const c = compareValues(x, best);
    if ((direction === 1 && c < 0) || (direction === -1 && c > 0)) best = x;
  }
  return best;
}

/** Compares two sort keys from `sortKey` (MongoDB: "an empty array is less than null or a missing field"). */
export function compareSortKeys(a: unknown, b: unknown): number {
  if (a === EMPTY_ARRAY_KEY || b === EMPTY_ARRAY_KEY) {
    if (a === b) return 0;
    const other = a === EMPTY_ARRAY_KEY ? b : a;
    const emptyFirst = typeClass(other) === TypeClass.MinKey ? 1 : -1;
    return a === EMPTY_ARRAY_KEY ? emptyFirst : -emptyFirst;
  }
  return compareValues(a, b);
}
