/**
 * The query operator `$mod` on every numeric type (reference/operator/query/mod): the field's value and the
 * divisor and remainder are truncated towards zero, int64 values exactly. mingo computes `%` on JS numbers
 * and never matches a `Long`.
 */
import { pathValues } from '../bson/paths';
import { fail } from './errors';
import { asDouble, numKind } from './number-types';

type Pred = (doc: unknown) => boolean;

function truncated(v: unknown): bigint | null {
  const n = asDouble(v);
  if (!Number.isFinite(n)) return null;
  return numKind(v) === 'long' ? BigInt(String(v)) : BigInt(Math.trunc(n));
}

function $mod(path: string, spec: unknown): Pred {
  if (!Array.isArray(spec) || spec.length < 2) return fail(2, 'malformed mod, not enough elements');
  if (spec.length > 2) return fail(2, 'malformed mod, too many elements');
  if (!numKind(spec[0]) || !numKind(spec[1])) return fail(2, 'malformed mod, divisor and remainder must be numbers');
  const divisor = truncated(spec[0]);
  const remainder = truncated(spec[1]);
  if (divisor === null || remainder === null) return fail(2, 'malformed mod, divisor and remainder must be finite');
  if (divisor === 0n) return fail(2, 'divisor cannot be 0');
  return (doc) =>
    pathValues(doc, path).values.some((v) => {
      if (!numKind(v)) return false;
      const t = truncated(v);
      return t !== null && t % divisor === remainder;
    });
}

export const numericQueryOperators = { $mod } as Record<string, (path: string, spec: unknown) => Pred>;
