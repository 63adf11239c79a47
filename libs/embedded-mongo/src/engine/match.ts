/**
 * Query matching: mingo's Query, with the comparison operators replaced by ones that compare BSON values
 * by value and respect MongoDB's type bracketing and array semantics.
 */
import { newQuery } from './mingo';
import { TypeClass, compareValues, typeClass } from '../bson/compare';
import { pathValues } from '../bson/paths';
import { bsonTypeNumbers, TYPE_ALIASES } from '../bson/type-numbers';
import { fail, toFailure } from './errors';
import { checkFilter } from './filter-checks';

type Pred = (doc: unknown) => boolean;

function isRegex(v: unknown): v is RegExp {
  return v instanceof RegExp || (v as { _bsontype?: string } | null)?._bsontype === 'BSONRegExp';
}

function toRegExp(v: unknown): RegExp {
  if (v instanceof RegExp) return v;
  const r = v as { pattern: string; options: string };
  return new RegExp(r.pattern, r.options.replace(/[^imsu]/g, ''));
}

function eqMatch(doc: unknown, path: string, value: unknown): boolean {
  const pv = pathValues(doc, path);
  if (value === null || value === undefined) return pv.missing || pv.values.some((v) => v === null || v === undefined);
  if (isRegex(value)) {
    const re = toRegExp(value);
    return pv.values.some(
      (v) => (typeof v === 'string' && re.test(v)) || (isRegex(v) && compareValues(v, value) === 0),
    );
  }
  const tc = typeClass(value);
  return pv.values.some((v) => typeClass(v) === tc && compareValues(v, value) === 0);
}

function rangeMatch(
  doc: unknown,
  path: string,
  value: unknown,
  ok: (c: number) => boolean,
  inclusive: boolean,
): boolean {
  const pv = pathValues(doc, path);
  const tc = typeClass(value);
  if (tc === TypeClass.Null) return inclusive && (pv.missing || pv.values.some((v) => v === null));
  if (tc === TypeClass.MinKey || tc === TypeClass.MaxKey) {
    return pv.values.some((v) => ok(compareValues(v, value))) || (pv.missing && ok(compareValues(null, value)));
  }
  return pv.values.some((v) => {
    if (typeClass(v) !== tc) return false;
    if (tc === TypeClass.Array && !Array.isArray(value)) return false;
    return ok(compareValues(v, value));
  });
}

function inMatch(doc: unknown, path: string, list: unknown): boolean {
  if (!Array.isArray(list)) fail(2, '$in needs an array');
  for (const v of list as unknown[]) {
    if (
      v &&
      typeof v === 'object' &&
      !Array.isArray(v) &&
      Object.keys(v).some((k) => k.startsWith('$')) &&
      typeClass(v) === TypeClass.Object
    ) {
      fail(2, 'cannot nest $ under $in');
    }
    if (eqMatch(doc, path, v)) return true;
  }
  return false;
}

function typeMatch(doc: unknown, path: string, spec: unknown): boolean {
  const wanted = new Set<number>();
  for (const t of Array.isArray(spec) ? spec : [spec]) {
    if (typeof t === 'number') wanted.add(t);
    else if (typeof t === 'string' && TYPE_ALIASES[t]) TYPE_ALIASES[t].forEach((n) => wanted.add(n));
    else fail(2, `Unknown type name alias: ${String(t)}`);
  }
  const pv = pathValues(doc, path);
  return pv.values.some((v) => bsonTypeNumbers(v).some((n) => wanted.has(n)));
}

type Op = (selector: string, value: unknown, options: unknown) => Pred;

export const queryOperators: Record<string, Op> = {
  $eq: (s, v) => (d) => eqMatch(d, s, v),
  $ne: (s, v) => (d) => !eqMatch(d, s, v),
  $gt: (s, v) => (d) => rangeMatch(d, s, v, (c) => c > 0, false),
  $gte: (s, v) => (d) => rangeMatch(d, s, v, (c) => c >= 0, true),
  $lt: (s, v) => (d) => rangeMatch(d, s, v, (c) => c < 0, false),
  $lte: (s, v) => (d) => rangeMatch(d, s, v, (c) => c <= 0, true),
  $in: (s, v) => (d) => inMatch(d, s, v),
  $nin: (s, v) => (d) => !inMatch(d, s, v),
  $type: (s, v) => (d) => typeMatch(d, s, v),
  $all: (s, v) => allMatch(s, v),
};

/**
 * `$all` is the `$and` of one equality per value (operator/query/all): `{tags: {$all: [["a", "b"]]}}` also
 * matches a `tags` equal to `["a", "b"]`; `{$elemMatch: …}` values are element conditions. Empty: no match.
 */
function allMatch(path: string, values: unknown): Pred {
  if (!Array.isArray(values)) return fail(2, '$all needs an array');
  const preds = values.map((v): Pred => {
    if (v && typeof v === 'object' && !Array.isArray(v) && typeClass(v) === TypeClass.Object && '$elemMatch' in v) {
      const q = newQuery({ [path]: v as Record<string, unknown> });
      return (d) => q.test(d as Record<string, unknown>);
    }
    return (d) => eqMatch(d, path, v);
  });
  return (d) => preds.length > 0 && preds.every((p) => p(d));
}

export { mingoOptions } from './mingo';

/** Compiles a filter (without `$text`, handled by the caller) into a predicate. */
export function compileFilter(filter: Record<string, unknown> | undefined | null): Pred {
  if (filter && '$comment' in filter) {
    const { $comment: _comment, ...rest } = filter; // a query comment never affects matching
    filter = rest;
  }
  if (!filter || Object.keys(filter).length === 0) return () => true;
  checkFilter(filter);
  try {
    const q = newQuery(filter);
    return (doc) => {
      try {
        return q.test(doc as Record<string, unknown>);
      } catch (e) {
        throw toFailure(e);
      }
    };
  } catch (e) {
    throw toFailure(e);
  }
}
