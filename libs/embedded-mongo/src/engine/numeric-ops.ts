/**
 * Exact $inc/$mul on Decimal128 and 64-bit Long operands, and $min/$max with MongoDB's BSON ordering.
 * mingo only does arithmetic on JS numbers (it leaves a Decimal128 unchanged, and a Long beyond 2^53
 * would lose precision), so these are computed here and handed to mingo as plain $set assignments.
 */
import { Decimal128, Long } from 'bson';
import { compareValues, TypeClass, typeClass } from '../bson/compare';
import { getPath, isDocument } from '../bson/paths';
import { fail } from './errors';
import type { Doc } from './index-store';

type Kind = 'double' | 'long' | 'decimal';

function kindOf(v: unknown): Kind | null {
  if (typeof v === 'number') return 'double';
  if (typeof v === 'bigint') return 'long';
  const t = (v as { _bsontype?: string } | null)?._bsontype;
  if (t === 'Long') return 'long';
  if (t === 'Decimal128') return 'decimal';
  if (t === 'Int32' || t === 'Double') return 'double';
  return null;
}

interface Dec {
  coef: bigint;
  exp: number;
}

function toDec(v: unknown): Dec {
  const s = typeof v === 'number' ? numberToPlain(v) : String(v);
  const m = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(s);
  if (!m) return fail(14, `cannot do exact arithmetic on ${s}`);
  const digits = (m[2] || '0') + (m[3] ?? '');
  const exp = Number(m[4] ?? 0) - (m[3]?.length ?? 0);
  return { coef: BigInt((m[1] === '-' ? '-' : '') + digits), exp };
}

function numberToPlain(n: number): string {
  if (!Number.isFinite(n)) return fail(14, `cannot do exact arithmetic on ${n}`);
  return String(n);
}

function decToString(d: Dec): string {
  const neg = d.coef < 0n;
  const digits = (neg ? -d.coef : d.coef).toString();
  return `${neg ? '-' : ''}${digits}E${d.exp}`;
}

export function decimalOp(op: '$inc' | '$mul', a: unknown, b: unknown): Decimal128 {
  const x = toDec(a);
  const y = toDec(b);
  let r: Dec;
  if (op === '$mul') r = { coef: x.coef * y.coef, exp: x.exp + y.exp };
  else {
    const e = Math.min(x.exp, y.exp);
    r = { coef: x.coef * 10n ** BigInt(x.exp - e) + y.coef * 10n ** BigInt(y.exp - e), exp: e };
  }
  return Decimal128.fromStringWithRounding(decToString(r));
}

function toBig(v: unknown): bigint {
  return typeof v === 'bigint' ? v : BigInt(String(v));
}

function longOp(op: '$inc' | '$mul', a: unknown, b: unknown): unknown {
  const ka = kindOf(a);
  const kb = kindOf(b);
  const fractional = (v: unknown, k: Kind | null) => k === 'double' && !Number.isInteger(v as number);
  if (fractional(a, ka) || fractional(b, kb)) {
    const x = Number(String(a));
    const y = Number(String(b));
    return op === '$mul' ? x * y : x + y; // long with a double gives a double
  }
  const r = op === '$mul' ? toBig(a) * toBig(b) : toBig(a) + toBig(b);
  if (r > 9223372036854775807n || r < -9223372036854775808n)
    fail(2, `Failed to apply ${op} operations to current value: integer overflow`);
  return Long.fromBigInt(r);
}

/** Rewrites the parts of `mod` mingo would get wrong into `$set` assignments (mutates `mod`). */
export function rewriteNumericOps(doc: Doc, mod: Doc): void {
  const set: Doc = isDocument(mod.$set) ? { ...mod.$set } : {};
  let changed = false;
  for (const op of ['$inc', '$mul', '$min', '$max'] as const) {
    const spec = mod[op];
    if (!isDocument(spec)) continue;
    const rest: Doc = {};
    for (const [path, arg] of Object.entries(spec)) {
      if (path.includes('$') || path in set) {
        rest[path] = arg;
        continue;
      }
      const cur = getPath(doc, path);
      if (op === '$min' || op === '$max') {
        if (cur === undefined || (op === '$min' ? compareValues(arg, cur) < 0 : compareValues(arg, cur) > 0))
          set[path] = arg;
        changed = true;
        continue;
      }
      const kinds = [kindOf(cur ?? 0), kindOf(arg)];
      if (kinds.every((k) => k === 'double') || kinds.includes(null) || typeClass(cur ?? 0) !== TypeClass.Number) {
        rest[path] = arg; // plain JS numbers (or type errors, reported by update-checks) stay with mingo
        continue;
      }
      const base = cur === undefined ? (op === '$mul' ? 0 : 0) : cur;
      if (op === '$mul' && cur === undefined)
        set[path] = kinds.includes('decimal') ? Decimal128.fromString('0') : Long.fromNumber(0);
      else set[path] = kinds.includes('decimal') ? decimalOp(op, base, arg) : longOp(op, base, arg);
      changed = true;
    }
    if (Object.keys(rest).length) mod[op] = rest;
    else delete mod[op];
  }
  if (changed) mod.$set = set;
}
