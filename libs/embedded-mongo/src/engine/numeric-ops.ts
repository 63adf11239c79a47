/**
 * $inc/$mul with MongoDB's numeric types (int32 overflowing to int64, exact int64 and Decimal128, integral
 * doubles kept doubles; engine/number-types.ts), and $min/$max with MongoDB's BSON ordering. mingo only
 * does arithmetic on JS numbers, so these are computed here and handed to mingo as plain $set assignments.
 * A positional path (`a.$`, `a.$[]`, `a.$[id]`) is first resolved to the concrete paths it names, by letting
 * mingo `$set` a marker through it on a copy of the document (the filter and array filters decide).
 */
import { randomUUID } from 'node:crypto';
import { compareValues } from '../bson/compare';
import { cloneDoc, getPath, isDocument } from '../bson/paths';
import { typeName } from './conversions';
import { fail, toFailure } from './errors';
import type { Doc } from './index-store';
import { mingoUpdate } from './mingo';
import { arith, numKind, zeroOf } from './number-types';

export interface PositionalContext {
  arrayFilters: Doc[];
  filter: Doc;
}

const MARKER = `\u0000positional-${randomUUID()}`;

/** The concrete paths (`a.0.b`, `a.2.b`) a positional `$inc`/`$mul` path names in `doc`. */
function concretePaths(doc: Doc, path: string, ctx: PositionalContext): string[] {
  const copy = cloneDoc(doc);
  try {
    mingoUpdate(copy, { $set: { [path]: MARKER } }, ctx.arrayFilters, ctx.filter);
  } catch (e) {
    throw toFailure(e);
  }
  const found: string[] = [];
  const visit = (v: unknown, at: string): void => {
    if (v === MARKER) found.push(at);
    else if (Array.isArray(v)) v.forEach((e, i) => visit(e, `${at}.${i}`));
    else if (isDocument(v)) for (const [k, e] of Object.entries(v)) visit(e, at ? `${at}.${k}` : k);
  };
  visit(copy, '');
  return found;
}

/** Rewrites the parts of `mod` mingo would get wrong into `$set` assignments (mutates `mod`). */
export function rewriteNumericOps(doc: Doc, mod: Doc, ctx: PositionalContext): void {
  const set: Doc = isDocument(mod.$set) ? { ...mod.$set } : {};
  let changed = false;
  for (const op of ['$inc', '$mul', '$min', '$max'] as const) {
    const spec = mod[op];
    if (!isDocument(spec)) continue;
    const rest: Doc = {};
    for (const [path, arg] of Object.entries(spec)) {
      if (path.includes('$') && (op === '$inc' || op === '$mul')) {
        if (!numKind(arg))
          fail(
            14,
            `Cannot ${op === '$inc' ? 'increment' : 'multiply'} with non-numeric argument: {${path}: ${JSON.stringify(arg)}}`,
          );
        const paths = concretePaths(doc, path, ctx);
        if (!paths.some((p) => p in set)) {
          for (const p of paths) set[p] = positionalResult(op, doc, p, arg);
          changed ||= paths.length > 0;
          continue;
        }
      }
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
      if (!numKind(arg) || (cur !== undefined && !numKind(cur))) {
        rest[path] = arg; // type errors are reported by update-checks
        continue;
      }
      // a missing field: $inc sets the increment, $mul a zero of the multiplier's type
      if (cur === undefined) set[path] = op === '$inc' ? arg : zeroOf(arg);
      else set[path] = arith(op === '$inc' ? '+' : '*', cur, arg, 'fail');
      changed = true;
    }
    if (Object.keys(rest).length) mod[op] = rest;
    else delete mod[op];
  }
  if (changed) mod.$set = set;
}

/** `$inc`/`$mul` of one array element reached through a positional path. */
function positionalResult(op: '$inc' | '$mul', doc: Doc, path: string, arg: unknown): unknown {
  const cur = getPath(doc, path);
  if (cur === undefined) return op === '$inc' ? arg : zeroOf(arg);
  if (!numKind(cur))
    fail(
      14,
      `Cannot apply ${op} to a value of non-numeric type. {_id: ${JSON.stringify(doc._id)}} has the field '${path.split('.').pop()}' of non-numeric type ${typeName(cur)}`,
    );
  return arith(op === '$inc' ? '+' : '*', cur, arg, 'fail');
}
