/**
 * `$week` and `$isoWeekYear` as MongoDB defines them (reference/operator/aggregation/week, isoWeekYear):
 * `$week` numbers weeks from the year's first Sunday (days before it are week 0, like strftime's %U), and
 * `$isoWeekYear` is the year the ISO week belongs to (Monday 30 December 2024 is in 2025). mingo computed
 * both differently. Time zones are handled by mingo's own day/month/year operators.
 */
type Expr = (obj: unknown, expr: unknown, options: unknown) => unknown;
const base = require('mingo/operators/expression') as Record<
  '$dayOfYear' | '$dayOfWeek' | '$year' | '$month' | '$isoWeek',
  Expr
>;

const $week: Expr = (obj, expr, options) => {
  const dayOfYear = base.$dayOfYear(obj, expr, options);
  if (dayOfYear === null || dayOfYear === undefined) return null;
  const dayOfWeek = base.$dayOfWeek(obj, expr, options) as number; // 1 = Sunday
  return Math.floor(((dayOfYear as number) - 1 + 7 - (dayOfWeek - 1)) / 7);
};

const $isoWeekYear: Expr = (obj, expr, options) => {
  const year = base.$year(obj, expr, options);
  if (year === null || year === undefined) return null;
  const month = base.$month(obj, expr, options) as number;
  const week = base.$isoWeek(obj, expr, options) as number;
  if (month === 12 && week === 1) return (year as number) + 1;
  if (month === 1 && week >= 52) return (year as number) - 1;
  return year;
};

export const dateExpressions = { $week, $isoWeekYear };
