/**
 * Which indexes a query under a collation may use (reference/collation, "collation and index use"): string
 * bounds need an index with the query's collation. A collated index's keys are primary weights
 * (engine/collation-keys.ts): it answers string equality, ranges and sorts while its keys are ordered by
 * the collation (no loose key stored, none in the bounds); its string range ends are inclusive
 * (strings equal at the primary level share a key) and its sorts re-sort each run of equal keys.
 */
import { sortValue } from '../bson/paths';
import { TypeClass } from '../bson/compare';
import { type Collation, sameCollation } from './collation';
import { holdsString } from './collation-keys';
import type { Doc, FieldBounds, Index } from './index-store';

function rangeHoldsString(b: FieldBounds): boolean {
  return (
    b.typeClass === TypeClass.String ||
    holdsString(b.low?.value) ||
    holdsString(b.high?.value) ||
    (!!b.next && rangeHoldsString(b.next))
  );
}

function boundHoldsString(b: FieldBounds): boolean {
  return holdsString(b.eq) || (b.prefix ?? []).some(holdsString) || rangeHoldsString(b);
}

function rangeExact(ix: Index, b: FieldBounds): boolean {
  return (
    (!b.low || ix.exactKey(b.low.value)) &&
    (!b.high || ix.exactKey(b.high.value)) &&
    (!b.next || rangeExact(ix, b.next))
  );
}

/** Every string of a bound (equality, `$in` prefix, range ends) has a key ordered by the collation. */
function boundExact(ix: Index, b: FieldBounds): boolean {
  return (
    (b.eq === undefined || ix.exactKey(b.eq)) && (b.prefix ?? []).every((v) => ix.exactKey(v)) && rangeExact(ix, b)
  );
}

/**
 * A loose key (stored or in the bounds) may belong to a string primary-equal to one whose key differs, so
 * even an equality scan could miss documents: such an index answers no string bound until it is rebuilt.
 */
export function boundsUsable(ix: Index, bounds: FieldBounds[], query: Collation | null): boolean {
  if (!bounds.some(boundHoldsString)) return true;
  if (!sameCollation(ix.collation, query)) return false;
  if (!ix.collation) return true;
  return !ix.looseOrder && bounds.every((b) => boundExact(ix, b));
}

/** A collated index's string range ends made inclusive: the strings equal to an end share its key. */
export function widenBounds(ix: Index, bounds: FieldBounds[]): FieldBounds[] {
  if (!ix.collation) return bounds;
  const end = (e: FieldBounds['low']) => (e && holdsString(e.value) ? { ...e, inclusive: true } : e);
  const widen = (b: FieldBounds): FieldBounds => ({
    ...b,
    ...(b.low ? { low: end(b.low) } : {}),
    ...(b.high ? { high: end(b.high) } : {}),
    ...(b.next ? { next: widen(b.next) } : {}),
  });
  return bounds.map(widen);
}

export function indexOrderUsable(ix: Index, query: Collation | null): boolean {
  if (!ix.collation) return !query;
  return sameCollation(ix.collation, query) && !ix.looseOrder;
}

/**
 * For a sort served by a collated index: the key of the first sort field, which the scan yields in order;
 * documents with equal keys (equal at the primary level) are re-sorted with the full collation.
 */
export function sortGroupKey(ix: Index, firstSortField: string): ((d: Doc) => string) | undefined {
  if (!ix.collation) return undefined;
  return (d) => ix.orderKey(sortValue(d, firstSortField));
}
