/**
 * Chooses how to read a collection for a filter and sort: an index scan over bounds derived from the
 * filter's equality/range predicates on an index's first field, or a collection scan. The chosen
 * candidates are always re-checked against the full filter, so bounds only need to be a superset.
 */
import { TypeClass, typeClass } from '../bson/compare';
import { isDocument } from '../bson/paths';
import type { FieldBounds, Index } from './index-store';

export interface Plan {
  stage: 'IXSCAN' | 'COLLSCAN' | 'IDHACK' | 'OR';
  /** $or: one indexed plan per branch, candidates unioned */
  branches?: Array<{ plan: Plan; filter: Record<string, unknown> }>;
  index?: Index;
  /** one scan per bounds entry ($in produces several) */
  bounds?: FieldBounds[];
  /** candidates come out in the requested sort order */
  sorted: boolean;
  reverse: boolean;
}

const isOperatorObject = (v: unknown): boolean => isDocument(v) && Object.keys(v).length > 0 && Object.keys(v).every((k) => k.startsWith('$'));

function isIndexableScalar(v: unknown): boolean {
  const tc = typeClass(v);
  return tc !== TypeClass.Array && tc !== TypeClass.RegExp && !(tc === TypeClass.Object && isOperatorObject(v)) && tc !== TypeClass.MinKey && tc !== TypeClass.MaxKey;
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
    if (tc === TypeClass.Null || tc === TypeClass.Array || tc === TypeClass.MinKey || tc === TypeClass.MaxKey || tc === TypeClass.Object) return null;
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
      for (const part of v) if (isDocument(part)) for (const [k2, v2] of fieldConditions(part)) if (!out.has(k2)) out.set(k2, v2);
    } else if (!k.startsWith('$')) out.set(k, v);
  }
  return out;
}

function usable(ix: Index): boolean {
  return !ix.isText && !ix.spec.sparse && !ix.spec.partialFilterExpression && !ix.spec.hidden && ix.fields.length > 0;
}

export function choosePlan(indexes: Iterable<Index>, filter: Record<string, unknown>, sort?: Record<string, unknown>): Plan {
  const conds = fieldConditions(filter);
  let best: { ix: Index; bounds: FieldBounds[]; score: number } | null = null;
  const all = [...indexes].filter(usable);
  for (const ix of all) {
    const field = ix.fields[0][0];
    if (!conds.has(field)) continue;
    const bounds = boundsFor(conds.get(field));
    if (!bounds) continue;
    const eq = bounds.every((b) => b.eq !== undefined);
    const score = (eq ? 10 : 5) + (ix.spec.unique ? 2 : 0) + (ix.name === '_id_' ? 1 : 0) + Math.min(ix.fields.length, 4) * 0.1 * countPrefix(ix, conds);
    if (!best || score > best.score) best = { ix, bounds, score };
  }
  const sortKeys = sort ? Object.entries(sort) : [];
  const sortField = sortKeys.length === 1 && (sortKeys[0][1] === 1 || sortKeys[0][1] === -1) ? sortKeys[0][0] : null;
  const sortDir = sortField ? Number(sortKeys[0][1]) : 1;
  if (best) {
    const ix = best.ix;
    // On a multikey index the two ends of a range may be met by different array elements
    // ({dim: [14, 21]} matches {$gt: 15, $lt: 20}), so only one bound may narrow the scan.
    if (ix.multikey) best.bounds = best.bounds.map((b) => (b.low && b.high ? { low: b.low, typeClass: b.typeClass } : b));
    if (sortKeys.length === 0) return { stage: 'IXSCAN', index: ix, bounds: best.bounds, sorted: true, reverse: false };
    // a multikey index sorts by the first matching key, MongoDB by the array's min/max element: only an
    // unbounded scan of a multikey index yields MongoDB's order, so bounded ones sort in memory
    if (best.bounds.length === 1 && sortField === ix.fields[0][0] && !ix.multikey) return { stage: 'IXSCAN', index: ix, bounds: best.bounds, sorted: true, reverse: sortDir < 0 };
    // equality on the first field of a compound index yields its second field in index order
    const second = ix.fields[1];
    if (best.bounds.length === 1 && best.bounds[0].eq !== undefined && second && sortField === second[0] && !ix.multikey) {
      const treeForward = (sortDir > 0) === (second[1] > 0);
      return { stage: 'IXSCAN', index: ix, bounds: best.bounds, sorted: true, reverse: treeForward !== (ix.fields[0][1] > 0) };
    }
    return { stage: 'IXSCAN', index: ix, bounds: best.bounds, sorted: false, reverse: false };
  }
  if (sortField) {
    const ix = all.find((i) => i.fields[0][0] === sortField);
    if (ix) return { stage: 'IXSCAN', index: ix, bounds: [], sorted: true, reverse: sortDir < 0 };
  }
  return { stage: 'COLLSCAN', sorted: sortKeys.length === 0, reverse: false };
}

function countPrefix(ix: Index, conds: Map<string, unknown>): number {
  let n = 0;
  for (const [f] of ix.fields) {
    if (!conds.has(f)) break;
    n++;
  }
  return n;
}
