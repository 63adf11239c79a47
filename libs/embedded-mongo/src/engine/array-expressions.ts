/**
 * `$size` and `$in` expressions fail as MongoDB documents when their array argument is not an array
 * (17124, 40081; a missing field included); mingo returned null or a generic error.
 */
import { compareValues } from '../bson/compare';
import { typeName } from './conversions';
import { fail } from './errors';
type Expr = (obj: unknown, expr: unknown, options: unknown) => unknown;
const { evalExpr } = require('mingo/core') as { evalExpr: Expr };

const $size: Expr = (obj, expr, options) => {
  const v = evalExpr(obj, Array.isArray(expr) && expr.length === 1 ? expr[0] : expr, options);
  if (!Array.isArray(v))
    return fail(17124, `The argument to $size must be an array. Type of argument is ${typeName(v)}`);
  return v.length;
};

const $in: Expr = (obj, expr, options) => {
  const args = evalExpr(obj, expr, options);
  if (!Array.isArray(args) || args.length !== 2)
    return fail(
      16020,
      `Expression $in takes exactly 2 arguments. ${Array.isArray(args) ? args.length : 1} were passed in.`,
    );
  const [value, list] = args as [unknown, unknown];
  if (!Array.isArray(list)) return fail(40081, `$in requires an array as a second argument, found: ${typeName(list)}`);
  return list.some((x) => compareValues(x, value) === 0 && (x === undefined) === (value === undefined));
};

export const arrayExpressions = { $size, $in };
