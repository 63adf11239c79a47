/**
 * Grouping under a collation (reference/collation: "$group … uses the collation"): values equal under
 * the collation form one group, whose `_id` is the first value met, and `$addToSet` keeps one of each.
 * mingo groups by hashing values, so while a collation is in force each group key is replaced by the
 * first key equal to it under the collation.
 */
import { collationActive, compareValues } from '../bson/compare';

type Op = (...args: never[]) => unknown;
type Expr = (obj: unknown, expr: unknown, options: unknown) => unknown;
type Stage = (coll: unknown, expr: Record<string, unknown>, options: unknown) => unknown;
type Acc = (coll: unknown[], expr: unknown, options: unknown) => unknown;

const { evalExpr } = require('mingo/core') as { evalExpr: Expr };
const baseGroup = (require('mingo/operators/pipeline') as { $group: Stage }).$group;
const push = (require('mingo/operators/accumulator') as { $push: Acc }).$push;
const baseAddToSet = (require('mingo/operators/accumulator') as { $addToSet: Acc }).$addToSet;

const GROUP_KEY = '$__collatedGroupKey';

/** The first of `reps` equal to `v` under the collation in force, else `v` (added to `reps`). */
function representative(reps: unknown[], v: unknown): unknown {
  for (const r of reps) if (compareValues(r, v) === 0) return r;
  reps.push(v);
  return v;
}

const collatedGroupKey: Expr = (obj, expr, options) => {
  const { reps, id } = expr as { reps: unknown[]; id: unknown };
  return representative(reps, evalExpr(obj, id, options));
};

const $group: Stage = (coll, expr, options) => {
  if (!collationActive() || !expr || !('_id' in expr)) return baseGroup(coll, expr, options);
  return baseGroup(coll, { ...expr, _id: { [GROUP_KEY]: { reps: [], id: expr._id } } }, options);
};

const $addToSet: Acc = (coll, expr, options) => {
  if (!collationActive()) return baseAddToSet(coll, expr, options);
  const reps: unknown[] = [];
  for (const v of push(coll, expr, options) as unknown[]) representative(reps, v);
  return reps;
};

export const collationGroupStages = { $group } as Record<string, Op>;
export const collationGroupExpressions = { [GROUP_KEY]: collatedGroupKey } as Record<string, Op>;
export const collationGroupAccumulators = { $addToSet } as Record<string, Op>;
