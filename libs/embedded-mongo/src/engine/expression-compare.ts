/**
 * Aggregation comparison expressions ($eq, $ne, $gt, $gte, $lt, $lte, $cmp): MongoDB compares values of
 * different types by the BSON comparison order (e.g. `{$gt: ["$date", null]}` is true) and by value for
 * ObjectId, Date, Decimal128 and Long; a missing field is a distinct value below null
 * (reference/operator/aggregation/eq, ne, gt, cmp). mingo returns false across types and does not compare
 * Decimal128 or Long by value.
 */
import { compareValues } from '../bson/compare';
import { fail } from './errors';
type Expr = (obj: unknown, expr: unknown, options: unknown) => unknown;
const { evalExpr } = require('mingo/core') as { evalExpr: Expr };

function compareMissing(a: unknown, b: unknown): number {
  if (a === undefined || b === undefined) return a === b ? 0 : a === undefined ? -1 : 1;
  return compareValues(a, b);
}

function comparison(name: string, test: (c: number) => unknown): Expr {
  return (obj, expr, options) => {
    const args = evalExpr(obj, expr, options);
    if (!Array.isArray(args) || args.length !== 2)
      return fail(
        16020,
        `Expression ${name} takes exactly 2 arguments. ${Array.isArray(args) ? args.length : 1} were passed in.`,
      );
    return test(compareMissing(args[0], args[1]));
  };
}

export const comparisonExpressions = {
  $eq: comparison('$eq', (c) => c === 0) as never,
  $ne: comparison('$ne', (c) => c !== 0) as never,
  $gt: comparison('$gt', (c) => c > 0) as never,
  $gte: comparison('$gte', (c) => c >= 0) as never,
  $lt: comparison('$lt', (c) => c < 0) as never,
  $lte: comparison('$lte', (c) => c <= 0) as never,
  $cmp: comparison('$cmp', (c) => Math.sign(c)) as never,
};
