/**
 * Chooses how to read a collection for a filter and sort: an index scan over bounds derived from the
 * filter's equality/range predicates on an index's first field, or a collection scan. The chosen
 * candidates are always re-checked against the full filter, so bounds only need to be a superset.
 */
import { TypeClass, typeClass } from '../bson/compare';
import { isDocument } from '../bson/paths';
import type { Collation } from './collation';
import type { FieldBounds, Index } from './index-store';
import { boundsUsable, indexOrderUsable, sortGroupKey, widenBounds } from './planner-collation';

export interface Plan {
  stage: 'IXSCAN' | 'COLLSCAN' | 'IDHACK' | 'OR';
  /** $or: one indexed plan per branch, candidates unioned */
  branches?: Array<{ plan: Plan; filter: Record<string, unknown> }>;
  index?: Index;
  /** one scan per bounds entry ($in produces several) */
  bounds?: FieldBounds[];
  /** candidates come out in the requested sort order */
  sorted: boolean;
  /**
   * A collated index's order: candidates come out ordered by this key (the first sort field at the primary
   * level); each run of equal keys still needs sorting with the full collation.
   */
  groupKey?: (d: Record<string, unknown>) => string;
  reverse: boolean;
}

const isOperatorObject = (v: unknown): boolean =>
  isDocument(v) && Object.keys(v).length > 0 && Object.keys(v).every((k) => k.startsWith('$'));

function isIndexableScalar(v: unknown): boolean {
  const tc = typeClass(v);
  return (
    tc !== TypeClass.Array &&
    tc !== TypeClass.RegExp &&
    !(tc === TypeClass.Object && isOperatorObject(v)) &&
    tc !== TypeClass.MinKey &&
    tc !== TypeClass.MaxKey
  );
}

/** Bounds implied by a field's condition, or null when no index can narrow it. */
export function boundsFor(cond: unknown): FieldBounds[] | null {
  if (!isOperatorObject(cond)) return isIndexableScalar(cond) ? [{ eq: cond === undefined ? null : cond }] : null;
  const ops = cond as Record<string, unknown>;
  if ('$eq' in ops && isIndexableScalar(ops.$eq)) return [{ eq: ops.$eq }];
  if ('$in' in ops && Array.isArray(ops.$in) && ops.$in.length > 0 && ops.$in.every(isIndexableScalar)) {
    return ops.$in.map((v) => ({ eq: v }));
  }
  const b: FieldBounds = {};
  for (const [op, v] of Object.entries(ops)) {
    if (!['$gt', '$gte', '$lt', '$lte'].includes(op)) continue;
    const tc = typeClass(v);
    if (
      tc === TypeClass.Null ||
      tc === TypeClass.Array ||
      tc === TypeClass.MinKey ||
      tc === TypeClass.MaxKey ||
      tc === TypeClass.Object
    )
      return null;
    if (b.typeClass !== undefined && b.typeClass !== tc) return null;
    b.typeClass = tc;
    if (op === '$gt' || op === '$gte') b.low = { value: v, inclusive: op === '$gte' };
    else b.high = { value: v, inclusive: op === '$lte' };
  }
  return b.typeClass === undefined ? null : [b];
}

/** Top-level field conditions, merging an `$and` of plain conditions. */
export function fieldConditions(filter: Record<string, unknown>): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [k, v] of Object.entries(filter)) {
    if (k === '$and' && Array.isArray(v)) {
      for (const part of v)
        if (isDocument(part)) for (const [k2, v2] of fieldConditions(part)) if (!out.has(k2)) out.set(k2, v2);
    } else if (!k.startsWith('$')) out.set(k, v);
  }
  return out;
}

function usable(ix: Index): boolean {
  return (
    !ix.isText &&
    !ix.geo &&
    !ix.spec.sparse &&
    !ix.spec.partialFilterExpression &&
    !ix.spec.hidden &&
    ix.fields.length > 0
  );
}

export function choosePlan(
  indexes: Iterable<Index>,
  filter: Record<string, unknown>,
  sort?: Record<string, unknown>,
  collation: Collation | null = null,
): Plan {
  const conds = fieldConditions(filter);
  const sortKeys = sort ? Object.entries(sort) : [];
  const plainSort = sortKeys.every(([, d]) => d === 1 || d === -1);
  let best: { ix: Index; bounds: FieldBounds[]; score: number; order: SortOrder | null } | null = null;
  const all = [...indexes].filter(usable);
  for (const ix of all) {
    const field = ix.fields[0][0];
    if (!conds.has(field)) continue;
    let bounds = boundsFor(conds.get(field));
    if (!bounds || !boundsUsable(ix, bounds, collation)) continue;
    const eq = bounds.every((b) => b.eq !== undefined);
    // On a multikey index the two ends of a range may be met by different array elements
    // ({dim: [14, 21]} matches {$gt: 15, $lt: 20}), so only one bound may narrow the scan.
    if (ix.multikey) bounds = bounds.map((b) => (b.low && b.high ? { low: b.low, typeClass: b.typeClass } : b));
    const fits = (b: FieldBounds) => boundsUsable(ix, [b], collation);
    const prefix = bounds.length === 1 && bounds[0].eq !== undefined ? equalityPrefix(ix, conds, fits) : [];
    if (prefix.length) bounds = [{ ...bounds[0], prefix }];
    // a range on the field after the equality prefix narrows the scan too (not on multikey indexes, where
    // the two ends may be met by different array elements)
    const after =
      bounds.length === 1 && bounds[0].eq !== undefined && !ix.multikey ? rangeAfter(ix, conds, prefix.length) : null;
    const next = after && fits(after) ? after : null;
    if (next) bounds = [{ ...bounds[0], next }];
    bounds = widenBounds(ix, bounds);
    // a multikey index sorts by the first matching key, MongoDB by the array's min/max element: only
    // non-multikey scans of one bounds entry yield MongoDB's order
    const order =
      sortKeys.length && plainSort && bounds.length === 1 && !ix.multikey && indexOrderUsable(ix, collation)
        ? sortOrder(ix, conds, sortKeys, bounds[0].eq !== undefined)
        : null;
    const score =
      (eq ? 10 : 5) +
      prefix.length * 2 +
      (next ? 1 : 0) +
      (order ? 3 : 0) +
      (ix.spec.unique ? 2 : 0) +
      (ix.name === '_id_' ? 1 : 0) -
      ix.fields.length * 0.01;
    if (!best || score > best.score) best = { ix, bounds, score, order };
  }
  if (best) {
    if (sortKeys.length === 0)
      return { stage: 'IXSCAN', index: best.ix, bounds: best.bounds, sorted: true, reverse: false };
    if (best.order) {
      const groupKey = sortGroupKey(best.ix, sortKeys[0][0]);
      return {
        stage: 'IXSCAN',
        index: best.ix,
        bounds: best.bounds,
        sorted: true,
        reverse: best.order.reverse,
        groupKey,
      };
    }
    return { stage: 'IXSCAN', index: best.ix, bounds: best.bounds, sorted: false, reverse: false };
  }
  if (sortKeys.length && plainSort) {
    for (const ix of all) {
      // an unbounded scan of a multikey index yields MongoDB's order for its first field only
      if ((ix.multikey && sortKeys.length > 1) || !indexOrderUsable(ix, collation)) continue;
      const order = sortOrder(ix, conds, sortKeys, false);
      const groupKey = sortGroupKey(ix, sortKeys[0][0]);
      if (order) return { stage: 'IXSCAN', index: ix, bounds: [], sorted: true, reverse: order.reverse, groupKey };
    }
  }
  return { stage: 'COLLSCAN', sorted: sortKeys.length === 0, reverse: false };
}

interface SortOrder {
  /** Index.scan's `reverse` argument that yields the requested order */
  reverse: boolean;
}

function isEquality(conds: Map<string, unknown>, field: string): boolean {
  const b = conds.has(field) ? boundsFor(conds.get(field)) : null;
  return b !== null && b.length === 1 && b[0].eq !== undefined;
}

/** A single range condition on the index field right after the equality prefix, if there is one. */
function rangeAfter(ix: Index, conds: Map<string, unknown>, prefixLength: number): FieldBounds | null {
  const field = ix.fields[1 + prefixLength]?.[0];
  const b = field !== undefined && conds.has(field) ? boundsFor(conds.get(field)) : null;
  return b && b.length === 1 && b[0].eq === undefined ? b[0] : null;
}

/**
 * Equality values on the index fields after the first, as long as each has a plain equality condition the
 * index can bound (a string needs the query's collation).
 */
function equalityPrefix(ix: Index, conds: Map<string, unknown>, fits: (b: FieldBounds) => boolean): unknown[] {
  const out: unknown[] = [];
  for (const [f] of ix.fields.slice(1)) {
    if (!isEquality(conds, f)) break;
    const eq = (boundsFor(conds.get(f)) as FieldBounds[])[0].eq;
    if (!fits({ eq })) break;
    out.push(eq);
  }
  return out;
}

/**
 * Whether scanning the index yields the requested sort: walking the index fields in order, each sort
 * key must come next, with one consistent direction relative to the index; a field fixed by an equality
 * condition can be passed over (every candidate that matches has the same value there). The first field
 * may be passed over only when the scan is bounded to one value of it.
 */
function sortOrder(
  ix: Index,
  conds: Map<string, unknown>,
  sortKeys: Array<[string, unknown]>,
  firstFixed: boolean,
): SortOrder | null {
  let k = 0;
  let reverse: boolean | null = null;
  for (let i = 0; i < ix.fields.length && k < sortKeys.length; i++) {
    const [field, dir] = ix.fields[i];
    const [sortField, sortDir] = sortKeys[k];
    if (field === sortField) {
      const rev = Number(sortDir) > 0 !== dir > 0;
      if (reverse !== null && reverse !== rev) return null;
      reverse = rev;
      k++;
      continue;
    }
    if (!(i === 0 ? firstFixed : isEquality(conds, field))) return null;
  }
  if (k < sortKeys.length || reverse === null) return null;
  // Index.scan's `reverse` is about the first field's value order: descending when the tree is walked
  // forward on a descending first field
  return { reverse: ix.fields[0][1] > 0 ? reverse : !reverse };
}
