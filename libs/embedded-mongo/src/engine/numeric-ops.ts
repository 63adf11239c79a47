/**
 * $inc/$mul with MongoDB's numeric types (int32 overflowing to int64, exact int64 and Decimal128, integral
 * doubles kept doubles; engine/number-types.ts), and $min/$max with MongoDB's BSON ordering. mingo only
 * does arithmetic on JS numbers, so these are computed here and handed to mingo as plain $set assignments.
 */
import { compareValues } from '../bson/compare';
import { getPath, isDocument } from '../bson/paths';
import type { Doc } from './index-store';
import { arith, numKind, zeroOf } from './number-types';

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
