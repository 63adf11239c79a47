/**
 * Order-preserving byte encoding of BSON values (the idea of MongoDB's KeyString): comparing two encodings
 * byte by byte (as LMDB does) gives MongoDB's comparison order of the values (bson/compare.ts): a type-class
 * byte first, then the value. Every encoding is self-delimiting (none is a prefix of another), so index keys
 * concatenate fields, and inverting a field's bytes reverses its order (descending index fields).
 *
 * - numbers: the double, sign-flipped to sort as unsigned bytes, then a signed 64-bit correction (exact
 *   integer minus the double) so that Long values beyond 2^53 stay exact; NaN sorts below every number;
 *   Decimal128 values are ordered by their nearest double (candidates are always re-checked by the filter)
 * - strings (and field names): UTF-16 code units, big-endian, as JavaScript compares them; the code unit 0
 *   is escaped as 00 00 FF and the string ends with 00 00 00
 * - objects: per field the value's class, the name, the value; arrays: the elements; both end with 00
 */
import type { Binary, Long, ObjectId, Timestamp } from 'bson';
import { EMPTY_ARRAY_KEY, typeClass, TypeClass } from '../bson/compare';

/** Class bytes: MongoDB's type classes doubled, leaving room for the empty-array key just above MinKey. */
const cls = (tc: TypeClass): number => tc * 2;
const EMPTY_ARRAY_BYTE = cls(TypeClass.MinKey) + 1;
const NAN = 0x01;
const NUMBER = 0x02;

class Writer {
  buf = Buffer.allocUnsafe(64);
  len = 0;
  ensure(n: number): void {
    if (this.len + n <= this.buf.length) return;
    const next = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.len + n));
    this.buf.copy(next, 0, 0, this.len);
    this.buf = next;
  }
  byte(b: number): void {
    this.ensure(1);
    this.buf[this.len++] = b;
  }
  bytes(b: Uint8Array): void {
    this.ensure(b.length);
    this.buf.set(b, this.len);
    this.len += b.length;
  }
  u32(n: number): void {
    this.ensure(4);
    this.buf.writeUInt32BE(n >>> 0, this.len);
    this.len += 4;
  }
  u64(n: bigint): void {
    this.ensure(8);
    this.buf.writeBigUInt64BE(BigInt.asUintN(64, n), this.len);
    this.len += 8;
  }
  /** A double as 8 bytes that sort as unsigned integers in numeric order. */
  double(d: number): void {
    this.ensure(8);
    this.buf.writeDoubleBE(d === 0 ? 0 : d, this.len);
    if (this.buf[this.len] & 0x80) for (let i = 0; i < 8; i++) this.buf[this.len + i] ^= 0xff;
    else this.buf[this.len] |= 0x80;
    this.len += 8;
  }
  string(s: string): void {
    this.ensure(s.length * 2 + 3);
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      this.buf[this.len++] = c >> 8;
      this.buf[this.len++] = c & 0xff;
      if (c === 0) this.byte(0xff);
    }
    this.buf[this.len++] = 0;
    this.buf[this.len++] = 0;
    this.buf[this.len++] = 0;
  }
  take(): Buffer {
    return Buffer.from(this.buf.subarray(0, this.len));
  }
}

function bsontype(v: unknown): string | undefined {
  return (v as { _bsontype?: string })._bsontype;
}

function writeNumber(w: Writer, v: unknown): void {
  let num: number;
  let exact: bigint | null = null;
  if (typeof v === 'number') num = v;
  else if (typeof v === 'bigint') {
    num = Number(v);
    exact = v;
  } else if (bsontype(v) === 'Long') {
    exact = BigInt((v as Long).toString());
    num = Number(exact);
  } else if (bsontype(v) === 'Decimal128') {
    const s = String(v);
    num = s === 'NaN' ? NaN : s === 'Infinity' ? Infinity : s === '-Infinity' ? -Infinity : parseFloat(s);
    if (/^-?\d+$/.test(s)) exact = BigInt(s);
  } else num = Number((v as { valueOf(): number }).valueOf());
  if (Number.isNaN(num)) return w.byte(NAN);
  w.byte(NUMBER);
  w.double(num);
  let correction = 0n;
  if (exact !== null && Number.isFinite(num)) {
    correction = exact - BigInt(num);
    if (correction > 0x7fffffffffffffffn) correction = 0x7fffffffffffffffn;
    if (correction < -0x8000000000000000n) correction = -0x8000000000000000n;
  }
  w.u64(correction ^ -0x8000000000000000n); // flip the sign bit: signed order as unsigned bytes
}

function writeValue(w: Writer, v: unknown, depth: number): void {
  if (depth > 200) throw new Error('index key nested too deeply');
  if (v === EMPTY_ARRAY_KEY) return w.byte(EMPTY_ARRAY_BYTE);
  const tc = typeClass(v);
  w.byte(cls(tc));
  switch (tc) {
    case TypeClass.MinKey:
    case TypeClass.MaxKey:
    case TypeClass.Null:
      return;
    case TypeClass.Number:
      return writeNumber(w, v);
    case TypeClass.String:
      return w.string(String(v));
    case TypeClass.Code:
      return w.string(String((v as { code: string }).code));
    case TypeClass.Boolean:
      return w.byte(v ? 1 : 0);
    case TypeClass.Date:
      return w.double((v as Date).getTime());
    case TypeClass.ObjectId:
      return w.bytes((v as ObjectId).id);
    case TypeClass.Timestamp:
      return w.u64(BigInt((v as Timestamp).toString()));
    case TypeClass.BinData: {
      const b = bsontype(v) === 'Binary' ? (v as Binary) : null;
      const bytes = b ? b.buffer.subarray(0, b.position) : (v as Uint8Array);
      w.u32(bytes.length); // MongoDB: length first, then subtype, then bytes
      w.byte(b?.sub_type ?? 0);
      return w.bytes(bytes);
    }
    case TypeClass.RegExp: {
      const r = v as { source?: string; pattern?: string; flags?: string; options?: string };
      w.string(r.source ?? r.pattern ?? '');
      return w.string(r.flags ?? r.options ?? '');
    }
    case TypeClass.Array:
      for (const e of v as unknown[]) writeValue(w, e, depth + 1);
      return w.byte(0);
    default: {
      const o = v as Record<string, unknown>;
      for (const k of Object.keys(o)) {
        if (o[k] === undefined) continue;
        w.byte(cls(typeClass(o[k])));
        w.string(k);
        writeValue(w, o[k], depth + 1);
      }
      return w.byte(0);
    }
  }
}

/** The encoding of one value, inverted for a descending field. */
export function encodeValue(v: unknown, descending = false): Buffer {
  const w = new Writer();
  writeValue(w, v, 0);
  const out = w.take();
  if (descending) for (let i = 0; i < out.length; i++) out[i] ^= 0xff;
  return out;
}

/** The first key after every key that starts with `prefix` (for exclusive range ends). */
export function prefixEnd(prefix: Buffer): Buffer {
  const out = Buffer.from(prefix);
  for (let i = out.length - 1; i >= 0; i--) {
    if (out[i] !== 0xff) {
      out[i]++;
      return out.subarray(0, i + 1);
    }
  }
  return Buffer.concat([out, Buffer.from([0xff])]);
}

/** The smallest and the first-after-largest encoding of a type class (range bounds for a type bracket). */
export function classBounds(tc: TypeClass): { low: Buffer; high: Buffer } {
  return { low: Buffer.from([cls(tc)]), high: Buffer.from([cls(tc) + 1]) };
}

export function u32(n: number): Buffer {
  const b = Buffer.allocUnsafe(4);
  b.writeUInt32BE(n >>> 0);
  return b;
}

export function u64(n: number): Buffer {
  const b = Buffer.allocUnsafe(8);
  b.writeBigUInt64BE(BigInt(n));
  return b;
}
